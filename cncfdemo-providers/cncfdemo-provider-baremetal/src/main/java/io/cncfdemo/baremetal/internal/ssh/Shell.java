package io.cncfdemo.baremetal.internal.ssh;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Quoting for the POSIX shell: every word the provider sends to a host goes through {@link
 * #quote(String)}.
 */
public final class Shell {
  private Shell() {}

  /** The word in single quotes, with each single quote written as {@code '\''}. */
  public static String quote(String word) {
    return "'" + word.replace("'", "'\\''") + "'";
  }

  /** Each word quoted, joined by spaces. */
  public static String words(List<String> words) {
    return words.stream().map(Shell::quote).collect(Collectors.joining(" "));
  }
}
