package io.cncfdemo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cncfdemo.cluster.ClusterClass;
import io.cncfdemo.cluster.DeclaredCapability;
import io.cncfdemo.cluster.LoadBalancerSupport;
import io.cncfdemo.cluster.NodeCapacity;
import io.cncfdemo.cluster.RunningCluster;
import io.cncfdemo.component.Component;
import io.cncfdemo.component.DemoContext;
import io.cncfdemo.component.Need;
import io.cncfdemo.component.Stage;
import io.cncfdemo.deploy.DeployOptions;
import io.cncfdemo.deploy.Finding;
import io.cncfdemo.deploy.PreflightException;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressClassBuilder;
import io.fabric8.kubernetes.api.model.storage.StorageClassBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.VersionInfo;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Capabilities read from fabric8's mock API server, and the preflight of {@code deployTo} and
 * {@code plan} against them.
 */
@EnableKubernetesMockClient(crud = true)
class PreflightTest {
  static KubernetesClient client;
  static KubernetesMockServer server;

  private static final String VOLUMES_FIX = "add disks() or pass .storageClass(\"gp3\")";
  private static final String METRICS_FIX = "add optIn() to the demo";

  @BeforeEach
  void clean() {
    client.nodes().delete();
    client.storage().v1().storageClasses().delete();
    client.network().v1().ingressClasses().delete();
    client.genericKubernetesResources("apiregistration.k8s.io/v1", "APIService").delete();
    client.services().inAnyNamespace().delete();
    client.configMaps().inAnyNamespace().delete();
    client.namespaces().delete();
    version("1", "31", "v1.31.4");
  }

  @Test
  void capabilities_areReadFromTheApiServer() {
    node("a", "4", "16Gi", false);
    node("b", "2", "8Gi", false);
    node("master", "2", "8Gi", true);
    client
        .nodes()
        .resource(
            new NodeBuilder()
                .withNewMetadata()
                .withName("starting")
                .endMetadata()
                .withNewSpec()
                .addNewTaint()
                .withKey("node.kubernetes.io/not-ready")
                .withEffect("NoSchedule")
                .endTaint()
                .endSpec()
                .withNewStatus()
                .addToAllocatable("cpu", new Quantity("1"))
                .addToAllocatable("memory", new Quantity("1Gi"))
                .endStatus()
                .build())
        .create();
    storageClass("standard", "ebs.csi.aws.com", true);
    storageClass("io2", "ebs.csi.aws.com", false);
    ingressClass("nginx", "k8s.io/ingress-nginx", true);
    apiService("v1beta1.metrics.k8s.io", "True");
    apiService("v1beta1.custom.metrics.k8s.io", "False");
    client
        .namespaces()
        .resource(
            new NamespaceBuilder()
                .withNewMetadata()
                .withName("secure")
                .addToLabels("pod-security.kubernetes.io/enforce", "restricted")
                .addToLabels("pod-security.kubernetes.io/enforce-version", "v1.31")
                .endMetadata()
                .build())
        .create();

    var capabilities = cluster(Set.of()).capabilities();

    assertThat(capabilities.kubernetesVersion()).isEqualTo("v1.31.4");
    assertThat(capabilities.kubernetesMinor()).isEqualTo(31);
    assertThat(capabilities.storageClasses())
        .containsExactlyInAnyOrder(
            new ClusterClass("standard", "ebs.csi.aws.com", true),
            new ClusterClass("io2", "ebs.csi.aws.com", false));
    assertThat(capabilities.defaultStorageClass()).map(ClusterClass::name).contains("standard");
    assertThat(capabilities.metricsApi()).isTrue();
    assertThat(capabilities.customMetricsApi()).isFalse();
    assertThat(capabilities.defaultIngressClass())
        .contains(new ClusterClass("nginx", "k8s.io/ingress-nginx", true));
    assertThat(capabilities.loadBalancers()).isEqualTo(LoadBalancerSupport.UNKNOWN);
    assertThat(capabilities.podSecurity().builtIn()).isTrue();
    assertThat(capabilities.podSecurity().enforced()).containsEntry("secure", "restricted@v1.31");
    assertThat(capabilities.nodes())
        .contains(new NodeCapacity("master", 2000, 8L << 30, false))
        .contains(new NodeCapacity("a", 4000, 16L << 30, true))
        .contains(new NodeCapacity("starting", 1000, 1L << 30, true));
    assertThat(capabilities.allocatableCpuMillis()).isEqualTo(7000);
    assertThat(capabilities.allocatableMemoryBytes()).isEqualTo(25L << 30);
    assertThat(capabilities.schedulableNodes()).isEqualTo(3);
  }

  @Test
  void loadBalancers_areDeclaredByTheProvider_orObservedOnAService_neverAssumed() {
    assertThat(cluster(Set.of(DeclaredCapability.LOAD_BALANCERS)).capabilities().loadBalancers())
        .isEqualTo(LoadBalancerSupport.DECLARED);
    assertThat(cluster(Set.of()).capabilities().loadBalancers())
        .isEqualTo(LoadBalancerSupport.UNKNOWN);

    client
        .services()
        .inNamespace("default")
        .resource(
            new ServiceBuilder()
                .withNewMetadata()
                .withName("lb")
                .withNamespace("default")
                .endMetadata()
                .withNewSpec()
                .withType("LoadBalancer")
                .endSpec()
                .withNewStatus()
                .withNewLoadBalancer()
                .addNewIngress()
                .withIp("203.0.113.7")
                .endIngress()
                .endLoadBalancer()
                .endStatus()
                .build())
        .create();
    assertThat(cluster(Set.of()).capabilities().loadBalancers())
        .isEqualTo(LoadBalancerSupport.OBSERVED);
  }

  @Test
  void aClusterThatMeetsEveryNeed_passes_andNoAddonJoins() {
    fullCluster();

    var plan = needy().plan(cluster(Set.of()));

    assertThat(plan.findings()).isEmpty();
    assertThat(plan.passes()).isTrue();
    assertThat(plan.addons()).isEmpty();
    assertThat(plan.foregroundCpuMillis()).isEqualTo(3000);
    assertThat(plan.backgroundCpuMillis()).isEqualTo(8000);
  }

  @Test
  void withoutAMetricsApi_theAddonThatAddsItJoins_unlessItsGroupIsLeftOut() {
    node("a", "4", "16Gi", false);
    storageClass("standard", "x", true);

    var plan = needy().plan(cluster(Set.of()));

    assertThat(plan.addonNames()).containsExactly("optIn()");
    assertThat(plan.findings()).isEmpty();

    var without = needy().without("opt-in").plan(cluster(Set.of()));
    assertThat(without.addons()).isEmpty();
    assertThat(without.findings())
        .extracting(Finding::message)
        .containsExactly(
            "app(): this cluster has no metrics API (APIService v1beta1.metrics.k8s.io is not"
                + " available): "
                + METRICS_FIX);
  }

  @Test
  void anAddonThisDemoInstalledBefore_staysInTheDemo_evenThoughTheClusterNowOffersItsFeature() {
    fullCluster();
    client
        .configMaps()
        .inNamespace("needy")
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("opt-in")
                .withNamespace("needy")
                .addToLabels("cncfdemo.io/demo", "needy")
                .endMetadata()
                .build())
        .create();

    assertThat(needy().plan(cluster(Set.of())).addonNames()).containsExactly("optIn()");
    assertThat(needy().named("other").inNamespace("needy").plan(cluster(Set.of())).addons())
        .isEmpty();
  }

  @Test
  void everyUnmetNeed_isOneFinding_namingComponentProblemAndFix() {
    node("a", "1", "2Gi", false);
    storageClass("slow", "kubernetes.io/no-provisioner", false);
    ingressClass("traefik", "traefik.io/ingress-controller", false);
    var demo =
        Demo.with(
                new App(
                    "app",
                    2,
                    "1",
                    "2Gi",
                    false,
                    List.of(
                        Need.volumes(Optional.empty(), VOLUMES_FIX),
                        Need.volumes(Optional.of("gp3"), VOLUMES_FIX),
                        Need.metricsApi(METRICS_FIX),
                        Need.customMetricsApi("install an adapter"),
                        Need.ingressClass(Optional.empty(), "add an ingress controller"),
                        Need.ingressClass(Optional.of("nginx"), "add an ingress controller"))),
                new App("db", 1, "1500m", "1Gi", false, List.of()))
            .named("needy")
            .without("opt-in");

    var plan = demo.plan(cluster(Set.of()));

    assertThat(plan.passes()).isFalse();
    assertThat(plan.findings())
        .extracting(Finding::message)
        .containsExactly(
            "app(): this cluster has no default StorageClass (it has slow): " + VOLUMES_FIX,
            "app(): this cluster has no StorageClass gp3 (it has slow): pass .storageClass(..)"
                + " naming one it has",
            "app(): this cluster has no metrics API (APIService v1beta1.metrics.k8s.io is not"
                + " available): "
                + METRICS_FIX,
            "app(): this cluster has no custom metrics API (APIService"
                + " v1beta1.custom.metrics.k8s.io is not available): install an adapter",
            "app(): this cluster has no default IngressClass (it has traefik): add an ingress"
                + " controller",
            "app(): this cluster has no IngressClass nginx (it has traefik): pass"
                + " .ingressClass(..) naming one it has",
            "the demo requests 3.5 CPU in the foreground, the nodes offer 1: add minions or lower"
                + " the replicas or requests of its biggest: app() 2, db() 1.5",
            "the demo requests 5Gi memory in the foreground, the nodes offer 2Gi: add minions or"
                + " lower the replicas or requests of its biggest: app() 4Gi, db() 1Gi");
  }

  @Test
  void anOldKubernetes_isAFinding() {
    fullCluster();
    version("1", "24+", "v1.24.17-eks-5e0fdde");

    assertThat(needy().plan(cluster(Set.of())).findings())
        .extracting(Finding::message)
        .containsExactly(
            "this cluster runs Kubernetes v1.24.17-eks-5e0fdde, the demo needs 1.25 or later (Pod"
                + " Security admission): upgrade the cluster");
  }

  @Test
  void deployTo_failsWithEveryFinding_beforeAnyObjectExists() {
    node("a", "2", "16Gi", false);

    assertThatThrownBy(
            () ->
                needy()
                    .without("opt-in")
                    .deployTo(cluster(Set.of()), DeployOptions.defaults().withoutWaiting()))
        .isInstanceOf(PreflightException.class)
        .hasMessage(
            "the demo cannot run on this cluster (3 problems), nothing was applied:\n"
                + "  - app(): this cluster has no default StorageClass: "
                + VOLUMES_FIX
                + "\n  - app(): this cluster has no metrics API (APIService v1beta1.metrics.k8s.io"
                + " is not available): "
                + METRICS_FIX
                + "\n  - the demo requests 3 CPU in the foreground, the nodes offer 2: add minions"
                + " or lower the replicas or requests of its biggest: app() 3")
        .satisfies(e -> assertThat(((PreflightException) e).findings()).hasSize(3));
    assertThat(client.namespaces().withName("needy").get()).isNull();
    assertThat(client.apps().deployments().inAnyNamespace().list().getItems()).isEmpty();
    assertThat(client.configMaps().inAnyNamespace().list().getItems()).isEmpty();
  }

  /** 3 CPU foreground, 8 CPU background; needs volumes and the metrics API. */
  private static Demo needy() {
    return Demo.with(
            new App(
                "app",
                3,
                "1",
                "1Gi",
                false,
                List.of(Need.volumes(Optional.empty(), VOLUMES_FIX), Need.metricsApi(METRICS_FIX))),
            new App("filler", 8, "1", "1Gi", true, List.of()))
        .named("needy")
        .without("extras");
  }

  private static void fullCluster() {
    node("a", "4", "16Gi", false);
    storageClass("standard", "x", true);
    apiService("v1beta1.metrics.k8s.io", "True");
  }

  private static void version(String major, String minor, String gitVersion) {
    server.setVersionInfo(
        new VersionInfo.Builder()
            .withMajor(major)
            .withMinor(minor)
            .withGitVersion(gitVersion)
            .build());
  }

  private static void node(String name, String cpu, String memory, boolean master) {
    var node =
        new NodeBuilder()
            .withNewMetadata()
            .withName(name)
            .endMetadata()
            .withNewSpec()
            .endSpec()
            .withNewStatus()
            .addToAllocatable("cpu", new Quantity(cpu))
            .addToAllocatable("memory", new Quantity(memory))
            .endStatus();
    if (master) {
      node.editSpec()
          .addNewTaint()
          .withKey("node-role.kubernetes.io/control-plane")
          .withEffect("NoSchedule")
          .endTaint()
          .endSpec();
    }
    client.nodes().resource(node.build()).create();
  }

  private static void storageClass(String name, String provisioner, boolean isDefault) {
    var metadata = new StorageClassBuilder().withNewMetadata().withName(name);
    if (isDefault) {
      metadata.addToAnnotations("storageclass.kubernetes.io/is-default-class", "true");
    }
    client
        .storage()
        .v1()
        .storageClasses()
        .resource(metadata.endMetadata().withProvisioner(provisioner).build())
        .create();
  }

  private static void ingressClass(String name, String controller, boolean isDefault) {
    var metadata = new IngressClassBuilder().withNewMetadata().withName(name);
    if (isDefault) {
      metadata.addToAnnotations("ingressclass.kubernetes.io/is-default-class", "true");
    }
    client
        .network()
        .v1()
        .ingressClasses()
        .resource(metadata.endMetadata().withNewSpec().withController(controller).endSpec().build())
        .create();
  }

  private static void apiService(String name, String available) {
    client
        .genericKubernetesResources("apiregistration.k8s.io/v1", "APIService")
        .resource(
            new GenericKubernetesResourceBuilder()
                .withApiVersion("apiregistration.k8s.io/v1")
                .withKind("APIService")
                .withNewMetadata()
                .withName(name)
                .endMetadata()
                .addToAdditionalProperties(
                    "status",
                    Map.of("conditions", List.of(Map.of("type", "Available", "status", available))))
                .build())
        .create();
  }

  private static RunningCluster cluster(Set<DeclaredCapability> declared) {
    return new MockCluster(client, declared);
  }

  /** A Deployment of {@code replicas} pods requesting {@code cpu} and {@code memory} each. */
  record App(
      String name, int replicas, String cpu, String memory, boolean background, List<Need> needs)
      implements Component {
    @Override
    public String describe() {
      return name + "()";
    }

    @Override
    public Map<Stage, List<HasMetadata>> objects(DemoContext context) {
      var labels = context.labels(this, "main");
      return Map.of(
          background ? Stage.BACKGROUND : Stage.APPLICATION,
          List.of(
              new DeploymentBuilder()
                  .withNewMetadata()
                  .withName(name)
                  .endMetadata()
                  .withNewSpec()
                  .withReplicas(replicas)
                  .withNewSelector()
                  .withMatchLabels(context.selector(this, "main"))
                  .endSelector()
                  .withNewTemplate()
                  .withNewMetadata()
                  .withLabels(labels)
                  .endMetadata()
                  .withNewSpec()
                  .withPriorityClassName(
                      background
                          ? context.backgroundPriorityClass()
                          : context.foregroundPriorityClass())
                  .addNewContainer()
                  .withName(name)
                  .withImage("busybox:1.36")
                  .withNewResources()
                  .addToRequests("cpu", new Quantity(cpu))
                  .addToRequests("memory", new Quantity(memory))
                  .endResources()
                  .endContainer()
                  .endSpec()
                  .endTemplate()
                  .endSpec()
                  .build()));
    }
  }
}
