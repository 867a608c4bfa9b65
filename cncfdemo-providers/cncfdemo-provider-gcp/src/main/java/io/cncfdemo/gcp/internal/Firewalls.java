package io.cncfdemo.gcp.internal;

import com.google.cloud.compute.v1.Allowed;
import com.google.cloud.compute.v1.Firewall;
import java.util.List;

/**
 * The cluster's firewall rules on its network (ingress, allow): SSH and the API server from the
 * user's range only; every protocol between the nodes; Calico's encapsulations; Google's health
 * checkers to the API server port.
 */
public final class Firewalls {
  public static final int API_PORT = 6443;
  public static final int VXLAN_PORT = 4789;

  /** Where Google's health checks for internal passthrough load balancers come from. */
  public static final List<String> HEALTH_CHECK_RANGES = List.of("35.191.0.0/16", "130.211.0.0/22");

  /** The prefix of the rules Kubernetes' GCE cloud integration adds for LoadBalancer services. */
  public static final String KUBERNETES_PREFIX = "k8s-";

  private Firewalls() {}

  /** The rules, in creation order, on the network with this self link. */
  public static List<Firewall> of(GcpNames names, String networkLink, String apiAccessCidr) {
    return List.of(
        rule(
            names.accessFirewall(),
            networkLink,
            "SSH and the Kubernetes API from the user's range",
            List.of(apiAccessCidr),
            allow("tcp", "22", String.valueOf(API_PORT))),
        rule(
            names.internalFirewall(),
            networkLink,
            "traffic between the cluster's nodes",
            List.of(GcpNames.SUBNET_CIDR),
            allow("tcp"),
            allow("udp"),
            allow("icmp")),
        rule(
            names.calicoFirewall(),
            networkLink,
            "Calico VXLAN and IP-in-IP between the nodes",
            List.of(GcpNames.SUBNET_CIDR),
            allow("udp", String.valueOf(VXLAN_PORT)),
            allow("4")),
        rule(
            names.healthCheckFirewall(),
            networkLink,
            "Google's health checks of the API server",
            HEALTH_CHECK_RANGES,
            allow("tcp", String.valueOf(API_PORT))));
  }

  private static Firewall rule(
      String name, String network, String description, List<String> sources, Allowed... allowed) {
    return Firewall.newBuilder()
        .setName(name)
        .setNetwork(network)
        .setDescription("cncfdemo: " + description)
        .setDirection("INGRESS")
        .setPriority(1000)
        .addAllSourceRanges(sources)
        .addAllAllowed(List.of(allowed))
        .build();
  }

  private static Allowed allow(String protocol, String... ports) {
    return Allowed.newBuilder().setIPProtocol(protocol).addAllPorts(List.of(ports)).build();
  }
}
