package io.cncfdemo.bootstrap;

import io.cncfdemo.cluster.ClusterSpec;
import io.cncfdemo.exception.CncfDemoException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The user data of a node, the same on every cloud: a {@code #cloud-config} document that writes
 * the node's settings to {@value #ENV_FILE}, the cloud's part of the bootstrap to {@value
 * #PLATFORM_SCRIPT} and the one shared bootstrap script to {@value #SCRIPT}, and runs it. The
 * script installs containerd, kubelet, kubeadm and kubectl of the cluster's version from {@code
 * pkgs.k8s.io}, waits until {@code masters.<cluster>.k8s} resolves, then runs kubeadm init on the
 * first master (with Calico {@value #CALICO_VERSION} in VXLAN mode) or kubeadm join on the others.
 *
 * <p>What differs between clouds is injected: the package manager of the machine image, the
 * platform script (shell functions {@code secret}, {@code wait_shared}, {@code claim_init}, {@code
 * public_address}, {@code publish}, {@code before_init}, {@code node_ready}: see the shared
 * script's header), extra settings and extra files, and whether the cloud runs a cloud controller
 * manager ({@link Builder#externalCloudProvider()}).
 */
public final class NodeBootstrap {
  public static final String ENV_FILE = "/etc/cncfdemo/cluster.env";
  public static final String PLATFORM_SCRIPT = "/usr/local/lib/cncfdemo/platform.sh";
  public static final String SCRIPT = "/usr/local/sbin/cncfdemo-bootstrap";

  /**
   * Where the kubeadm configuration templates of a node with an external cloud provider are written
   * (see {@link Builder#externalCloudProvider()}).
   */
  public static final String KUBEADM_CONFIG_DIRECTORY = "/etc/cncfdemo/kubeadm";

  /**
   * Calico, the pod network: maintained, and it enforces the NetworkPolicies the demo's apps bring.
   */
  public static final String CALICO_VERSION = "v3.31.3";

  /**
   * Calico's default pool, outside the clouds' node networks (10.x) and the service range
   * 10.96.0.0/12.
   */
  public static final String POD_CIDR = "192.168.0.0/16";

  /** How the machine image installs packages. */
  public enum PackageManager {
    /**
     * Amazon Linux, Fedora, RHEL: the Kubernetes repository is a cloud-init {@code yum_repos}
     * entry.
     */
    DNF,
    /** Ubuntu, Debian: the script adds the repository's key and source list. */
    APT
  }

  private final ClusterSpec spec;
  private final String mastersRecord;
  private final NodeRole role;
  private final PackageManager packageManager;
  private final String platformScript;
  private final Map<String, String> settings;
  private final List<Map<String, Object>> files;
  private final boolean externalCloudProvider;

  private NodeBootstrap(Builder builder) {
    this.spec = Objects.requireNonNull(builder.spec, "spec");
    this.mastersRecord = Objects.requireNonNull(builder.mastersRecord, "mastersRecord");
    this.role = Objects.requireNonNull(builder.role, "role");
    this.packageManager = Objects.requireNonNull(builder.packageManager, "packageManager");
    this.platformScript = Objects.requireNonNull(builder.platformScript, "platformScript");
    this.settings = new LinkedHashMap<>(builder.settings);
    this.files = List.copyOf(builder.files);
    this.externalCloudProvider = builder.externalCloudProvider;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The cloud-config document, as text. */
  public String render() {
    var minor = minor(spec.kubernetesVersion());
    var config = new LinkedHashMap<String, Object>();
    if (packageManager == PackageManager.DNF) {
      var repository = "https://pkgs.k8s.io/core:/stable:/v" + minor + "/rpm/";
      config.put(
          "yum_repos",
          Map.of(
              "kubernetes",
              ordered(
                  "name",
                  "Kubernetes v" + minor,
                  "baseurl",
                  repository,
                  "enabled",
                  true,
                  "gpgcheck",
                  true,
                  "gpgkey",
                  repository + "repodata/repomd.xml.key")));
    }
    var writeFiles = new ArrayList<Map<String, Object>>();
    writeFiles.add(file(ENV_FILE, "0644", environment(minor)));
    writeFiles.add(file(PLATFORM_SCRIPT, "0644", platformScript));
    writeFiles.add(file(SCRIPT, "0755", resource("bootstrap.sh")));
    if (externalCloudProvider) {
      var extraSans = settings.getOrDefault("API_EXTRA_SANS", "");
      new KubeadmConfig(
              minor, mastersRecord, extraSans.isEmpty() ? List.of() : List.of(extraSans.split(",")))
          .templates()
          .forEach(
              (name, template) ->
                  writeFiles.add(
                      file(KUBEADM_CONFIG_DIRECTORY + "/" + name + ".yaml", "0644", template)));
    }
    writeFiles.addAll(files);
    config.put("write_files", writeFiles);
    config.put("runcmd", List.of(List.of(SCRIPT)));
    return CloudConfig.render(config);
  }

  /** The document as clouds take user data: base64 of its UTF-8 bytes. */
  public String base64() {
    return Base64.getEncoder().encodeToString(render().getBytes(StandardCharsets.UTF_8));
  }

  private String environment(String minor) {
    var version = spec.kubernetesVersion();
    var all = new LinkedHashMap<String, String>();
    all.put("CLUSTER_NAME", spec.name());
    all.put("ROLE", role.tag());
    all.put("MASTERS_RECORD", mastersRecord);
    all.put("PACKAGE_MANAGER", packageManager.name().toLowerCase(java.util.Locale.ROOT));
    all.put("KUBERNETES_MINOR", minor);
    all.put("KUBERNETES_PACKAGE_VERSION", version.equals(minor) ? "" : version);
    all.put("POD_CIDR", POD_CIDR);
    all.put("CALICO_VERSION", CALICO_VERSION);
    if (externalCloudProvider) {
      all.put("CLOUD_PROVIDER", "external");
      all.put("KUBEADM_CONFIG_DIRECTORY", KUBEADM_CONFIG_DIRECTORY);
    }
    all.putAll(settings);
    var out = new StringBuilder();
    all.forEach((key, value) -> out.append(key).append('=').append(shellQuote(value)).append('\n'));
    return out.toString();
  }

  /** A value as one single-quoted shell word. */
  public static String shellQuote(String value) {
    return "'" + value.replace("'", "'\\''") + "'";
  }

  static String minor(String version) {
    var parts = version.split("\\.");
    return parts[0] + "." + parts[1];
  }

  /** A text resource next to {@code anchor}, e.g. a provider's platform script. */
  public static String resource(Class<?> anchor, String name) {
    try (InputStream in = anchor.getResourceAsStream(name)) {
      if (in == null) {
        throw new CncfDemoException(
            name + " is missing from the class path next to " + anchor.getName());
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CncfDemoException("could not read " + name + ": " + e.getMessage(), e);
    }
  }

  private static String resource(String name) {
    return resource(NodeBootstrap.class, name);
  }

  private static Map<String, Object> file(String path, String permissions, String content) {
    return ordered(
        "path", path, "owner", "root:root", "permissions", permissions, "content", content);
  }

  static Map<String, Object> ordered(Object... keysAndValues) {
    var map = new LinkedHashMap<String, Object>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  /** The parts of a node's bootstrap; all but settings and files are required. */
  public static final class Builder {
    private ClusterSpec spec;
    private String mastersRecord;
    private NodeRole role;
    private PackageManager packageManager;
    private String platformScript;
    private final Map<String, String> settings = new LinkedHashMap<>();
    private final List<Map<String, Object>> files = new ArrayList<>();
    private boolean externalCloudProvider;

    private Builder() {}

    /** The cluster: its name and Kubernetes version. */
    public Builder spec(ClusterSpec spec) {
      this.spec = spec;
      return this;
    }

    /**
     * The DNS name of the masters' API server, e.g. {@code masters.demo.k8s}: kubeadm's
     * control-plane endpoint.
     */
    public Builder mastersRecord(String name) {
      this.mastersRecord = name;
      return this;
    }

    public Builder role(NodeRole role) {
      this.role = role;
      return this;
    }

    public Builder packageManager(PackageManager packageManager) {
      this.packageManager = packageManager;
      return this;
    }

    /** The cloud's shell functions (see the class comment), sourced by the shared script. */
    public Builder platformScript(String script) {
      this.platformScript = script;
      return this;
    }

    /** One more line of {@value #ENV_FILE}, e.g. {@code REGION}; the value is shell-quoted. */
    public Builder setting(String key, String value) {
      settings.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /** One more file, owned by root, e.g. {@code ("/etc/cncfdemo/join.env", "0600", text)}. */
    public Builder file(String path, String permissions, String content) {
      files.add(NodeBootstrap.file(path, permissions, content));
      return this;
    }

    /**
     * The cloud runs a cloud controller manager: kubelet starts with {@code
     * --cloud-provider=external}, so that the node waits, tainted {@code
     * node.cloudprovider.kubernetes.io/uninitialized}, until the manager has given it its addresses
     * and zone; the node is named and identified as the platform script's {@code node_name} and
     * {@code provider_id} print, and kubeadm takes its settings from configuration files in {@value
     * #KUBEADM_CONFIG_DIRECTORY} instead of flags. Off by default: kubelet then runs without a
     * cloud provider.
     */
    public Builder externalCloudProvider() {
      this.externalCloudProvider = true;
      return this;
    }

    public NodeBootstrap build() {
      return new NodeBootstrap(this);
    }
  }
}
