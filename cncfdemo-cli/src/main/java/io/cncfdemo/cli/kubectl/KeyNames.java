package io.cncfdemo.cli.kubectl;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Kubernetes' {@code IsConfigMapKey}, which kubectl applies to the keys of ConfigMaps and Secrets,
 * with its messages.
 */
final class KeyNames {
  private static final Pattern KEY = Pattern.compile("[-._a-zA-Z0-9]+");
  private static final int MAX_LENGTH = 253;

  private KeyNames() {}

  /** What is wrong with the key, in Kubernetes' words; empty when it is valid. */
  static List<String> problems(String key) {
    var problems = new ArrayList<String>();
    if (key.length() > MAX_LENGTH) {
      problems.add("must be no more than " + MAX_LENGTH + " characters");
    }
    if (!KEY.matcher(key).matches()) {
      problems.add(
          "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g."
              + " 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is"
              + " '[-._a-zA-Z0-9]+')");
    }
    if (key.equals(".")) {
      problems.add("must not be '.'");
    } else if (key.equals("..")) {
      problems.add("must not be '..'");
    } else if (key.startsWith("..")) {
      problems.add("must not start with '..'");
    }
    return problems;
  }
}
