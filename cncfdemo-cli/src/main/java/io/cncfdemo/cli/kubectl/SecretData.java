package io.cncfdemo.cli.kubectl;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/** The data of a Secret being built by {@code create secret generic}: every value as bytes. */
final class SecretData implements DataSink {
  private final Map<String, byte[]> data = new TreeMap<>();

  @Override
  public void addFile(String key, byte[] content) {
    var problems = KeyNames.problems(key);
    if (!problems.isEmpty()) {
      throw new KubectlError(
          "\"" + key + "\" is not valid key name for a Secret " + String.join(";", problems));
    }
    if (data.containsKey(key)) {
      throw new KubectlError("cannot add key " + key + ", another key by that name already exists");
    }
    data.put(key, content);
  }

  @Override
  public void addLiteral(String key, String value) {
    addFile(key, value.getBytes(StandardCharsets.UTF_8));
  }

  Map<String, byte[]> data() {
    return data;
  }
}
