package io.cncfdemo.local.simulated;

import io.cncfdemo.support.ApiServices;
import io.cncfdemo.support.PrivateFiles;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The resource metrics API ({@code metrics.k8s.io/v1beta1}) of a simulated cluster, served by
 * metrics-server on 127.0.0.1. The aggregator finds an APIService's backend through its Service;
 * Endpoints and EndpointSlices refuse loopback addresses, so the Service is of type ExternalName
 * with {@code externalName: 127.0.0.1} — the aggregator resolves an ExternalName Service to {@code
 * https://<externalName>:<port>} without looking at endpoints (what kwokctl's binary runtime does
 * too). Unlike kwokctl, the APIService verifies metrics-server's certificate (issued by the
 * cluster's CA for {@code metrics-server.kube-system.svc}) and the aggregator authenticates with
 * its own front-proxy client certificate, so metrics-server sees the real caller.
 */
final class MetricsApi {
  static final String NAME = "metrics-server";
  static final String NAMESPACE = "kube-system";
  static final String FRONT_PROXY_CLIENT = "front-proxy-client";
  static final String USER = "system:metrics-server";
  static final String APISERVICE = "v1beta1.metrics.k8s.io";

  /** How often metrics-server scrapes the kubelets (its minimum). */
  static final Duration RESOLUTION = Duration.ofSeconds(10);

  /**
   * Where on kwok's server a node's kubelet metrics are, as the node annotation metrics-server
   * follows says.
   */
  static final String RESOURCE_METRICS_PATH = "metrics.k8s.io/resource-metrics-path";

  private MetricsApi() {}

  /** The path of a node's {@code /metrics/resource} on kwok's server (see kwok-metrics.yaml). */
  static String resourceMetricsPath(String node) {
    return "/metrics/nodes/" + node + "/metrics/resource";
  }

  /**
   * metrics-server's serving certificate, the aggregator's client certificate, and metrics-server's
   * kubeconfig.
   */
  static void writePki(Pki pki, ControlPlaneFiles files, String clusterName, String server) {
    var serving =
        pki.serving(
            NAME, List.of(NAME + "." + NAMESPACE + ".svc", "localhost"), List.of("127.0.0.1"));
    PrivateFiles.write(files.pki(NAME + ".crt"), serving.certificatePem());
    PrivateFiles.write(files.pki(NAME + ".key"), serving.keyPem());
    var proxy = pki.client(FRONT_PROXY_CLIENT, null);
    PrivateFiles.write(files.pki(FRONT_PROXY_CLIENT + ".crt"), proxy.certificatePem());
    PrivateFiles.write(files.pki(FRONT_PROXY_CLIENT + ".key"), proxy.keyPem());
    KubeconfigFile.write(files.kubeconfig(NAME), clusterName, server, pki, pki.client(USER, null));
  }

  /**
   * The RBAC of metrics-server's official manifest for its user, the ExternalName Service and the
   * APIService. The APIService becomes Available once metrics-server answers.
   */
  static void register(KubernetesClient client, Path caCertificate, int port) {
    client
        .rbac()
        .clusterRoles()
        .resource(
            new ClusterRoleBuilder()
                .withNewMetadata()
                .withName(USER)
                .endMetadata()
                .withRules(
                    new PolicyRuleBuilder()
                        .withApiGroups("")
                        .withResources("nodes/metrics")
                        .withVerbs("get")
                        .build(),
                    new PolicyRuleBuilder()
                        .withApiGroups("")
                        .withResources("pods", "nodes")
                        .withVerbs("get", "list", "watch")
                        .build())
                .build())
        .serverSideApply();
    client
        .rbac()
        .clusterRoleBindings()
        .resource(
            new ClusterRoleBindingBuilder()
                .withNewMetadata()
                .withName(USER)
                .endMetadata()
                .withNewRoleRef("rbac.authorization.k8s.io", "ClusterRole", USER)
                .addNewSubject()
                .withKind("User")
                .withName(USER)
                .endSubject()
                .build())
        .serverSideApply();
    client
        .rbac()
        .clusterRoleBindings()
        .resource(
            new ClusterRoleBindingBuilder()
                .withNewMetadata()
                .withName(NAME + ":system:auth-delegator")
                .endMetadata()
                .withNewRoleRef("rbac.authorization.k8s.io", "ClusterRole", "system:auth-delegator")
                .addNewSubject()
                .withKind("User")
                .withName(USER)
                .endSubject()
                .build())
        .serverSideApply();
    client
        .rbac()
        .roleBindings()
        .inNamespace(NAMESPACE)
        .resource(
            new RoleBindingBuilder()
                .withNewMetadata()
                .withName(NAME + "-auth-reader")
                .withNamespace(NAMESPACE)
                .endMetadata()
                .withNewRoleRef(
                    "rbac.authorization.k8s.io",
                    "Role",
                    "extension-apiserver-authentication-reader")
                .addNewSubject()
                .withKind("User")
                .withName(USER)
                .endSubject()
                .build())
        .serverSideApply();
    client
        .services()
        .inNamespace(NAMESPACE)
        .resource(
            new ServiceBuilder()
                .withNewMetadata()
                .withName(NAME)
                .withNamespace(NAMESPACE)
                .addToLabels("k8s-app", NAME)
                .endMetadata()
                .withNewSpec()
                .withType("ExternalName")
                .withExternalName("127.0.0.1")
                .addNewPort()
                .withName("https")
                .withPort(port)
                .withProtocol("TCP")
                .endPort()
                .endSpec()
                .build())
        .serverSideApply();
    client
        .genericKubernetesResources("apiregistration.k8s.io/v1", "APIService")
        .resource(apiService(caCertificate, port))
        .serverSideApply();
  }

  /** Whether the aggregator reports the APIService Available. */
  static boolean available(KubernetesClient client) {
    return ApiServices.available(client, APISERVICE);
  }

  private static GenericKubernetesResource apiService(Path caCertificate, int port) {
    var caBundle =
        Base64.getEncoder().encodeToString(readCa(caCertificate).getBytes(StandardCharsets.UTF_8));
    return new GenericKubernetesResourceBuilder()
        .withApiVersion("apiregistration.k8s.io/v1")
        .withKind("APIService")
        .withNewMetadata()
        .withName(APISERVICE)
        .addToLabels("k8s-app", NAME)
        .endMetadata()
        .addToAdditionalProperties(
            "spec",
            Map.of(
                "group",
                "metrics.k8s.io",
                "version",
                "v1beta1",
                "groupPriorityMinimum",
                100,
                "versionPriority",
                100,
                "caBundle",
                caBundle,
                "service",
                Map.of("name", NAME, "namespace", NAMESPACE, "port", port)))
        .build();
  }

  private static String readCa(Path caCertificate) {
    try {
      return java.nio.file.Files.readString(caCertificate);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
