package io.cncfdemo.baremetal.internal;

import io.cncfdemo.cluster.BareMetalHost;
import io.cncfdemo.cluster.BareMetalTarget;
import io.cncfdemo.cluster.ClusterSpec;
import io.cncfdemo.cluster.Target;
import io.cncfdemo.exception.InvalidInputException;
import java.util.ArrayList;
import java.util.List;

/**
 * Which host becomes what, and the cluster's address plan: masters and minions in order, each
 * minion with its own /24 of the pod range, the service range and the DNS-free name of the masters,
 * {@code masters.<cluster>.k8s}.
 *
 * @param spec the cluster
 * @param target its hosts and SSH settings
 * @param masters the control-plane hosts, first master first
 * @param minions the worker hosts
 */
public record ClusterLayout(
    ClusterSpec spec, BareMetalTarget target, List<Node> masters, List<Node> minions) {
  /**
   * The pod range; minion {@code i} gets the {@code i}-th /24 of it, so it takes up to 1024
   * minions.
   */
  public static final String POD_CIDR = "10.244.0.0/14";

  public static final String SERVICE_CIDR = "10.96.0.0/12";

  /** The first address of the service range: the {@code kubernetes} Service. */
  public static final String KUBERNETES_SERVICE_IP = "10.96.0.1";

  public static final String CLUSTER_DNS_IP = "10.96.0.10";
  public static final int API_PORT = 6443;

  /** One host in its role. */
  public record Node(BareMetalHost host, BareMetalHost.Role role, int index) {
    public String address() {
      return host.address();
    }

    /** This minion's pod subnet: the {@code index}-th /24 of {@link #POD_CIDR}. */
    public String podSubnet() {
      return "10." + (244 + index / 256) + "." + (index % 256) + ".0/24";
    }

    /** The bridge address of this minion's pod subnet, the pods' gateway. */
    public String podGateway() {
      return "10." + (244 + index / 256) + "." + (index % 256) + ".1";
    }

    public boolean isMaster() {
      return role == BareMetalHost.Role.MASTER;
    }
  }

  /**
   * The layout of this spec: checks that the target is a bare-metal one and that the cluster's
   * master and minion counts agree with its hosts (the defaults of {@code Cluster.on(...)} yield to
   * the hosts).
   */
  public static ClusterLayout of(ClusterSpec spec) {
    var target = bareMetal(spec.target());
    var masterHosts = target.masters(spec.masters());
    if (target.hasRoles()
        && spec.masters() != ClusterSpec.DEFAULT_MASTERS
        && spec.masters() != masterHosts.size()) {
      throw new InvalidInputException(
          "masters",
          spec.masters(),
          masterHosts.size()
              + ", the hosts with role master"
              + " of "
              + target.describe()
              + " (or leave it unset)");
    }
    var minionHosts = target.minions(spec.masters());
    if (minionHosts.isEmpty()) {
      throw new InvalidInputException(
          "hosts",
          target.hosts().size(),
          "at least "
              + (masterHosts.size() + 1)
              + ": the "
              + masterHosts.size()
              + " master(s) and at least one minion");
    }
    if (spec.minions() != ClusterSpec.DEFAULT_MINIONS && spec.minions() != minionHosts.size()) {
      throw new InvalidInputException(
          "minions",
          spec.minions(),
          minionHosts.size()
              + ", the hosts of "
              + target.describe()
              + " after the master(s) (or leave it unset)");
    }
    if (minionHosts.size() > 1024) {
      throw new InvalidInputException(
          "minions", minionHosts.size(), "at most 1024, the /24 pod subnets of " + POD_CIDR);
    }
    var masters = new ArrayList<Node>();
    for (int i = 0; i < masterHosts.size(); i++) {
      masters.add(new Node(masterHosts.get(i), BareMetalHost.Role.MASTER, i));
    }
    var minions = new ArrayList<Node>();
    for (int i = 0; i < minionHosts.size(); i++) {
      minions.add(new Node(minionHosts.get(i), BareMetalHost.Role.MINION, i));
    }
    return new ClusterLayout(spec, target, List.copyOf(masters), List.copyOf(minions));
  }

  /** Every host: masters first. */
  public List<Node> nodes() {
    var all = new ArrayList<>(masters);
    all.addAll(minions);
    return all;
  }

  public Node firstMaster() {
    return masters.get(0);
  }

  /** The name every host resolves to the first master through its {@code /etc/hosts}. */
  public String mastersName() {
    return "masters." + spec.name() + ".k8s";
  }

  /** The API server URL the nodes use. */
  public String apiServerUrl() {
    return "https://" + mastersName() + ":" + API_PORT;
  }

  /** The API server URL this machine uses: the first master's address. */
  public String externalApiServerUrl() {
    var address = firstMaster().address();
    return "https://" + (address.contains(":") ? "[" + address + "]" : address) + ":" + API_PORT;
  }

  static BareMetalTarget bareMetal(Target target) {
    if (!(target instanceof BareMetalTarget bareMetal)) {
      throw new InvalidInputException("target", target.describe(), "a bareMetal(...) target");
    }
    return bareMetal;
  }
}
