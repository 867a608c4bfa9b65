package io.cncfdemo.azure.internal;

import io.cncfdemo.exception.CncfDemoException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The SSH public key the nodes accept for {@value ScaleSets#ADMIN_USER} (Azure requires one when
 * passwords are off): the one given, else {@code ~/.ssh/id_ed25519.pub} or {@code
 * ~/.ssh/id_rsa.pub}, else a fresh RSA key whose private half is dropped at once (no SSH access
 * then; Run Command still works).
 */
public final class SshKey {
  private SshKey() {}

  public static String choose(Optional<String> given, Path home) {
    if (given.isPresent()) {
      return given.get().strip();
    }
    for (var name : List.of("id_ed25519.pub", "id_rsa.pub")) {
      var file = home.resolve(".ssh").resolve(name);
      if (Files.isReadable(file)) {
        try {
          return Files.readString(file).strip();
        } catch (IOException e) {
          throw new CncfDemoException("could not read " + file + ": " + e.getMessage(), e);
        }
      }
    }
    return throwaway();
  }

  static String throwaway() {
    try {
      var generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(3072);
      var key = (RSAPublicKey) generator.generateKeyPair().getPublic();
      var out = new ByteArrayOutputStream();
      write(out, "ssh-rsa".getBytes(StandardCharsets.US_ASCII));
      write(out, key.getPublicExponent().toByteArray());
      write(out, key.getModulus().toByteArray());
      return "ssh-rsa "
          + Base64.getEncoder().encodeToString(out.toByteArray())
          + " cncfdemo-no-private-key";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void write(ByteArrayOutputStream out, byte[] bytes) {
    var length = BigInteger.valueOf(bytes.length).toByteArray();
    for (int i = length.length; i < 4; i++) {
      out.write(0);
    }
    out.write(length, Math.max(0, length.length - 4), Math.min(4, length.length));
    out.write(bytes, 0, bytes.length);
  }
}
