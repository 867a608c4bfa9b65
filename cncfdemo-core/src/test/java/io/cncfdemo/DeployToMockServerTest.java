package io.cncfdemo;

import static io.cncfdemo.TestComponents.database;
import static io.cncfdemo.TestComponents.webApp;
import static org.assertj.core.api.Assertions.assertThat;

import io.cncfdemo.cluster.RunningCluster;
import io.cncfdemo.component.Component;
import io.cncfdemo.component.DemoContext;
import io.cncfdemo.component.Stage;
import io.cncfdemo.deploy.Change;
import io.cncfdemo.deploy.DeployOptions;
import io.cncfdemo.deploy.WorkloadStatus;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The in-process API tier: a compiled demo applied to fabric8's mock API server in CRUD mode, then
 * read back. The mock runs no controllers, so nothing would become ready: the deploy does not wait.
 */
@EnableKubernetesMockClient(crud = true)
class DeployToMockServerTest {
  private static final Set<String> WORKLOADS =
      Set.of("Deployment", "StatefulSet", "DaemonSet", "Job");
  static KubernetesClient client;

  @Test
  void deployTo_appliesEveryObject_andTheServerHasThemAll() {
    var demo = Demo.with(webApp(), database()).named("shop");

    var deployed = demo.deployTo(cluster(), DeployOptions.defaults().withoutWaiting());

    assertThat(deployed.namespace()).isEqualTo("shop");
    assertThat(deployed.changes())
        .hasSameSizeAs(deployed.compiled().objects())
        .allSatisfy(change -> assertThat(change.change()).isEqualTo(Change.CREATED));
    for (HasMetadata expected : deployed.compiled().objects()) {
      var actual = client.resource(expected).get();
      assertThat(actual)
          .as("%s %s", expected.getKind(), expected.getMetadata().getName())
          .isNotNull();
      assertThat(actual.getMetadata().getLabels()).containsEntry("cncfdemo.io/demo", "shop");
      assertThat(actual.getMetadata().getNamespace())
          .isEqualTo(expected.getMetadata().getNamespace());
    }
    assertThat(
            client
                .apps()
                .deployments()
                .inNamespace("shop")
                .withName("web")
                .get()
                .getSpec()
                .getReplicas())
        .isEqualTo(3);
  }

  @Test
  void deployTo_appliesTheNamespacesOfAStage_beforeTheObjectsInThem() {
    Component addon =
        new Component() {
          @Override
          public String name() {
            return "addon";
          }

          @Override
          public Map<Stage, List<HasMetadata>> objects(DemoContext context) {
            return Map.of(
                Stage.FOUNDATION,
                List.of(
                    new ConfigMapBuilder()
                        .withNewMetadata()
                        .withName("addon")
                        .withNamespace("addon-space")
                        .endMetadata()
                        .build(),
                    new NamespaceBuilder()
                        .withNewMetadata()
                        .withName("addon-space")
                        .endMetadata()
                        .build()));
          }
        };

    var deployed =
        Demo.with(database(), addon)
            .named("spaces")
            .deployTo(cluster(), DeployOptions.defaults().withoutWaiting());

    var order =
        deployed.changes().stream()
            .map(change -> change.object().kind() + "/" + change.object().name())
            .toList();
    assertThat(order.indexOf("Namespace/addon-space"))
        .isNotNegative()
        .isLessThan(order.indexOf("ConfigMap/addon"));
  }

  @Test
  void deployedOn_appliesNothing_andSeesTheWorkloadsOfAnEarlierDeploy() {
    var demo = Demo.with(webApp(), database()).named("shelf");
    demo.deployTo(cluster(), DeployOptions.defaults().withoutWaiting());

    var deployed = demo.deployedOn(cluster());

    assertThat(deployed.changes()).isEmpty();
    assertThat(deployed.changedCount()).isZero();
    assertThat(deployed.namespace()).isEqualTo("shelf");
    assertThat(deployed.status())
        .extracting(WorkloadStatus::name)
        .contains("web")
        .hasSize(
            (int)
                deployed.compiled().objects().stream()
                    .filter(o -> WORKLOADS.contains(o.getKind()))
                    .count());
  }

  private static RunningCluster cluster() {
    return MockCluster.of(client);
  }
}
