package io.cncfdemo.azure.internal;

import io.cncfdemo.bootstrap.JoinSecrets;
import io.cncfdemo.bootstrap.NodeBootstrap;
import io.cncfdemo.bootstrap.NodeRole;
import io.cncfdemo.cluster.ClusterSpec;

/**
 * The custom data of the scale sets: the shared {@link NodeBootstrap} for Ubuntu (apt) with the
 * Azure part of it, {@code platform.sh}. The join secrets are in a root-only file of the custom
 * data ({@value #SECRETS_FILE}): ARM keeps custom data encrypted and never returns it; minions get
 * the join token only. The first master (first by name among the masters' VMs, read with its
 * identity) runs kubeadm init, publishes the CA hash as a tag on its own VM and keeps the admin
 * kubeconfig in {@value #ADMIN_KUBECONFIG}, which the library reads with Run Command.
 */
public final class AzureBootstrap {
  public static final String SECRETS_FILE = "/etc/cncfdemo/join.env";

  /**
   * Where the first master keeps the admin kubeconfig, pointed at its public address (root-only).
   */
  public static final String ADMIN_KUBECONFIG = "/etc/cncfdemo/admin.conf";

  private AzureBootstrap() {}

  /** The cloud-config of a node of this role, as text. */
  public static String render(
      ClusterSpec spec,
      AzureNames names,
      String subscription,
      NodeRole role,
      String identityClientId,
      JoinSecrets secrets) {
    return NodeBootstrap.builder()
        .spec(spec)
        .mastersRecord(names.mastersRecord())
        .role(role)
        .packageManager(NodeBootstrap.PackageManager.APT)
        .platformScript(NodeBootstrap.resource(AzureBootstrap.class, "platform.sh"))
        .setting("SUBSCRIPTION_ID", subscription)
        .setting("RESOURCE_GROUP", names.resourceGroup())
        .setting("MASTERS_SCALE_SET", names.scaleSet(NodeRole.MASTER))
        .setting("MASTERS", String.valueOf(spec.masters()))
        .setting("IDENTITY_CLIENT_ID", identityClientId)
        .setting("API_EXTRA_SANS", AzureNames.API_ADDRESS)
        .setting("CA_HASH_TAG", Tags.CA_CERT_HASH)
        .setting("ADMIN_KUBECONFIG", ADMIN_KUBECONFIG)
        .file(SECRETS_FILE, "0600", secretsFile(role, secrets))
        .build()
        .render();
  }

  static String secretsFile(NodeRole role, JoinSecrets secrets) {
    var text = "JOIN_TOKEN=" + NodeBootstrap.shellQuote(secrets.joinToken()) + "\n";
    return role == NodeRole.MASTER
        ? text + "CERTIFICATE_KEY=" + NodeBootstrap.shellQuote(secrets.certificateKey()) + "\n"
        : text;
  }
}
