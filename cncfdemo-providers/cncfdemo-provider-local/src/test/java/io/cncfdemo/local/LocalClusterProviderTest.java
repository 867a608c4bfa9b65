package io.cncfdemo.local;

import static io.cncfdemo.Providers.local;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cncfdemo.Cluster;
import io.cncfdemo.Providers;
import io.cncfdemo.cluster.ClusterProvider;
import io.cncfdemo.exception.CncfDemoException;
import io.cncfdemo.exception.InvalidInputException;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * local().context(...) and local().kubeconfig(...) against fabric8's mock API server, reached
 * through a kubeconfig file.
 */
@EnableKubernetesMockClient(crud = true)
class LocalClusterProviderTest {
  static KubernetesClient mock;

  @TempDir Path dir;

  @Test
  void isOnTheClassPath_underItsName() {
    assertThat(Providers.available()).extracting(ClusterProvider::name).contains("local");
    assertThat(Providers.named("local").providerName()).isEqualTo("local");
  }

  @Test
  void create_withAContext_connectsToThatCluster() throws Exception {
    var kubeconfig = kubeconfig("mock", "other");
    mock.configMaps()
        .inNamespace("default")
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("seen")
                .endMetadata()
                .addToData("k", "v")
                .build())
        .create();

    try (var cluster = Cluster.on(local().kubeconfig(kubeconfig).context("mock")).create()) {
      assertThat(cluster.kubeconfig()).isEqualTo(kubeconfig);
      assertThat(cluster.apiServer()).isEqualTo(mock.getMasterUrl().toString());
      assertThat(
              cluster.client().configMaps().inNamespace("default").withName("seen").get().getData())
          .containsEntry("k", "v");
    }
  }

  @Test
  void create_withoutAContext_usesTheCurrentOne() throws Exception {
    var kubeconfig = kubeconfig("mock", "mock");

    try (var cluster = Cluster.on(local().kubeconfig(kubeconfig)).create()) {
      assertThat(cluster.client().namespaces().list()).isNotNull();
    }
  }

  @Test
  void plan_describesTheExistingCluster_andCreatesNothing() throws Exception {
    var kubeconfig = kubeconfig("mock", "mock");

    var plan = Cluster.on(local().kubeconfig(kubeconfig)).plan();

    assertThat(plan.resources())
        .singleElement()
        .satisfies(
            resource -> {
              assertThat(resource.kind()).isEqualTo("existing cluster");
              assertThat(resource.name()).isEqualTo("mock");
              assertThat(resource.detail())
                  .contains(mock.getMasterUrl().toString(), "nothing is created");
            });
    assertThat(plan.hourlyCostUsd()).isZero();
  }

  @Test
  void unknownContext_isRejected_listingTheKnownOnes() throws Exception {
    var kubeconfig = kubeconfig("mock", "mock");

    assertThatThrownBy(
            () -> Cluster.on(local().kubeconfig(kubeconfig).context("kind-kind")).create())
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "context must be one of the contexts in "
                + kubeconfig
                + ": mock, unreachable, was \"kind-kind\"");
  }

  @Test
  void missingOrBrokenKubeconfig_isRejected() throws Exception {
    var missing = dir.resolve("nope");
    assertThatThrownBy(() -> Cluster.on(local().kubeconfig(missing)).create())
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("kubeconfig must be a readable kubeconfig file, was \"" + missing + "\"");

    var broken =
        Files.writeString(dir.resolve("broken"), "apiVersion: v1\nkind: Config\ncontexts: []\n");
    assertThatThrownBy(() -> Cluster.on(local().kubeconfig(broken)).plan())
        .hasMessage(
            "kubeconfig must be a kubeconfig file with at least one context, was \""
                + broken
                + "\"");

    var notYaml = Files.writeString(dir.resolve("not-yaml"), "{{{");
    assertThatThrownBy(() -> Cluster.on(local().kubeconfig(notYaml)).plan())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("kubeconfig must be a kubeconfig file in YAML (");
  }

  @Test
  void unreachableCluster_failsNamingTheServer() throws Exception {
    var kubeconfig = kubeconfig("mock", "mock");

    assertThatThrownBy(
            () -> Cluster.on(local().kubeconfig(kubeconfig).context("unreachable")).create())
        .isInstanceOf(CncfDemoException.class)
        .hasMessageStartingWith(
            "the API server of context unreachable (https://127.0.0.1:1/) does not answer: ")
        .hasMessageEndingWith("Is the cluster running?");
  }

  @Test
  void destroy_leavesAnExistingClusterAlone() throws Exception {
    var kubeconfig = kubeconfig("mock", "mock");
    mock.namespaces()
        .resource(
            new io.fabric8.kubernetes.api.model.NamespaceBuilder()
                .withNewMetadata()
                .withName("keep-me")
                .endMetadata()
                .build())
        .create();

    Cluster.on(local().kubeconfig(kubeconfig)).destroy();

    assertThat(mock.namespaces().withName("keep-me").get()).isNotNull();
  }

  @Test
  void plainLocal_plansASimulatedCluster_ofSixProcessesAndItsNodes() {
    var plan = Cluster.on(local().nodeCpu("8").nodeMemory("32Gi")).minions(2).named("sim").plan();

    assertThat(plan.resources())
        .extracting("name")
        .containsExactly(
            "etcd",
            "kube-apiserver",
            "kube-controller-manager",
            "kube-scheduler",
            "kwok",
            "metrics-server",
            "sim-master-0",
            "sim-minion-0",
            "sim-minion-1");
    assertThat(plan.resources().get(7).detail()).isEqualTo("8 CPU, 32Gi memory, 110 pods, zone-a");
    assertThat(plan.resources().get(6).detail()).endsWith("control plane");
    assertThat(plan.hourlyCostUsd()).isZero();
  }

  @Test
  void plainLocal_withoutMetrics_plansNoMetricsServer() {
    var plan =
        Cluster.on(local().metrics(false).nodeCpu("8").nodeMemory("32Gi"))
            .minions(2)
            .named("sim")
            .plan();

    assertThat(plan.resources())
        .extracting("name")
        .containsExactly(
            "etcd",
            "kube-apiserver",
            "kube-controller-manager",
            "kube-scheduler",
            "kwok",
            "sim-master-0",
            "sim-minion-0",
            "sim-minion-1");
    assertThat(plan.resources().get(6).detail()).isEqualTo("8 CPU, 32Gi memory, 110 pods, zone-a");
    assertThat(plan.resources().get(5).detail()).endsWith("control plane");
    assertThat(plan.hourlyCostUsd()).isZero();
  }

  @Test
  void plainLocal_runsOnlyTheVersionItsBinariesAreBuiltAt() {
    assertThatThrownBy(() -> Cluster.on(local()).kubernetesVersion("1.33").plan())
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "kubernetesVersion must be 1.35 or 1.35.4 for the simulated local cluster (the version"
                + " its binaries are built at), was \"1.33\"");
  }

  @Test
  void plainLocal_withoutBinaries_saysHowToBuildThem() {
    var previous = System.getProperty("cncfdemo.k8s.bin");
    System.setProperty("cncfdemo.k8s.bin", dir.toString());
    try {
      assertThatThrownBy(() -> Cluster.on(local()).create())
          .isInstanceOf(CncfDemoException.class)
          .hasMessage(
              "the simulated control plane needs etcd, kube-apiserver, kube-controller-manager,"
                  + " kube-scheduler, kwok, metrics-server in "
                  + dir
                  + " (from -Dcncfdemo.k8s.bin="
                  + dir
                  + "), and they are not there. Build them once (about 10 minutes, cached"
                  + " afterwards) with: scripts/k8s-binaries.sh — or point -Dcncfdemo.k8s.bin or"
                  + " $CNCFDEMO_K8S_BIN at a directory that has them");
    } finally {
      if (previous == null) {
        System.clearProperty("cncfdemo.k8s.bin");
      } else {
        System.setProperty("cncfdemo.k8s.bin", previous);
      }
    }
  }

  private Path kubeconfig(String context, String current) throws Exception {
    var server = mock.getMasterUrl().toString();
    var yaml =
        """
        apiVersion: v1
        kind: Config
        clusters:
        - name: mock
          cluster:
            server: %s
            insecure-skip-tls-verify: true
        - name: unreachable
          cluster:
            server: https://127.0.0.1:1/
            insecure-skip-tls-verify: true
        users:
        - name: tester
          user:
            token: test-token
        contexts:
        - name: %s
          context:
            cluster: mock
            user: tester
        - name: unreachable
          context:
            cluster: unreachable
            user: tester
        current-context: %s
        """
            .formatted(server, context, current);
    return Files.writeString(dir.resolve("kubeconfig"), yaml);
  }
}
