package io.cncfdemo.azure.fake;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed certificate for 127.0.0.1, made at test time by the JDK's {@code keytool}: the fake
 * serves HTTPS with it, and the SDK's HTTP client trusts it alone, so that the SDK's production
 * pipeline (bearer-token policy, which refuses plain HTTP) runs unchanged.
 */
final class TestCertificate {
  private static final char[] PASSWORD = "test-only-keystore".toCharArray();

  private final KeyStore keyStore;

  private TestCertificate(KeyStore keyStore) {
    this.keyStore = keyStore;
  }

  static TestCertificate generate(Path directory)
      throws IOException, GeneralSecurityException, InterruptedException {
    var file = directory.resolve("arm-fake.p12");
    Files.deleteIfExists(file);
    var keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    var process =
        new ProcessBuilder(
                keytool,
                "-genkeypair",
                "-alias",
                "arm-fake",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-validity",
                "2",
                "-dname",
                "CN=127.0.0.1",
                "-ext",
                "san=ip:127.0.0.1,dns:localhost",
                "-storetype",
                "PKCS12",
                "-keystore",
                file.toString(),
                "-storepass",
                new String(PASSWORD))
            .redirectErrorStream(true)
            .start();
    var output = new String(process.getInputStream().readAllBytes());
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IOException("keytool failed: " + output);
    }
    var store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(file)) {
      store.load(in, PASSWORD);
    }
    return new TestCertificate(store);
  }

  /** The certificate as PEM, for clients that read a CA bundle file (curl). */
  Path writePem(Path file) throws IOException {
    try {
      var der = keyStore.getCertificate("arm-fake").getEncoded();
      var pem =
          "-----BEGIN CERTIFICATE-----\n"
              + java.util.Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
              + "\n-----END CERTIFICATE-----\n";
      return Files.writeString(file, pem);
    } catch (java.security.KeyStoreException | java.security.cert.CertificateEncodingException e) {
      throw new IOException(e);
    }
  }

  KeyStore keyStore() {
    return keyStore;
  }

  /** What the fake serves with. */
  SSLContext serverContext() throws GeneralSecurityException {
    var keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(keyStore, PASSWORD);
    var context = SSLContext.getInstance("TLS");
    context.init(keys.getKeyManagers(), null, null);
    return context;
  }

  /** What a client trusts: this certificate only. */
  SSLContext clientContext() throws GeneralSecurityException {
    var trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(keyStore);
    var context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    return context;
  }
}
