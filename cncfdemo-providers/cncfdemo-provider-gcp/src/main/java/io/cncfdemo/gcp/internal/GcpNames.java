package io.cncfdemo.gcp.internal;

import io.cncfdemo.bootstrap.NodeRole;
import io.cncfdemo.exception.InvalidInputException;

/**
 * The names of a cluster's resources: every one starts with {@code cncfdemo-<cluster>-}, since
 * networks, subnetworks, firewalls, templates, instance groups, backend services and health checks
 * carry no labels; teardown finds them by this prefix (and by the {@value #CLUSTER_LABEL} label
 * where the API has labels). Compute Engine names are at most {@value #MAX_NAME} characters, which
 * bounds the cluster name to {@value #MAX_CLUSTER_NAME}.
 */
public final class GcpNames {
  public static final String CLUSTER_LABEL = "cncfdemo-cluster";
  public static final String ROLE_LABEL = "cncfdemo-role";
  static final int MAX_NAME = 63;

  /** IAM's longest service account id. */
  static final int MAX_ACCOUNT_ID = 30;

  /** The longest suffix below ({@code health-checks}) must still fit. */
  public static final int MAX_CLUSTER_NAME =
      MAX_NAME - "cncfdemo-".length() - "-health-checks".length();

  public static final String SUBNET_CIDR = "10.240.0.0/16";

  /**
   * The API server's static internal address: the internal load balancer's frontend, {@code
   * masters.<cluster>.k8s}.
   */
  public static final String API_ADDRESS = "10.240.0.10";

  private final String cluster;
  private final String prefix;

  public GcpNames(String cluster) {
    if (cluster.length() > MAX_CLUSTER_NAME) {
      throw new InvalidInputException(
          "name",
          cluster,
          "at most "
              + MAX_CLUSTER_NAME
              + " characters on gcp(), since Compute Engine names are at most "
              + MAX_NAME);
    }
    this.cluster = cluster;
    this.prefix = "cncfdemo-" + cluster + "-";
  }

  public String cluster() {
    return cluster;
  }

  /** {@code cncfdemo-<cluster>-}: the start of every resource name of the cluster. */
  public String prefix() {
    return prefix;
  }

  public String network() {
    return prefix + "net";
  }

  public String subnetwork() {
    return prefix + "subnet";
  }

  /** SSH and the API server from the user's range. */
  public String accessFirewall() {
    return prefix + "access";
  }

  /** Every protocol between the nodes of the subnetwork. */
  public String internalFirewall() {
    return prefix + "internal";
  }

  /** Calico's pod traffic: VXLAN (UDP 4789) and IP-in-IP (protocol 4) between the nodes. */
  public String calicoFirewall() {
    return prefix + "calico";
  }

  /** Google's health checkers to the API server port, for the internal load balancer. */
  public String healthCheckFirewall() {
    return prefix + "health-checks";
  }

  public String template(NodeRole role) {
    return prefix + role.plural();
  }

  public String instanceGroup(NodeRole role) {
    return prefix + role.plural();
  }

  public String apiAddress() {
    return prefix + "api";
  }

  public String healthCheck() {
    return prefix + "api";
  }

  public String backendService() {
    return prefix + "api";
  }

  public String forwardingRule() {
    return prefix + "api";
  }

  public String managedZone() {
    return prefix + "zone";
  }

  /** The private zone's DNS name, with the trailing dot Cloud DNS wants: {@code <cluster>.k8s.} */
  public String dnsName() {
    return cluster + ".k8s.";
  }

  public String mastersRecord() {
    return "masters." + cluster + ".k8s";
  }

  public String minionsRecord() {
    return "minions." + cluster + ".k8s";
  }

  /**
   * The account id of the nodes' service account: {@code cncfdemo-<cluster>-nodes} when that fits
   * IAM's {@value #MAX_ACCOUNT_ID} characters, else the cluster name cut short and a hash of it.
   */
  public String serviceAccountId() {
    var id = prefix + "nodes";
    if (id.length() <= MAX_ACCOUNT_ID) {
      return id;
    }
    var hash = String.format("%08x", cluster.hashCode());
    return "cncfdemo-" + cluster.substring(0, MAX_ACCOUNT_ID - 18) + "-" + hash;
  }

  public String serviceAccountEmail(String project) {
    return serviceAccountId() + "@" + project + ".iam.gserviceaccount.com";
  }

  /** Whether a resource name is one of this cluster's. */
  public boolean owns(String name) {
    return name.startsWith(prefix);
  }
}
