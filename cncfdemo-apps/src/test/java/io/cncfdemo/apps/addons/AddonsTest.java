package io.cncfdemo.apps.addons;

import static io.cncfdemo.apps.Apps.boinc;
import static io.cncfdemo.apps.Apps.countly;
import static io.cncfdemo.apps.Apps.ingressNginx;
import static io.cncfdemo.apps.Apps.localPathStorage;
import static io.cncfdemo.apps.Apps.metricsServer;
import static io.cncfdemo.apps.Apps.mongoSharded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cncfdemo.Demo;
import io.cncfdemo.apps.addons.IngressNginx.ServiceType;
import io.cncfdemo.component.ClusterFeature;
import io.cncfdemo.component.Component;
import io.cncfdemo.component.Stage;
import io.cncfdemo.exception.InvalidInputException;
import io.fabric8.kubernetes.api.model.APIService;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.IngressClass;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.storage.StorageClass;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class AddonsTest {

  private static List<String> refs(List<HasMetadata> objects) {
    return objects.stream()
        .map(
            o ->
                o.getKind()
                    + " "
                    + (o.getMetadata().getNamespace() == null
                        ? ""
                        : o.getMetadata().getNamespace() + "/")
                    + o.getMetadata().getName())
        .toList();
  }

  @Test
  void theAddonsGroup_isKnown_joinsNoDemoCompiledWithoutACluster_andSaysWhatEachAdds() {
    assertThat(Demo.defaultGroups()).contains("addons");
    var plain = Demo.with(countly(), mongoSharded(3));
    assertThat(plain.effectiveComponents())
        .extracting(Component::name)
        .doesNotContain(MetricsServer.NAME, IngressNginx.NAME, LocalPathStorage.NAME);
    assertThat(plain.without("addons").effectiveComponents())
        .extracting(Component::name)
        .containsExactlyElementsOf(
            plain.effectiveComponents().stream().map(Component::name).toList());
    assertThat(new AddonDefaults().components())
        .extracting(Component::name)
        .containsExactly(MetricsServer.NAME, IngressNginx.NAME, LocalPathStorage.NAME);
    assertThat(metricsServer().adds()).containsExactly(ClusterFeature.METRICS_API);
    assertThat(ingressNginx().adds()).containsExactly(ClusterFeature.INGRESS);
    assertThat(ingressNginx().defaultClass(false).adds()).isEmpty();
    assertThat(localPathStorage().adds()).containsExactly(ClusterFeature.STORAGE);
    assertThat(localPathStorage().defaultClass(false).adds()).isEmpty();
  }

  @Test
  void metricsServer_isUpstreamsManifest_inKubeSystem_atTheFoundationStage() {
    var compiled = Demo.with(boinc(), metricsServer()).compile();

    assertThat(refs(compiled.stage(Stage.FOUNDATION)))
        .contains(
            "ServiceAccount kube-system/metrics-server",
            "ClusterRole system:aggregated-metrics-reader",
            "ClusterRole system:metrics-server",
            "RoleBinding kube-system/metrics-server-auth-reader",
            "ClusterRoleBinding metrics-server:system:auth-delegator",
            "ClusterRoleBinding system:metrics-server",
            "Service kube-system/metrics-server",
            "Deployment kube-system/metrics-server",
            "APIService v1beta1.metrics.k8s.io");
    var container =
        compiled
            .find(Deployment.class, "metrics-server")
            .orElseThrow()
            .getSpec()
            .getTemplate()
            .getSpec()
            .getContainers()
            .get(0);
    assertThat(container.getImage())
        .isEqualTo("registry.k8s.io/metrics-server/metrics-server:v0.8.0");
    assertThat(container.getArgs())
        .containsExactly(
            "--cert-dir=/tmp",
            "--secure-port=10250",
            "--kubelet-preferred-address-types=InternalIP,ExternalIP,Hostname",
            "--kubelet-use-node-status-port",
            "--metric-resolution=15s");
    assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/readyz");
    assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/livez");
    var api = compiled.find(APIService.class, "v1beta1.metrics.k8s.io").orElseThrow().getSpec();
    assertThat(api.getService().getNamespace()).isEqualTo("kube-system");
    assertThat(api.getService().getName()).isEqualTo("metrics-server");
    assertThat(
            compiled
                .find(ClusterRole.class, "system:aggregated-metrics-reader")
                .orElseThrow()
                .getMetadata()
                .getLabels())
        .containsEntry("rbac.authorization.k8s.io/aggregate-to-view", "true");
    assertThat(
            compiled
                .find(RoleBinding.class, "metrics-server-auth-reader")
                .orElseThrow()
                .getRoleRef()
                .getName())
        .isEqualTo("extension-apiserver-authentication-reader");
  }

  @Test
  void metricsServer_kubeletInsecureTls_andResolution_areFlags() {
    assertThat(
            metricsServer()
                .kubeletInsecureTls(true)
                .metricResolution(Duration.ofSeconds(30))
                .arguments())
        .contains("--kubelet-insecure-tls", "--metric-resolution=30s");
    assertThat(metricsServer().arguments()).doesNotContain("--kubelet-insecure-tls");
    assertThatThrownBy(() -> metricsServer().metricResolution(Duration.ofSeconds(5)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("metricResolution must be between 10s and 5m, was \"5s\"");
    assertThatThrownBy(
            () -> metricsServer().image("registry.k8s.io/metrics-server/metrics-server:latest"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("image must be an image pinned");
  }

  @Test
  void ingressNginx_isTheController_onHighPorts_behindALoadBalancer_withTheDefaultClassNginx() {
    var compiled = Demo.with(boinc(), ingressNginx()).compile();

    assertThat(refs(compiled.stage(Stage.FOUNDATION)))
        .contains(
            "Namespace ingress-nginx",
            "ServiceAccount ingress-nginx/ingress-nginx",
            "Role ingress-nginx/ingress-nginx",
            "RoleBinding ingress-nginx/ingress-nginx",
            "ClusterRole ingress-nginx",
            "ClusterRoleBinding ingress-nginx",
            "ConfigMap ingress-nginx/ingress-nginx-controller",
            "Deployment ingress-nginx/ingress-nginx-controller",
            "Service ingress-nginx/ingress-nginx-controller",
            "IngressClass nginx");
    assertThat(refs(compiled.objects())).noneMatch(ref -> ref.contains("admission"));
    assertThat(compiled.find(PodDisruptionBudget.class, "ingress-nginx-controller")).isEmpty();
    var service = compiled.find(Service.class, "ingress-nginx-controller").orElseThrow().getSpec();
    assertThat(service.getType()).isEqualTo("LoadBalancer");
    assertThat(service.getPorts())
        .extracting(p -> p.getPort() + "->" + p.getTargetPort().getStrVal())
        .containsExactly("80->http", "443->https");
    var container =
        compiled
            .find(Deployment.class, "ingress-nginx-controller")
            .orElseThrow()
            .getSpec()
            .getTemplate()
            .getSpec()
            .getContainers()
            .get(0);
    assertThat(container.getPorts())
        .extracting(p -> p.getName() + ":" + p.getContainerPort())
        .containsExactly("http:8080", "https:8443", "metrics:10254");
    assertThat(container.getArgs())
        .contains("--http-port=8080", "--https-port=8443", "--ingress-class=nginx");
    assertThat(container.getSecurityContext().getCapabilities().getAdd())
        .containsExactly("NET_BIND_SERVICE");
    var ingressClass = compiled.find(IngressClass.class, "nginx").orElseThrow();
    assertThat(ingressClass.getSpec().getController()).isEqualTo("k8s.io/ingress-nginx");
    assertThat(ingressClass.getMetadata().getAnnotations())
        .containsEntry("ingressclass.kubernetes.io/is-default-class", "true");
    assertThat(
            compiled.find(Namespace.class, "ingress-nginx").orElseThrow().getMetadata().getLabels())
        .containsEntry("pod-security.kubernetes.io/enforce", "restricted");
    var leases =
        compiled.find(Role.class, "ingress-nginx").orElseThrow().getRules().stream()
            .filter(
                rule ->
                    rule.getResources().contains("leases") && !rule.getResourceNames().isEmpty())
            .toList();
    assertThat(leases)
        .singleElement()
        .satisfies(
            rule -> assertThat(rule.getResourceNames()).containsExactly("ingress-nginx-leader"));
  }

  @Test
  void ingressNginx_options_nodePort_notDefault_replicasWithABudget() {
    var compiled =
        Demo.with(
                boinc(),
                ingressNginx().serviceType(ServiceType.NODE_PORT).defaultClass(false).replicas(2))
            .compile();

    assertThat(
            compiled
                .find(Service.class, "ingress-nginx-controller")
                .orElseThrow()
                .getSpec()
                .getType())
        .isEqualTo("NodePort");
    assertThat(
            compiled.find(IngressClass.class, "nginx").orElseThrow().getMetadata().getAnnotations())
        .isNullOrEmpty();
    assertThat(compiled.find(PodDisruptionBudget.class, "ingress-nginx-controller")).isPresent();
    assertThat(
            compiled
                .find(Deployment.class, "ingress-nginx-controller")
                .orElseThrow()
                .getSpec()
                .getReplicas())
        .isEqualTo(2);
    assertThatThrownBy(() -> ingressNginx().replicas(0))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("replicas must be between 1 and 10, was 0");
    assertThatThrownBy(() -> ingressNginx().serviceType(null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("serviceType must be one of [LOAD_BALANCER, NODE_PORT], was null");
  }

  @Test
  void localPathStorage_makesTheDefaultStorageClass_inAPrivilegedNamespaceOfItsOwn() {
    var compiled = Demo.with(boinc(), localPathStorage()).compile();

    assertThat(refs(compiled.stage(Stage.FOUNDATION)))
        .contains(
            "Namespace local-path-storage",
            "ServiceAccount local-path-storage/local-path-provisioner-service-account",
            "Role local-path-storage/local-path-provisioner-role",
            "ClusterRole local-path-provisioner-role",
            "RoleBinding local-path-storage/local-path-provisioner-bind",
            "ClusterRoleBinding local-path-provisioner-bind",
            "ConfigMap local-path-storage/local-path-config",
            "Deployment local-path-storage/local-path-provisioner",
            "StorageClass local-path");
    var storageClass = compiled.find(StorageClass.class, "local-path").orElseThrow();
    assertThat(storageClass.getProvisioner()).isEqualTo("rancher.io/local-path");
    assertThat(storageClass.getVolumeBindingMode()).isEqualTo("WaitForFirstConsumer");
    assertThat(storageClass.getMetadata().getAnnotations())
        .containsEntry("storageclass.kubernetes.io/is-default-class", "true");
    assertThat(
            compiled
                .find(Namespace.class, "local-path-storage")
                .orElseThrow()
                .getMetadata()
                .getLabels())
        .containsEntry("pod-security.kubernetes.io/enforce", "privileged");
    var config = compiled.find(ConfigMap.class, "local-path-config").orElseThrow().getData();
    assertThat(config.get("config.json")).contains("\"/opt/local-path-provisioner\"");
    assertThat(config.get("helperPod.yaml")).contains("image: busybox:1.37.0");
    assertThat(config.get("setup")).contains("mkdir -m 0777 -p \"$VOL_DIR\"");
  }

  @Test
  void localPathStorage_options() {
    var compiled =
        Demo.with(
                boinc(),
                localPathStorage()
                    .path("/var/volumes")
                    .defaultClass(false)
                    .helperImage("busybox:1.36.1"))
            .compile();

    assertThat(
            compiled
                .find(StorageClass.class, "local-path")
                .orElseThrow()
                .getMetadata()
                .getAnnotations())
        .isNullOrEmpty();
    var config = compiled.find(ConfigMap.class, "local-path-config").orElseThrow().getData();
    assertThat(config.get("config.json")).contains("\"/var/volumes\"");
    assertThat(config.get("helperPod.yaml")).contains("busybox:1.36.1");
    assertThatThrownBy(() -> localPathStorage().path("relative/dir"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "path must be an absolute directory such as /var/local-path, was \"relative/dir\"");
    assertThatThrownBy(() -> localPathStorage().helperImage("busybox"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("helperImage must be an image pinned");
  }
}
