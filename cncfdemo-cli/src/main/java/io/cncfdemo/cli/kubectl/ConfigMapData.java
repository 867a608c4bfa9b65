package io.cncfdemo.cli.kubectl;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * The data of a ConfigMap being built by {@code create configmap}: UTF-8 content as text, anything
 * else as binary.
 */
final class ConfigMapData implements DataSink {
  private final String name;
  private final Map<String, String> data = new TreeMap<>();
  private final Map<String, byte[]> binaryData = new TreeMap<>();

  ConfigMapData(String name) {
    this.name = name;
  }

  @Override
  public void addFile(String key, byte[] content) {
    var text = utf8(content);
    if (text != null) {
      addLiteral(key, text);
      return;
    }
    check(key);
    binaryData.put(key, content);
  }

  @Override
  public void addLiteral(String key, String value) {
    check(key);
    data.put(key, value);
  }

  Map<String, String> data() {
    return data;
  }

  Map<String, byte[]> binaryData() {
    return binaryData;
  }

  private void check(String key) {
    var problems = KeyNames.problems(key);
    if (!problems.isEmpty()) {
      throw new KubectlError(
          "\"" + key + "\" is not a valid key name for a ConfigMap: " + String.join(",", problems));
    }
    if (data.containsKey(key)) {
      throw new KubectlError(
          "cannot add key \""
              + key
              + "\", another key by that name already exists in Data for ConfigMap \""
              + name
              + "\"");
    }
    if (binaryData.containsKey(key)) {
      throw new KubectlError(
          "cannot add key \""
              + key
              + "\", another key by that name already exists in BinaryData for ConfigMap \""
              + name
              + "\"");
    }
  }

  /**
   * The text, when the bytes are valid UTF-8 (as Go's {@code utf8.Valid} decides); null otherwise.
   */
  static String utf8(byte[] content) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(content))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
