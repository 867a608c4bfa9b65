package io.cncfdemo.local.simulated;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.ContentSigner;

/**
 * The certificates and keys of one simulated control plane, made fresh for it and never reused: a
 * CA, the API server's serving certificate for 127.0.0.1, a client certificate per component, and
 * the service-account signing key. ECDSA P-256 throughout (a key pair in well under a millisecond,
 * where RSA 2048 takes tens to hundreds), except for the clients this JVM reads: fabric8 8.0 cannot
 * read the EC private keys that BouncyCastle writes, so {@link #rsaClient} issues those with RSA.
 */
final class Pki {
  static final Duration VALIDITY = Duration.ofDays(30);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final KeyPair caKey;
  private final X509Certificate caCertificate;

  private Pki(KeyPair caKey, X509Certificate caCertificate) {
    this.caKey = caKey;
    this.caCertificate = caCertificate;
  }

  /** A new CA named after the cluster. */
  static Pki newAuthority(String clusterName) {
    var key = newKeyPair();
    var subject = name(clusterName + "-ca", null);
    try {
      var builder =
          builder(subject, subject, key, Duration.ofDays(30))
              .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
              .addExtension(
                  Extension.keyUsage,
                  true,
                  new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature))
              .addExtension(
                  Extension.subjectKeyIdentifier, false, new SubjectKeyIdentifier(keyId(key)));
      return new Pki(key, sign(builder, key));
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("could not create the cluster's CA", e);
    }
  }

  X509Certificate caCertificate() {
    return caCertificate;
  }

  /** The CA's private key as PEM, for the controller manager's certificate signer. */
  String caKeyPem() {
    return pem(caKey.getPrivate());
  }

  /** A serving certificate for these DNS names and IP addresses. */
  Issued serving(String commonName, List<String> dnsNames, List<String> ipAddresses) {
    var names = new ArrayList<GeneralName>();
    dnsNames.forEach(dns -> names.add(new GeneralName(GeneralName.dNSName, dns)));
    ipAddresses.forEach(ip -> names.add(new GeneralName(GeneralName.iPAddress, ip)));
    return issue(
        name(commonName, null),
        KeyPurposeId.id_kp_serverAuth,
        new GeneralNames(names.toArray(GeneralName[]::new)),
        newKeyPair());
  }

  /** A client certificate: the API server maps CN to the user and O to the group. */
  Issued client(String user, String group) {
    return issue(name(user, group), KeyPurposeId.id_kp_clientAuth, null, newKeyPair());
  }

  /** A client certificate with an RSA key, for the clients of this JVM (fabric8). */
  Issued rsaClient(String user, String group) {
    return issue(name(user, group), KeyPurposeId.id_kp_clientAuth, null, newRsaKeyPair());
  }

  /** An EC P-256 key pair without a certificate, e.g. the service-account signing key. */
  static KeyPair newKeyPair() {
    try {
      var generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("no EC P-256 key generator in this JVM", e);
    }
  }

  private static KeyPair newRsaKeyPair() {
    try {
      var generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048, RANDOM);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("no RSA key generator in this JVM", e);
    }
  }

  /**
   * An object (certificate, private or public key) as PEM text; RSA private keys as PKCS#1 (what
   * fabric8 reads), EC private keys as PKCS#8 (the SEC 1 form the JDK's encoding gives lacks the
   * curve, which Go needs).
   */
  static String pem(Object object) {
    var out = new StringWriter();
    try (var writer = new JcaPEMWriter(out)) {
      if (object instanceof ECPrivateKey key) {
        writer.writeObject(new JcaPKCS8Generator(key, null));
      } else {
        writer.writeObject(object);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private Issued issue(
      X500Name subject, KeyPurposeId purpose, GeneralNames alternativeNames, KeyPair key) {
    try {
      var issuer = X500Name.getInstance(caCertificate.getSubjectX500Principal().getEncoded());
      var builder =
          builder(issuer, subject, key, VALIDITY)
              .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
              .addExtension(
                  Extension.keyUsage,
                  true,
                  new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment))
              .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose))
              .addExtension(
                  Extension.authorityKeyIdentifier,
                  false,
                  new AuthorityKeyIdentifier(keyId(caKey)));
      if (alternativeNames != null) {
        builder.addExtension(Extension.subjectAlternativeName, false, alternativeNames);
      }
      return new Issued(sign(builder, caKey), key);
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("could not issue a certificate for " + subject, e);
    }
  }

  private static X509v3CertificateBuilder builder(
      X500Name issuer, X500Name subject, KeyPair key, Duration validity) {
    var now = Instant.now();
    return new JcaX509v3CertificateBuilder(
        issuer,
        new BigInteger(127, RANDOM).add(BigInteger.ONE),
        Date.from(now.minus(Duration.ofMinutes(5))),
        Date.from(now.plus(validity)),
        subject,
        key.getPublic());
  }

  /**
   * Signs with the JDK's SHA256withECDSA and reads the result with the JDK's certificate factory:
   * BouncyCastle's JCA signer and converter take a second to initialise, and only the builder is
   * needed from it.
   */
  private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair signer)
      throws GeneralSecurityException {
    var signed = builder.build(new EcdsaSigner(signer.getPrivate()));
    try {
      return (X509Certificate)
          CertificateFactory.getInstance("X.509")
              .generateCertificate(new ByteArrayInputStream(signed.getEncoded()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The key identifier of RFC 5280 4.2.1.2 (1): the SHA-1 of the subject public key's bits. */
  private static byte[] keyId(KeyPair key) throws GeneralSecurityException {
    var bits = SubjectPublicKeyInfo.getInstance(key.getPublic().getEncoded()).getPublicKeyData();
    return MessageDigest.getInstance("SHA-1").digest(bits.getBytes());
  }

  private static X500Name name(String commonName, String organization) {
    var builder = new X500NameBuilder(BCStyle.INSTANCE);
    if (organization != null) {
      builder.addRDN(BCStyle.O, organization);
    }
    return builder.addRDN(BCStyle.CN, commonName).build();
  }

  /** A BouncyCastle content signer backed by the JDK's ECDSA. */
  private static final class EcdsaSigner implements ContentSigner {
    private final PrivateKey key;
    private final ByteArrayOutputStream content = new ByteArrayOutputStream();

    EcdsaSigner(PrivateKey key) {
      this.key = key;
    }

    @Override
    public AlgorithmIdentifier getAlgorithmIdentifier() {
      return new AlgorithmIdentifier(X9ObjectIdentifiers.ecdsa_with_SHA256);
    }

    @Override
    public OutputStream getOutputStream() {
      return content;
    }

    @Override
    public byte[] getSignature() {
      try {
        var signature = Signature.getInstance("SHA256withECDSA");
        signature.initSign(key);
        signature.update(content.toByteArray());
        return signature.sign();
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("could not sign a certificate", e);
      }
    }
  }

  /** A certificate with its key pair. */
  record Issued(X509Certificate certificate, KeyPair key) {
    String certificatePem() {
      return pem(certificate);
    }

    String keyPem() {
      return pem(key.getPrivate());
    }
  }
}
