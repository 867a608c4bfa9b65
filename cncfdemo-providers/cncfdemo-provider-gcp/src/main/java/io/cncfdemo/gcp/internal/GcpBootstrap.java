package io.cncfdemo.gcp.internal;

import io.cncfdemo.bootstrap.JoinSecrets;
import io.cncfdemo.bootstrap.NodeBootstrap;
import io.cncfdemo.bootstrap.NodeRole;
import io.cncfdemo.cluster.ClusterSpec;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The user data of the instance templates: the shared {@link NodeBootstrap} for Ubuntu (apt) with
 * the GCP part of it, {@code platform.sh}. The join secrets are in a root-only file of the user
 * data ({@value #SECRETS_FILE}); minions get the join token only. The first master (first by name
 * among the masters' group's instances, read with the node's service account through the metadata
 * server) runs kubeadm init and publishes the CA hash and the admin kubeconfig as guest attributes
 * of its instance (namespace {@value #NAMESPACE}), where the other nodes and the library read them.
 * The masters' user data also carries the manifests of {@link GcpAddons}, which the first master
 * applies after Calico.
 */
public final class GcpBootstrap {
  public static final String SECRETS_FILE = "/etc/cncfdemo/join.env";

  /** The guest-attribute namespace the first master publishes in. */
  public static final String NAMESPACE = "cncfdemo";

  public static final String ADMIN_KUBECONFIG_KEY = "admin-kubeconfig";
  public static final String CA_HASH_KEY = "ca-cert-hash";
  private static final Pattern SECRET =
      Pattern.compile("^\\s*(JOIN_TOKEN|CERTIFICATE_KEY)='([^']*)'$", Pattern.MULTILINE);

  private GcpBootstrap() {}

  /** The cloud-config of a node of this role, as text. */
  public static String render(
      ClusterSpec spec,
      GcpNames names,
      String project,
      String region,
      NodeRole role,
      JoinSecrets secrets) {
    var builder = NodeBootstrap.builder();
    GcpAddons.settings().forEach(builder::setting);
    if (role == NodeRole.MASTER) {
      GcpAddons.files().forEach((path, content) -> builder.file(path, "0644", content));
    }
    return builder
        .spec(spec)
        .mastersRecord(names.mastersRecord())
        .role(role)
        .packageManager(NodeBootstrap.PackageManager.APT)
        .platformScript(NodeBootstrap.resource(GcpBootstrap.class, "platform.sh"))
        .setting("PROJECT", project)
        .setting("REGION", region)
        .setting("MASTERS_GROUP", names.instanceGroup(NodeRole.MASTER))
        .setting("MASTERS", String.valueOf(spec.masters()))
        .setting("API_EXTRA_SANS", GcpNames.API_ADDRESS)
        .setting("GUEST_NAMESPACE", NAMESPACE)
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

  /**
   * The secrets written into an existing template's user data (a create that stopped after the
   * first template): the masters' template has both, the minions' the token only, and the
   * certificate key is then new, which is right as no master exists yet.
   */
  static Optional<JoinSecrets> secretsOf(String userData) {
    String token = null;
    String key = null;
    var matcher = SECRET.matcher(userData);
    while (matcher.find()) {
      if (matcher.group(1).equals("JOIN_TOKEN")) {
        token = matcher.group(2);
      } else {
        key = matcher.group(2);
      }
    }
    return token == null
        ? Optional.empty()
        : Optional.of(
            new JoinSecrets(token, key != null ? key : JoinSecrets.generate().certificateKey()));
  }
}
