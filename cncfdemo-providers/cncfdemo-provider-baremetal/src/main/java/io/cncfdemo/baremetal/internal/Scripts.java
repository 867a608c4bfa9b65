package io.cncfdemo.baremetal.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The shell scripts the provider runs on hosts, shipped as resources next to this class. */
public final class Scripts {
  private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

  private Scripts() {}

  /** The text of a script, e.g. {@code facts.sh}. */
  public static String text(String name) {
    return CACHE.computeIfAbsent(
        name,
        key -> {
          try (var in = Scripts.class.getResourceAsStream(key)) {
            if (in == null) {
              throw new IllegalStateException("missing resource " + key);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }
}
