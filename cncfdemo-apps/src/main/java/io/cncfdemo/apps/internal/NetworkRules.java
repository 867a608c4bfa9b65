package io.cncfdemo.apps.internal;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirementBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRuleBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRuleBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeerBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPortBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The allow rules of one part of a component, over the namespace's default deny: who may reach its
 * pods on which TCP ports, and whom its pods may reach. A policy of these rules isolates its pods
 * both ways, so it lists every peer they need (DNS is allowed for every pod by the demo's
 * foundation).
 */
public final class NetworkRules {
  public static final String NAME_LABEL = "app.kubernetes.io/name";
  public static final String PART_LABEL = "app.kubernetes.io/component";
  private final String name;
  private final Map<String, String> labels;
  private final Map<String, String> selector;
  private final List<NetworkPolicyIngressRule> ingress = new ArrayList<>();
  private final List<NetworkPolicyEgressRule> egress = new ArrayList<>();

  private NetworkRules(String name, Map<String, String> labels, Map<String, String> selector) {
    this.name = name;
    this.labels = labels;
    this.selector = selector;
  }

  /** Rules for the pods of {@code selector}, as the NetworkPolicy {@code name}. */
  public static NetworkRules forPods(
      String name, Map<String, String> labels, Map<String, String> selector) {
    return new NetworkRules(name, labels, selector);
  }

  /** {@code peer} may open connections to these ports of the pods. */
  public NetworkRules from(NetworkPolicyPeer peer, int... ports) {
    ingress.add(new NetworkPolicyIngressRuleBuilder().withFrom(peer).withPorts(tcp(ports)).build());
    return this;
  }

  /**
   * The pods may open connections to {@code peer} on these ports (on every port when none is
   * given).
   */
  public NetworkRules to(NetworkPolicyPeer peer, int... ports) {
    egress.add(
        new NetworkPolicyEgressRuleBuilder()
            .withTo(peer)
            .withPorts(ports.length == 0 ? null : tcp(ports))
            .build());
    return this;
  }

  public NetworkPolicy build() {
    return new NetworkPolicyBuilder()
        .withMetadata(KubeObjects.meta(name, labels))
        .withNewSpec()
        .withNewPodSelector()
        .withMatchLabels(selector)
        .endPodSelector()
        .withPolicyTypes("Ingress", "Egress")
        .withIngress(ingress)
        .withEgress(egress)
        .endSpec()
        .build();
  }

  /** The pods of one component of the demo, every part: {@code component("mongo")}. */
  public static NetworkPolicyPeer component(String component) {
    return pods(Map.of(NAME_LABEL, component));
  }

  /** The pods of one part of one component of the demo: {@code part("mongo", "mongos")}. */
  public static NetworkPolicyPeer part(String component, String part) {
    var labels = new LinkedHashMap<String, String>();
    labels.put(NAME_LABEL, component);
    labels.put(PART_LABEL, part);
    return pods(labels);
  }

  /**
   * The demo's pods of one part of whatever component, e.g. every load generator: {@code
   * anyComponent("load")}.
   */
  public static NetworkPolicyPeer anyComponent(String part) {
    return pods(Map.of(PART_LABEL, part));
  }

  /** Every pod of the demo's namespace. */
  public static NetworkPolicyPeer anyPod() {
    return new NetworkPolicyPeerBuilder().withNewPodSelector().endPodSelector().build();
  }

  /** Every pod of every other namespace, where ingress controllers and the like run. */
  public static NetworkPolicyPeer otherNamespaces(String namespace) {
    return new NetworkPolicyPeerBuilder()
        .withNamespaceSelector(
            new LabelSelectorBuilder()
                .withMatchExpressions(
                    new LabelSelectorRequirementBuilder()
                        .withKey("kubernetes.io/metadata.name")
                        .withOperator("NotIn")
                        .withValues(namespace)
                        .build())
                .build())
        .build();
  }

  /** Addresses outside the cluster's pods: the API server, nodes and kubelets, the internet. */
  public static NetworkPolicyPeer outside() {
    return new NetworkPolicyPeerBuilder()
        .withNewIpBlock()
        .withCidr("0.0.0.0/0")
        .endIpBlock()
        .build();
  }

  private static NetworkPolicyPeer pods(Map<String, String> labels) {
    return new NetworkPolicyPeerBuilder()
        .withNewPodSelector()
        .withMatchLabels(labels)
        .endPodSelector()
        .build();
  }

  private static List<NetworkPolicyPort> tcp(int... ports) {
    var list = new ArrayList<NetworkPolicyPort>();
    for (int port : ports) {
      list.add(
          new NetworkPolicyPortBuilder()
              .withProtocol("TCP")
              .withPort(new IntOrString(port))
              .build());
    }
    return list;
  }
}
