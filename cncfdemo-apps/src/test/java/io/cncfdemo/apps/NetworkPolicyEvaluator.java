package io.cncfdemo.apps;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.util.List;
import java.util.Map;

/**
 * Answers whether NetworkPolicies let one endpoint open a connection to another's port, as the
 * Kubernetes API defines them: a pod selected by no policy of a direction is open that way; a
 * selected pod admits only what some rule of a policy selecting it allows; a connection needs both
 * the source's egress and the destination's ingress. Peers: {@code podSelector} (the policy's
 * namespace), {@code namespaceSelector} (matched against the label {@code
 * kubernetes.io/metadata.name}), both (pods of those namespaces), {@code ipBlock} (here: endpoints
 * outside the pod network only — the API server, nodes, the internet). Ports by number and
 * protocol; a named port fails.
 */
final class NetworkPolicyEvaluator {
  /** A pod (namespace and labels) or, with {@code outside}, an address outside the pod network. */
  record Endpoint(String name, String namespace, Map<String, String> labels, boolean outside) {
    static Endpoint pod(String name, String namespace, Map<String, String> labels) {
      return new Endpoint(name, namespace, labels, false);
    }

    static Endpoint outside(String name) {
      return new Endpoint(name, "", Map.of(), true);
    }
  }

  private final List<NetworkPolicy> policies;

  NetworkPolicyEvaluator(List<NetworkPolicy> policies) {
    this.policies = policies;
  }

  boolean allowed(Endpoint from, Endpoint to, int port, String protocol) {
    return egressAllowed(from, to, port, protocol) && ingressAllowed(from, to, port, protocol);
  }

  private boolean egressAllowed(Endpoint from, Endpoint to, int port, String protocol) {
    if (from.outside()) {
      return true;
    }
    var selecting = selecting(from, "Egress");
    return selecting.isEmpty()
        || selecting.stream()
            .anyMatch(
                policy ->
                    policy.getSpec().getEgress().stream()
                        .anyMatch(
                            rule ->
                                peers(rule.getTo(), policy, to)
                                    && ports(rule.getPorts(), port, protocol)));
  }

  private boolean ingressAllowed(Endpoint from, Endpoint to, int port, String protocol) {
    if (to.outside()) {
      return true;
    }
    var selecting = selecting(to, "Ingress");
    return selecting.isEmpty()
        || selecting.stream()
            .anyMatch(
                policy ->
                    policy.getSpec().getIngress().stream()
                        .anyMatch(
                            rule ->
                                peers(rule.getFrom(), policy, from)
                                    && ports(rule.getPorts(), port, protocol)));
  }

  private List<NetworkPolicy> selecting(Endpoint pod, String direction) {
    return policies.stream()
        .filter(policy -> policy.getMetadata().getNamespace().equals(pod.namespace()))
        .filter(policy -> selects(policy.getSpec().getPodSelector(), pod.labels()))
        .filter(policy -> types(policy).contains(direction))
        .toList();
  }

  private static List<String> types(NetworkPolicy policy) {
    var types = policy.getSpec().getPolicyTypes();
    if (types != null && !types.isEmpty()) {
      return types;
    }
    return policy.getSpec().getEgress().isEmpty()
        ? List.of("Ingress")
        : List.of("Ingress", "Egress");
  }

  private static boolean peers(
      List<NetworkPolicyPeer> peers, NetworkPolicy policy, Endpoint endpoint) {
    return peers == null
        || peers.isEmpty()
        || peers.stream().anyMatch(peer -> peer(peer, policy, endpoint));
  }

  private static boolean peer(NetworkPolicyPeer peer, NetworkPolicy policy, Endpoint endpoint) {
    if (peer.getIpBlock() != null) {
      if (!"0.0.0.0/0".equals(peer.getIpBlock().getCidr())
          || !peer.getIpBlock().getExcept().isEmpty()) {
        throw new IllegalArgumentException(
            "only ipBlock 0.0.0.0/0 without exceptions is modelled: " + peer.getIpBlock());
      }
      return endpoint.outside();
    }
    if (endpoint.outside()) {
      return false;
    }
    boolean namespace =
        peer.getNamespaceSelector() == null
            ? endpoint.namespace().equals(policy.getMetadata().getNamespace())
            : selects(
                peer.getNamespaceSelector(),
                Map.of("kubernetes.io/metadata.name", endpoint.namespace()));
    return namespace
        && (peer.getPodSelector() == null || selects(peer.getPodSelector(), endpoint.labels()));
  }

  private static boolean ports(List<NetworkPolicyPort> ports, int port, String protocol) {
    return ports == null
        || ports.isEmpty()
        || ports.stream()
            .anyMatch(
                candidate -> {
                  if (candidate.getPort() != null && candidate.getPort().getIntVal() == null) {
                    throw new IllegalArgumentException(
                        "named ports are not modelled: " + candidate.getPort().getStrVal());
                  }
                  var candidateProtocol =
                      candidate.getProtocol() == null ? "TCP" : candidate.getProtocol();
                  return candidateProtocol.equals(protocol)
                      && (candidate.getPort() == null || candidate.getPort().getIntVal() == port);
                });
  }

  static boolean selects(LabelSelector selector, Map<String, String> labels) {
    if (selector == null) {
      return true;
    }
    if (selector.getMatchLabels() != null
        && !selector.getMatchLabels().entrySet().stream()
            .allMatch(entry -> entry.getValue().equals(labels.get(entry.getKey())))) {
      return false;
    }
    return selector.getMatchExpressions() == null
        || selector.getMatchExpressions().stream()
            .allMatch(
                expression -> {
                  var value = labels.get(expression.getKey());
                  return switch (expression.getOperator()) {
                    case "In" -> value != null && expression.getValues().contains(value);
                    case "NotIn" -> value == null || !expression.getValues().contains(value);
                    case "Exists" -> value != null;
                    case "DoesNotExist" -> value == null;
                    default ->
                        throw new IllegalArgumentException(
                            "unknown operator " + expression.getOperator());
                  };
                });
  }
}
