package io.cncfdemo.bootstrap;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The two secrets nodes join with, random per cluster: a kubeadm bootstrap token ({@code
 * abcdef.0123456789abcdef}) and the key kubeadm encrypts the control-plane certificates with for
 * further masters (64 hex digits). Never logged; {@link #toString()} hides them.
 *
 * @param joinToken the bootstrap token
 * @param certificateKey the certificate key
 */
public record JoinSecrets(String joinToken, String certificateKey) {
  /** The bootstrap secret names, as the bootstrap script's {@code secret} function takes them. */
  public static final String JOIN_TOKEN = "join-token";

  public static final String CERTIFICATE_KEY = "certificate-key";

  private static final char[] TOKEN_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  /** New random secrets. */
  public static JoinSecrets generate() {
    var key = new byte[32];
    RANDOM.nextBytes(key);
    return new JoinSecrets(token(6) + "." + token(16), HexFormat.of().formatHex(key));
  }

  @Override
  public String toString() {
    return "JoinSecrets[hidden]";
  }

  private static String token(int length) {
    var out = new char[length];
    for (int i = 0; i < length; i++) {
      out[i] = TOKEN_ALPHABET[RANDOM.nextInt(TOKEN_ALPHABET.length)];
    }
    return new String(out);
  }
}
