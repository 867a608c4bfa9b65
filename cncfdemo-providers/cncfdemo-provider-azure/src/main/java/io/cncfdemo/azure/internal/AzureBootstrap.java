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
 * kubeconfig in {@value #ADMIN_KUBECONFIG}, which the library reads with Run Command. Masters also
 * get the {@link CloudConfig} ({@value #CLOUD_CONFIG_FILE}) and the default StorageClass ({@value
 * #STORAGE_CLASS_FILE}), which the first master applies with the {@link DiskCsiDriver}.
 */
public final class AzureBootstrap {
  public static final String SECRETS_FILE = "/etc/cncfdemo/join.env";

  /**
   * Where the first master keeps the admin kubeconfig, pointed at its public address (root-only).
   */
  public static final String ADMIN_KUBECONFIG = "/etc/cncfdemo/admin.conf";

  /** The cloud config, where cloud-provider-azure's add-ons look for it on a node. */
  public static final String CLOUD_CONFIG_FILE = "/etc/kubernetes/azure.json";

  public static final String STORAGE_CLASS_FILE = "/etc/cncfdemo/storageclass.yaml";

  private AzureBootstrap() {}

  /** The cloud-config of a node of this role, as text. */
  public static String render(
      ClusterSpec spec,
      AzureNames names,
      String subscription,
      NodeRole role,
      String identityClientId,
      CloudConfig cloud,
      JoinSecrets secrets) {
    var bootstrap =
        NodeBootstrap.builder()
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
            .setting("CLOUD_CONFIG_FILE", CLOUD_CONFIG_FILE)
            .setting("CLOUD_CONFIG_SECRET", DiskCsiDriver.CLOUD_CONFIG_SECRET)
            .setting("AZUREDISK_CSI_MANIFESTS", String.join(" ", DiskCsiDriver.manifests()))
            .setting("STORAGE_CLASS_FILE", STORAGE_CLASS_FILE)
            .file(SECRETS_FILE, "0600", secretsFile(role, secrets));
    if (role == NodeRole.MASTER) {
      bootstrap
          .file(CLOUD_CONFIG_FILE, "0600", cloud.json())
          .file(STORAGE_CLASS_FILE, "0644", DiskCsiDriver.storageClass());
    }
    return bootstrap.build().render();
  }

  static String secretsFile(NodeRole role, JoinSecrets secrets) {
    var text = "JOIN_TOKEN=" + NodeBootstrap.shellQuote(secrets.joinToken()) + "\n";
    return role == NodeRole.MASTER
        ? text + "CERTIFICATE_KEY=" + NodeBootstrap.shellQuote(secrets.certificateKey()) + "\n"
        : text;
  }
}
