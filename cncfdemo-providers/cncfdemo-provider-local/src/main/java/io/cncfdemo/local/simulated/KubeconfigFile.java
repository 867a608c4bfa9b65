package io.cncfdemo.local.simulated;

import io.cncfdemo.support.PrivateFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
    return PrivateFiles.write(file, text);
  }

  private static String base64(String pem) {
    return Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.US_ASCII));
  }
}
