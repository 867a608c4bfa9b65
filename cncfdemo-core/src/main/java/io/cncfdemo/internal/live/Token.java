package io.cncfdemo.internal.live;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

/** An unguessable token (128 random bits) and its check, in constant time. */
public final class Token {
  private static final SecureRandom RANDOM = new SecureRandom();
  private final String value;

  private Token(String value) {
    this.value = value;
  }

  /** A fresh random token. */
  public static Token random() {
    var bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return new Token(HexFormat.of().formatHex(bytes));
  }

  /** The token as 32 hex digits. */
  public String value() {
    return value;
  }

  /** Whether a request's path starts with {@code /TOKEN/} (or is {@code /TOKEN}). */
  public boolean admits(String path) {
    if (path.length() < value.length() + 1 || path.charAt(0) != '/') {
      return false;
    }
    var given = path.substring(1, value.length() + 1);
    boolean equal =
        MessageDigest.isEqual(
            given.getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8));
    return equal && (path.length() == value.length() + 1 || path.charAt(value.length() + 1) == '/');
  }
}
