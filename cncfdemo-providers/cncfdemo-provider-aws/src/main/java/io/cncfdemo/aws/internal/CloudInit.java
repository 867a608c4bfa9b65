package io.cncfdemo.aws.internal;

import io.cncfdemo.exception.CncfDemoException;
import io.cncfdemo.cluster.ClusterSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.CoreScalarResolver;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * The user data of the nodes: a {@code #cloud-config} document, rendered as YAML by snakeyaml-engine (never by pasting
 * text), that adds the Kubernetes package repository of the cluster's minor version, writes the node's
 * settings to {@value #ENV_FILE} and the bootstrap script to {@value #SCRIPT}, and runs it. It holds no secret: the
 * script reads the join token and certificate key from SSM SecureString parameters (see {@link BootstrapParameters}).
 */
public final class CloudInit {
  static final String ENV_FILE = "/etc/cncfdemo/cluster.env";
  static final String SCRIPT = "/usr/local/sbin/cncfdemo-bootstrap";
  /** Calico, the pod network: maintained, and it enforces the NetworkPolicies the demo's apps bring. */
  public static final String CALICO_VERSION = "v3.31.3";
  /** Calico's default pool, outside the VPC's {@value Network#VPC_CIDR} and the service range 10.96.0.0/12. */
  public static final String POD_CIDR = "192.168.0.0/16";
  private static final Pattern YAML11_BOOL = Pattern.compile("y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF");

  private CloudInit() {}

  /** The user data of a node of this role, as text. */
  public static String render(ClusterSpec spec, ClusterNames names, Role role) {
    var minor = minor(spec.kubernetesVersion());
    var repository = "https://pkgs.k8s.io/core:/stable:/v" + minor + "/rpm/";
    var config = new LinkedHashMap<String, Object>();
    config.put("yum_repos", Map.of("kubernetes", ordered(
        "name", "Kubernetes v" + minor,
        "baseurl", repository,
        "enabled", true,
        "gpgcheck", true,
        "gpgkey", repository + "repodata/repomd.xml.key")));
    config.put("write_files", List.of(
        ordered("path", ENV_FILE, "owner", "root:root", "permissions", "0644", "content", environment(spec, names, role)),
        ordered("path", SCRIPT, "owner", "root:root", "permissions", "0755", "content", script())));
    config.put("runcmd", List.of(List.of(SCRIPT)));
    return "#cloud-config\n" + new Dump(YAML_SETTINGS).dumpToString(config);
  }

  /**
   * cloud-init reads YAML 1.1 (PyYAML), where {@code 0644} is an octal number and {@code yes} a boolean: plain
   * scalars that either YAML 1.2's core schema or YAML 1.1's booleans would read as other than text are quoted.
   * Multi-line text is written as literal blocks.
   */
  private static final CoreScalarResolver YAML11_SAFE = yaml11Safe();
  private static final DumpSettings YAML_SETTINGS = DumpSettings.builder()
      .setDefaultFlowStyle(FlowStyle.BLOCK)
      .setSchema(new CoreSchema() {
        @Override
        public ScalarResolver getScalarResolver() {
          return YAML11_SAFE;
        }
      })
      .build();

  private static CoreScalarResolver yaml11Safe() {
    var resolver = new CoreScalarResolver(false);
    resolver.addImplicitResolver(Tag.BOOL, YAML11_BOOL, "yYnNoO");
    return resolver;
  }

  /** The user data as EC2 wants it in a launch template: base64. */
  static String base64(String userData) {
    return Base64.getEncoder().encodeToString(userData.getBytes(StandardCharsets.UTF_8));
  }

  private static String environment(ClusterSpec spec, ClusterNames names, Role role) {
    var version = spec.kubernetesVersion();
    var settings = new LinkedHashMap<String, String>();
    settings.put("CLUSTER_NAME", names.cluster());
    settings.put("REGION", names.region());
    settings.put("ROLE", role.tag());
    settings.put("PARAMETER_PATH", names.parameterPath());
    settings.put("MASTERS_RECORD", names.mastersRecord());
    settings.put("KUBERNETES_PACKAGE_VERSION", version.equals(minor(version)) ? "" : version);
    settings.put("POD_CIDR", POD_CIDR);
    settings.put("CALICO_VERSION", CALICO_VERSION);
    var out = new StringBuilder();
    settings.forEach((key, value) -> out.append(key).append('=').append(shellQuote(value)).append('\n'));
    return out.toString();
  }

  /** A value as one single-quoted shell word. */
  static String shellQuote(String value) {
    return "'" + value.replace("'", "'\\''") + "'";
  }

  static String minor(String version) {
    var parts = version.split("\\.");
    return parts[0] + "." + parts[1];
  }

  private static String script() {
    try (InputStream in = CloudInit.class.getResourceAsStream("bootstrap.sh")) {
      if (in == null) {
        throw new CncfDemoException("bootstrap.sh is missing from the class path of cncfdemo-provider-aws");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CncfDemoException("could not read bootstrap.sh: " + e.getMessage(), e);
    }
  }

  private static Map<String, Object> ordered(Object... keysAndValues) {
    var map = new LinkedHashMap<String, Object>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }
}
