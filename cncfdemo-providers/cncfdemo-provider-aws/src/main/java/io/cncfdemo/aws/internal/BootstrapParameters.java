package io.cncfdemo.aws.internal;

import io.cncfdemo.bootstrap.JoinSecrets;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;
import software.amazon.awssdk.services.ssm.model.ParameterTier;
import software.amazon.awssdk.services.ssm.model.ParameterType;
import software.amazon.awssdk.services.ssm.model.Tag;

/**
 * The SSM parameters under {@code /cncfdemo/<cluster>/} through which nodes bootstrap, so that no
 * secret is in the user data: the library creates {@value #JOIN_TOKEN} and {@value
 * #CERTIFICATE_KEY} ({@link JoinSecrets}) as SecureStrings; the first master adds {@value
 * #CA_CERT_HASH} and, as a SecureString of the advanced tier (it exceeds 4 KB), {@value
 * #ADMIN_KUBECONFIG}. Only the instance roles can read them (see {@link InstanceRoles}). Values are
 * never logged.
 */
final class BootstrapParameters {
  static final String JOIN_TOKEN = JoinSecrets.JOIN_TOKEN;
  static final String CERTIFICATE_KEY = JoinSecrets.CERTIFICATE_KEY;
  static final String CA_CERT_HASH = "ca-cert-hash";
  static final String ADMIN_KUBECONFIG = "admin-kubeconfig";
  static final String INIT_LOCK = "init-lock";
  static final String API_ENDPOINT = "api-endpoint";

  private static final Logger LOG = LoggerFactory.getLogger(BootstrapParameters.class);

  private final SsmClient ssm;
  private final ClusterNames names;

  BootstrapParameters(SsmClient ssm, ClusterNames names) {
    this.ssm = ssm;
    this.names = names;
  }

  void ensure() {
    var secrets = JoinSecrets.generate();
    ensureSecret(JOIN_TOKEN, secrets.joinToken());
    ensureSecret(CERTIFICATE_KEY, secrets.certificateKey());
  }

  /** The decrypted value of a parameter of this cluster, when it exists. */
  Optional<String> read(String leaf) {
    try {
      return Optional.of(
          ssm.getParameter(r -> r.name(names.parameter(leaf)).withDecryption(true))
              .parameter()
              .value());
    } catch (ParameterNotFoundException e) {
      return Optional.empty();
    }
  }

  private void ensureSecret(String leaf, String value) {
    var name = names.parameter(leaf);
    if (read(leaf).isPresent()) {
      return;
    }
    ssm.putParameter(
        r ->
            r.name(name)
                .type(ParameterType.SECURE_STRING)
                .tier(ParameterTier.STANDARD)
                .value(value)
                .description(
                    "cncfdemo " + names.cluster() + ": read by the nodes while they bootstrap")
                .tags(
                    Tags.as(
                        Tags.of(names.cluster(), leaf, null),
                        (k, v) -> Tag.builder().key(k).value(v).build())));
    LOG.info("created SecureString parameter {}", name);
  }
}
