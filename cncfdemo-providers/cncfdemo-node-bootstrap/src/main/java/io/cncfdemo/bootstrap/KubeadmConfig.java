package io.cncfdemo.bootstrap;

import io.cncfdemo.support.Yaml;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The kubeadm configuration files of a node whose kubelet leaves the node's addresses and identity
 * to a cloud controller manager ({@code --cloud-provider=external}): kubelet's extra arguments can
 * only be given in {@code nodeRegistration.kubeletExtraArgs}, and kubeadm takes no other flag
 * beside {@code --config}, so everything the bootstrap script otherwise passes as flags is here.
 *
 * <p>They are templates: what only the node knows at boot is written {@code @NAME@} and filled in
 * by the script's {@code kubeadm_config}: {@value #TOKEN}, {@value #CERTIFICATE_KEY}, {@value
 * #CA_CERT_HASH}, {@value #PUBLIC_IP}, {@value #KUBERNETES_VERSION}, and the platform's {@value
 * #NODE_NAME} and {@value #PROVIDER_ID}. Kubernetes 1.30 reads {@code kubeadm.k8s.io/v1beta3}
 * (extra arguments as a map), later minors {@code v1beta4} (as a list of name and value).
 */
final class KubeadmConfig {
  static final String TOKEN = "@TOKEN@";
  static final String CERTIFICATE_KEY = "@CERTIFICATE_KEY@";
  static final String CA_CERT_HASH = "@CA_CERT_HASH@";
  static final String PUBLIC_IP = "@PUBLIC_IP@";
  static final String KUBERNETES_VERSION = "@KUBERNETES_VERSION@";
  static final String NODE_NAME = "@NODE_NAME@";
  static final String PROVIDER_ID = "@PROVIDER_ID@";

  /** The three templates, as the script names them. */
  static final String INIT = "init";

  static final String JOIN_CONTROL_PLANE = "join-control-plane";
  static final String JOIN = "join";

  private final String apiVersion;
  private final boolean extraArgsAsMap;
  private final String mastersRecord;
  private final List<String> extraSans;

  /**
   * @param minor the cluster's Kubernetes minor, e.g. {@code 1.35}
   * @param mastersRecord the control-plane endpoint's name
   * @param extraSans further names of the API server's certificate (may be empty)
   */
  KubeadmConfig(String minor, String mastersRecord, List<String> extraSans) {
    this.extraArgsAsMap = "1.30".equals(minor);
    this.apiVersion = "kubeadm.k8s.io/" + (extraArgsAsMap ? "v1beta3" : "v1beta4");
    this.mastersRecord = mastersRecord;
    this.extraSans = List.copyOf(extraSans);
  }

  /** Template name to content. */
  Map<String, String> templates() {
    var templates = new LinkedHashMap<String, String>();
    templates.put(INIT, init());
    templates.put(JOIN_CONTROL_PLANE, join(true));
    templates.put(JOIN, join(false));
    return templates;
  }

  /** The first master's: a bootstrap token without expiry, the control plane's certificate key. */
  String init() {
    var init = header("InitConfiguration");
    init.put(
        "bootstrapTokens",
        List.of(NodeBootstrap.ordered("token", TOKEN, "ttl", "0s", "groups", bootstrapGroups())));
    init.put("certificateKey", CERTIFICATE_KEY);
    init.put("nodeRegistration", nodeRegistration());
    var sans = new ArrayList<String>();
    sans.add(PUBLIC_IP);
    sans.add(mastersRecord);
    sans.addAll(extraSans);
    var cluster = header("ClusterConfiguration");
    cluster.put("kubernetesVersion", KUBERNETES_VERSION);
    cluster.put("controlPlaneEndpoint", endpoint());
    cluster.put("apiServer", NodeBootstrap.ordered("certSANs", sans));
    cluster.put("networking", NodeBootstrap.ordered("podSubnet", NodeBootstrap.POD_CIDR));
    return Yaml.document(init) + "---\n" + Yaml.document(cluster);
  }

  /** A further master's (with the certificate key) or a minion's. */
  String join(boolean controlPlane) {
    var join = header("JoinConfiguration");
    join.put(
        "discovery",
        NodeBootstrap.ordered(
            "bootstrapToken",
            NodeBootstrap.ordered(
                "apiServerEndpoint",
                endpoint(),
                "token",
                TOKEN,
                "caCertHashes",
                List.of(CA_CERT_HASH))));
    join.put("nodeRegistration", nodeRegistration());
    if (controlPlane) {
      join.put("controlPlane", NodeBootstrap.ordered("certificateKey", CERTIFICATE_KEY));
    }
    return Yaml.document(join);
  }

  private Map<String, Object> nodeRegistration() {
    var args = new LinkedHashMap<String, String>();
    args.put("cloud-provider", "external");
    args.put("provider-id", PROVIDER_ID);
    Object extraArgs =
        extraArgsAsMap
            ? args
            : args.entrySet().stream()
                .map(arg -> NodeBootstrap.ordered("name", arg.getKey(), "value", arg.getValue()))
                .toList();
    return NodeBootstrap.ordered("name", NODE_NAME, "kubeletExtraArgs", extraArgs);
  }

  private Map<String, Object> header(String kind) {
    return NodeBootstrap.ordered("apiVersion", apiVersion, "kind", kind);
  }

  private String endpoint() {
    return mastersRecord + ":6443";
  }

  /** kubeadm's default groups of a join token, written out as {@code kubeadm token} would. */
  private static List<String> bootstrapGroups() {
    return List.of("system:bootstrappers:kubeadm:default-node-token");
  }
}
