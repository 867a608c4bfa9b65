package io.cncfdemo.it;

import static io.cncfdemo.apps.Apps.boinc;
import static io.cncfdemo.apps.Apps.countly;
import static io.cncfdemo.apps.Apps.mongoSharded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cncfdemo.Demo;
import io.cncfdemo.cluster.RunningCluster;
import io.cncfdemo.deploy.PreflightException;
import io.cncfdemo.junit.LocalCluster;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.networking.v1.IngressClassBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The preflight of {@code deployTo} on a small simulated cluster (one minion of 2 CPUs and 8Gi):
 * what does not fit, or what the cluster lacks, fails the deploy before any object exists.
 */
@LocalCluster(minions = 1, nodeCpu = "2", nodeMemory = "8Gi", name = "preflight")
class PreflightIT {
  private static final String DEFAULT_CLASS = "storageclass.kubernetes.io/is-default-class";

  @Test
  void theFullDemo_isTooBigForOneSmallNode_andFailsBeforeAnyObjectExists(RunningCluster cluster) {
    var demo = Demo.with(countly(), mongoSharded(3), boinc()).named("big");

    assertThatThrownBy(() -> demo.deployTo(cluster))
        .isInstanceOf(PreflightException.class)
        .hasMessage(
            "the demo cannot run on this cluster (1 problem), nothing was applied:\n"
                + "  - the demo requests 3.59 CPU in the foreground, the nodes offer 2: add minions"
                + " or lower the replicas or requests of its biggest: mongoSharded(3) 2.79,"
                + " countly() 0.35");
    var plan = demo.plan(cluster);
    assertThat(plan.foregroundCpuMillis()).isEqualTo(3590);
    assertThat(plan.backgroundCpuMillis()).as("boinc(), preemptible").isPositive();
    assertNothingOf("big", cluster.client());
  }

  @Test
  void withoutADefaultStorageClass_theVolumesOfMongoDbFail_naming_localPathStorage(
      RunningCluster cluster) {
    var client = cluster.client();
    var standard = client.storage().v1().storageClasses().withName("standard");
    standard.edit(c -> withDefault(c, "false"));
    try {
      var demo = Demo.with(mongoSharded(1)).withoutMonitoring().named("nostorage");

      assertThatThrownBy(() -> demo.deployTo(cluster))
          .isInstanceOf(PreflightException.class)
          .hasMessage(
              "the demo cannot run on this cluster (1 problem), nothing was applied:\n"
                  + "  - mongoSharded(1): this cluster has no default StorageClass (it has"
                  + " standard): add localPathStorage() or pass .storageClass(\"gp3\")");
      assertNothingOf("nostorage", client);
      assertThat(demo.plan(cluster).addons()).isEmpty();
    } finally {
      standard.edit(c -> withDefault(c, "true"));
    }
  }

  @Test
  void aClusterThatHasAnIngressClassAndTheMetricsApi_getsNoAddon(RunningCluster cluster) {
    var client = cluster.client();
    var demo = Demo.with(countly(), mongoSharded(1)).withoutMonitoring().named("fits");
    assertThat(demo.plan(cluster).addonNames()).containsExactly("ingressNginx()");

    var traefik =
        client
            .network()
            .v1()
            .ingressClasses()
            .resource(
                new IngressClassBuilder()
                    .withNewMetadata()
                    .withName("traefik")
                    .addToAnnotations("ingressclass.kubernetes.io/is-default-class", "true")
                    .endMetadata()
                    .withNewSpec()
                    .withController("traefik.io/ingress-controller")
                    .endSpec()
                    .build());
    traefik.create();
    try {
      var plan = demo.plan(cluster);
      assertThat(plan.capabilities().metricsApi()).isTrue();
      assertThat(plan.addons()).isEmpty();
      assertThat(plan.findings()).isEmpty();
    } finally {
      traefik.delete();
    }
  }

  private static <T extends HasMetadata> T withDefault(T storageClass, String isDefault) {
    var annotations = new java.util.HashMap<String, String>();
    if (storageClass.getMetadata().getAnnotations() != null) {
      annotations.putAll(storageClass.getMetadata().getAnnotations());
    }
    annotations.put(DEFAULT_CLASS, isDefault);
    storageClass.getMetadata().setAnnotations(annotations);
    return storageClass;
  }

  /** No namespace, and no object anywhere in the cluster, carries the demo's label. */
  private static void assertNothingOf(String demo, KubernetesClient client) {
    assertThat(client.namespaces().withName(demo).get()).isNull();
    var label = Map.of("cncfdemo.io/demo", demo);
    List<List<? extends HasMetadata>> found =
        List.of(
            client.namespaces().withLabels(label).list().getItems(),
            client.scheduling().v1().priorityClasses().withLabels(label).list().getItems(),
            client.rbac().clusterRoles().withLabels(label).list().getItems(),
            client.apps().deployments().inAnyNamespace().withLabels(label).list().getItems(),
            client.apps().statefulSets().inAnyNamespace().withLabels(label).list().getItems(),
            client.services().inAnyNamespace().withLabels(label).list().getItems(),
            client.configMaps().inAnyNamespace().withLabels(label).list().getItems(),
            client.network().v1().ingressClasses().withLabels(label).list().getItems());
    assertThat(found).allSatisfy(items -> assertThat(items).isEmpty());
  }
}
