package io.cncfdemo.local.simulated;

import io.cncfdemo.support.PrivateFiles;
import io.cncfdemo.support.Yaml;
import io.fabric8.kubernetes.api.model.ConfigBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;

/** Writes kubeconfig files with embedded certificates, readable by their owner only (mode 0600). */
final class KubeconfigFile {
  private KubeconfigFile() {}

  /**
   * A kubeconfig with one cluster, user and context, all named {@code name}, for a client
   * certificate.
   */
  static Path write(Path file, String name, String server, Pki pki, Pki.Issued client) {
    var config =
        new ConfigBuilder()
            .withApiVersion("v1")
            .withKind("Config")
            .addNewCluster()
            .withName(name)
            .withNewCluster()
            .withServer(server)
            .withCertificateAuthorityData(base64(Pki.pem(pki.caCertificate())))
            .endCluster()
            .endCluster()
            .addNewUser()
            .withName(name)
            .withNewUser()
            .withClientCertificateData(base64(client.certificatePem()))
            .withClientKeyData(base64(client.keyPem()))
            .endUser()
            .endUser()
            .addNewContext()
            .withName(name)
            .withNewContext()
            .withCluster(name)
            .withUser(name)
            .endContext()
            .endContext()
            .withCurrentContext(name)
            .build();
    return PrivateFiles.write(file, Yaml.serialization().asYaml(config));
  }

  private static String base64(String pem) {
    return Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.US_ASCII));
  }
}
