package io.cncfdemo.apps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cncfdemo.apps.NetworkPolicyEvaluator.Endpoint;
import io.cncfdemo.apps.internal.NetworkRules;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The evaluator behind {@link NetworkReachabilityTest}, on policies small enough to reason about.
 */
class NetworkPolicyEvaluatorTest {
  static final Endpoint WEB = Endpoint.pod("web", "shop", Map.of("app.kubernetes.io/name", "web"));
  static final Endpoint DB = Endpoint.pod("db", "shop", Map.of("app.kubernetes.io/name", "db"));
  static final Endpoint OTHER =
      Endpoint.pod("other", "elsewhere", Map.of("app.kubernetes.io/name", "web"));

  static NetworkPolicy inShop(NetworkPolicy policy) {
    policy.getMetadata().setNamespace("shop");
    return policy;
  }

  static NetworkPolicy denyAll() {
    return inShop(
        new NetworkPolicyBuilder()
            .withNewMetadata()
            .withName("deny")
            .endMetadata()
            .withNewSpec()
            .withNewPodSelector()
            .endPodSelector()
            .withPolicyTypes("Ingress", "Egress")
            .endSpec()
            .build());
  }

  @Test
  void withoutPolicies_everythingIsOpen_andADefaultDeny_closesBothWays() {
    assertThat(new NetworkPolicyEvaluator(List.of()).allowed(WEB, DB, 5432, "TCP")).isTrue();
    assertThat(new NetworkPolicyEvaluator(List.of(denyAll())).allowed(WEB, DB, 5432, "TCP"))
        .isFalse();
    assertThat(new NetworkPolicyEvaluator(List.of(denyAll())).allowed(OTHER, OTHER, 80, "TCP"))
        .isTrue();
  }

  @Test
  void aConnection_needsTheSourcesEgress_andTheDestinationsIngress_onThatPortAndProtocol() {
    var db =
        inShop(
            NetworkRules.forPods("db", Map.of(), Map.of("app.kubernetes.io/name", "db"))
                .from(NetworkRules.component("web"), 5432)
                .build());
    var webOut =
        inShop(
            NetworkRules.forPods("web", Map.of(), Map.of("app.kubernetes.io/name", "web"))
                .to(NetworkRules.component("db"), 5432)
                .build());

    assertThat(new NetworkPolicyEvaluator(List.of(denyAll(), db)).allowed(WEB, DB, 5432, "TCP"))
        .isFalse();
    var both = new NetworkPolicyEvaluator(List.of(denyAll(), db, webOut));
    assertThat(both.allowed(WEB, DB, 5432, "TCP")).isTrue();
    assertThat(both.allowed(WEB, DB, 5433, "TCP")).isFalse();
    assertThat(both.allowed(WEB, DB, 5432, "UDP")).isFalse();
    assertThat(both.allowed(DB, WEB, 5432, "TCP")).isFalse();
    assertThat(both.allowed(OTHER, DB, 5432, "TCP"))
        .as("a podSelector peer is of the policy's namespace")
        .isFalse();
  }

  @Test
  void otherNamespaces_andOutside_areTheirOwnPeers() {
    var web =
        inShop(
            NetworkRules.forPods("web", Map.of(), Map.of("app.kubernetes.io/name", "web"))
                .from(NetworkRules.otherNamespaces("shop"), 80)
                .to(NetworkRules.outside(), 443)
                .build());
    var evaluator = new NetworkPolicyEvaluator(List.of(denyAll(), web));

    assertThat(evaluator.allowed(OTHER, WEB, 80, "TCP")).isTrue();
    assertThat(evaluator.allowed(DB, WEB, 80, "TCP")).isFalse();
    assertThat(evaluator.allowed(WEB, Endpoint.outside("internet"), 443, "TCP")).isTrue();
    assertThat(evaluator.allowed(WEB, DB, 443, "TCP"))
        .as("ipBlock does not stand for the pods")
        .isFalse();
  }

  @Test
  void aNamedPort_isNotGuessed() {
    var named =
        inShop(
            new NetworkPolicyBuilder()
                .withNewMetadata()
                .withName("named")
                .endMetadata()
                .withNewSpec()
                .withNewPodSelector()
                .endPodSelector()
                .withPolicyTypes("Ingress")
                .addNewIngress()
                .addNewPort()
                .withNewPort("http")
                .endPort()
                .endIngress()
                .endSpec()
                .build());
    assertThatThrownBy(() -> new NetworkPolicyEvaluator(List.of(named)).allowed(WEB, DB, 80, "TCP"))
        .hasMessageContaining("named ports");
  }
}
