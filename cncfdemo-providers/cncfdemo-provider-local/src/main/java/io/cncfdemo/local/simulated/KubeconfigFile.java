package io.cncfdemo.local.simulated;

import io.cncfdemo.exception.CncfDemoException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

/** Writes kubeconfig files with embedded certificates, readable by their owner only (mode 0600). */
final class KubeconfigFile {
  private KubeconfigFile() {}

  /**
   * A kubeconfig with one cluster, user and context, all named {@code name}, for a client
   * certificate. Written as text: the names and URL are the library's own (a cluster name is a DNS
   * label), and building it with the Kubernetes model's serializer cost a second of start-up in a
   * fresh JVM.
   */
  static Path write(Path file, String name, String server, Pki pki, Pki.Issued client) {
    var quoted = '"' + name + '"';
    var text =
        String.join(
            "\n",
            "apiVersion: v1",
            "kind: Config",
            "clusters:",
            "- name: " + quoted,
            "  cluster:",
            "    server: \"" + server + '"',
            "    certificate-authority-data: " + base64(Pki.pem(pki.caCertificate())),
            "users:",
            "- name: " + quoted,
            "  user:",
            "    client-certificate-data: " + base64(client.certificatePem()),
            "    client-key-data: " + base64(client.keyPem()),
            "contexts:",
            "- name: " + quoted,
            "  context:",
            "    cluster: " + quoted,
            "    user: " + quoted,
            "current-context: " + quoted,
            "");
    return writePrivate(file, text);
  }

  /** Writes text to a new file that only its owner can read and write. */
  static Path writePrivate(Path file, String text) {
    try {
      Files.deleteIfExists(file);
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
      return file;
    } catch (IOException e) {
      throw new CncfDemoException("could not write " + file + ": " + e.getMessage(), e);
    }
  }

  private static String base64(String pem) {
    return Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.US_ASCII));
  }
}
