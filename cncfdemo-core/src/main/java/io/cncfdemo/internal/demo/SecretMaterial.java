package io.cncfdemo.internal.demo;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Random secret material of one demo, drawn once per purpose so that compiling the same demo twice
 * gives the same Secrets. Its {@link #toString()} never shows the values.
 */
public final class SecretMaterial {
  private static final SecureRandom RANDOM = new SecureRandom();
  private final Map<String, String> values = new ConcurrentHashMap<>();

  String get(String purpose, int bytes) {
    if (bytes < 16 || bytes > 4096) {
      throw new IllegalArgumentException("secret sizes are 16 to 4096 bytes, was " + bytes);
    }
    return values.computeIfAbsent(
        purpose + "/" + bytes,
        key -> {
          var buffer = new byte[bytes];
          RANDOM.nextBytes(buffer);
          return Base64.getEncoder().encodeToString(buffer);
        });
  }

  @Override
  public String toString() {
    return "SecretMaterial[" + values.size() + " values, not shown]";
  }
}
