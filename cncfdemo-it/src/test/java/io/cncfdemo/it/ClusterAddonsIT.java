package io.cncfdemo.it;

import static io.cncfdemo.Providers.local;
import static io.cncfdemo.apps.Apps.countly;
import static io.cncfdemo.apps.Apps.mongoSharded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cncfdemo.Cluster;
import io.cncfdemo.Demo;
import io.cncfdemo.cluster.LocalTarget;
import io.cncfdemo.cluster.RunningCluster;
import io.cncfdemo.deploy.DeployOptions;
import io.cncfdemo.deploy.PreflightException;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The cluster add-ons decided by the cluster's capabilities, on a simulated cluster without the
 * metrics API ({@code local().metrics(false)}) and without an ingress controller, reached the way a
 * user reaches kind or minikube: through its kubeconfig.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterAddonsIT {
  private static RunningCluster simulated;
  private static RunningCluster cluster;

  /** Countly needs the metrics API and an IngressClass; MongoDB volumes of the default class. */
  private static final Demo DEMO =
      Demo.with(countly(), mongoSharded(1)).withoutMonitoring().named("addons");

  @BeforeAll
  static void start() {
    simulated = Cluster.on(local().metrics(false)).named("bare").minions(2).create();
    cluster = Cluster.on(local().kubeconfig(simulated.kubeconfig())).create();
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
    if (simulated != null) {
      simulated.close();
    }
  }

  @Test
  @Order(1)
  void theClusterReachedByKubeconfig_saysWhatItLacks() {
    assertThat(((LocalTarget) cluster.spec().target()).kubeconfig())
        .as("reached through its kubeconfig, as kind or minikube are")
        .contains(simulated.kubeconfig());
    var capabilities = cluster.capabilities();

    assertThat(capabilities.metricsApi()).isFalse();
    assertThat(capabilities.ingressClasses()).isEmpty();
    assertThat(capabilities.defaultStorageClass()).isPresent();
    assertThat(capabilities.kubernetesMinor()).isGreaterThanOrEqualTo(25);
    assertThat(capabilities.schedulableNodes()).isEqualTo(2);
  }

  @Test
  @Order(2)
  void withoutTheAddons_deployToFails_namingBothFixes_beforeAnyObjectExists() {
    var bare = DEMO.without("addons");

    assertThatThrownBy(() -> bare.deployTo(cluster))
        .isInstanceOf(PreflightException.class)
        .hasMessage(
            "the demo cannot run on this cluster (2 problems), nothing was applied:\n"
                + "  - countly(): this cluster has no metrics API (APIService"
                + " v1beta1.metrics.k8s.io is not available): add metricsServer() to the demo\n"
                + "  - countly(): this cluster has no default IngressClass: add ingressNginx() to"
                + " the demo or pass .ingressClass(..)");
    assertThat(bare.plan(cluster).addons()).isEmpty();
    assertThat(cluster.client().namespaces().withName("addons").get()).isNull();
    assertThat(
            cluster
                .client()
                .apps()
                .deployments()
                .inAnyNamespace()
                .withLabel("cncfdemo.io/demo")
                .list()
                .getItems())
        .isEmpty();
  }

  @Test
  @Order(3)
  void deployTo_addsExactlyMetricsServerAndIngressNginx_andPasses() {
    var plan = DEMO.plan(cluster);
    assertThat(plan.addonNames()).containsExactly("metricsServer()", "ingressNginx()");
    assertThat(plan.findings()).isEmpty();

    var deployed = DEMO.deployTo(cluster, DeployOptions.defaults());

    var client = cluster.client();
    assertThat(
            client.apps().deployments().inNamespace("kube-system").withName("metrics-server").get())
        .isNotNull()
        .extracting(d -> d.getMetadata().getLabels().get("cncfdemo.io/demo"))
        .isEqualTo("addons");
    assertThat(client.network().v1().ingressClasses().withName("nginx").get()).isNotNull();
    assertThat(deployed.compiled().objects())
        .filteredOn(Deployment.class::isInstance)
        .extracting(o -> o.getMetadata().getNamespace() + "/" + o.getMetadata().getName())
        .contains("kube-system/metrics-server", "ingress-nginx/ingress-nginx-controller");
  }

  @Test
  @Order(4)
  void aRedeploy_keepsTheAddonsItInstalled_thoughTheClusterNowHasAnIngressClass() {
    assertThat(cluster.capabilities().defaultIngressClass()).isPresent();

    assertThat(DEMO.plan(cluster).addonNames())
        .containsExactly("metricsServer()", "ingressNginx()");
    assertThat(DEMO.deployTo(cluster, DeployOptions.defaults()).changedCount()).isZero();
  }
}
