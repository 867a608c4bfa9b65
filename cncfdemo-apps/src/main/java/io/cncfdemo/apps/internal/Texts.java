package io.cncfdemo.apps.internal;

import io.cncfdemo.exception.CncfDemoException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Text files shipped in the apps' resources (config files, scripts), and checksums that roll pods
 * when they change.
 */
public final class Texts {
  /** Resources read once per class loader: they are part of the jar and do not change. */
  private static final ClassValue<Map<String, String>> READ =
      new ClassValue<>() {
        @Override
        protected Map<String, String> computeValue(Class<?> anchor) {
          return new ConcurrentHashMap<>();
        }
      };

  private Texts() {}

  /**
   * The resource at {@code path} next to {@code anchor}'s package, e.g. {@code
   * resource(Countly.class, "api.js")}.
   */
  public static String resource(Class<?> anchor, String name) {
    return READ.get(anchor).computeIfAbsent(name, missing -> read(anchor, missing));
  }

  private static String read(Class<?> anchor, String name) {
    try (var in = anchor.getResourceAsStream(name)) {
      if (in == null) {
        throw new CncfDemoException(
            "the resource "
                + name
                + " of "
                + anchor.getPackageName()
                + " is missing from the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A SHA-256 over files in name order, for a {@code checksum/config} pod annotation. */
  public static String checksum(Map<String, String> files) {
    try {
      var digest = MessageDigest.getInstance("SHA-256");
      new TreeMap<>(files)
          .forEach(
              (name, content) -> {
                digest.update(name.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(content.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
              });
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
