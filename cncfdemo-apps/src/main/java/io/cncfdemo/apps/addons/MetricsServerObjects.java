package io.cncfdemo.apps.addons;

import io.cncfdemo.apps.internal.Containers;
import io.cncfdemo.apps.internal.Hardening.RootFilesystem;
import io.cncfdemo.apps.internal.KubeObjects;
import io.cncfdemo.apps.internal.PodSpecs;
import io.cncfdemo.apps.internal.Rbac;
import io.cncfdemo.apps.internal.Volumes;
import io.cncfdemo.component.DemoContext;
import io.fabric8.kubernetes.api.model.APIServiceBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The objects of {@link MetricsServer}, after upstream's {@code components.yaml} of v0.8.0: its
 * service account and RBAC, the Deployment, the Service and the APIService {@code
 * v1beta1.metrics.k8s.io}.
 */
final class MetricsServerObjects {
  static final int PORT = 10250;

  /** The image's user, as upstream's manifest sets it. */
  static final long USER = 1000;

  static final String API_SERVICE = "v1beta1.metrics.k8s.io";
  private static final String NS = MetricsServer.NAMESPACE;

  private MetricsServerObjects() {}

  static List<HasMetadata> all(MetricsServer server, DemoContext context) {
    var labels = context.labels(server, "server");
    var selector = context.selector(server, "server");
    var name = MetricsServer.NAME;
    var reader = new LinkedHashMap<>(labels);
    // Who may view, edit or administer a namespace may read its metrics.
    reader.put("rbac.authorization.k8s.io/aggregate-to-admin", "true");
    reader.put("rbac.authorization.k8s.io/aggregate-to-edit", "true");
    reader.put("rbac.authorization.k8s.io/aggregate-to-view", "true");
    var container =
        Containers.hardened(name, server.image(), server.resources(), RootFilesystem.READ_ONLY)
            .withArgs(server.arguments())
            .addNewPort()
            .withName("https")
            .withContainerPort(PORT)
            .withProtocol("TCP")
            .endPort()
            // Ready once it has scraped the kubelets; alive while the process answers.
            .withReadinessProbe(https("/readyz", 10, 3))
            .withLivenessProbe(https("/livez", 10, 3))
            .withVolumeMounts(Volumes.mount("tmp-dir", "/tmp", false))
            .build();
    var spec =
        PodSpecs.base(context.foregroundPriorityClass(), USER)
            // It reads nodes and pods, and delegates authentication and authorization to the API
            // server.
            .withServiceAccountName(name)
            .withAutomountServiceAccountToken(true)
            .withNodeSelector(Map.of("kubernetes.io/os", "linux"))
            .withContainers(container)
            .withVolumes(Volumes.emptyDir("tmp-dir", "64Mi"))
            .build();
    var deployment =
        KubeObjects.deployment(
            name, labels, selector, 1, PodSpecs.template(labels, Map.of(), spec));
    deployment.getMetadata().setNamespace(NS);
    var service =
        new ServiceBuilder()
            .withMetadata(KubeObjects.meta(name, NS, labels))
            .withNewSpec()
            .withType("ClusterIP")
            .withSelector(selector)
            .addNewPort()
            .withName("https")
            .withProtocol("TCP")
            .withPort(443)
            .withTargetPort(new IntOrString("https"))
            .endPort()
            .endSpec()
            .build();
    var apiService =
        new APIServiceBuilder()
            .withNewMetadata()
            .withName(API_SERVICE)
            .withLabels(labels)
            .endMetadata()
            .withNewSpec()
            .withGroup("metrics.k8s.io")
            .withVersion("v1beta1")
            .withGroupPriorityMinimum(100)
            .withVersionPriority(100)
            // As upstream: the server's certificate is self-signed (--cert-dir), so the aggregator
            // does not verify it.
            .withInsecureSkipTLSVerify(true)
            .withNewService()
            .withName(name)
            .withNamespace(NS)
            .withPort(443)
            .endService()
            .endSpec()
            .build();
    return List.of(
        Rbac.account(name, NS, labels),
        Rbac.clusterRole(
            "system:aggregated-metrics-reader",
            reader,
            Rbac.rule("metrics.k8s.io", List.of("pods", "nodes"), "get", "list", "watch")),
        Rbac.clusterRole(
            "system:metrics-server",
            labels,
            Rbac.rule("", List.of("nodes/metrics"), "get"),
            Rbac.rule("", List.of("pods", "nodes"), "get", "list", "watch")),
        Rbac.binding(
            "metrics-server-auth-reader",
            NS,
            labels,
            "Role",
            "extension-apiserver-authentication-reader",
            name,
            NS),
        Rbac.clusterBinding(
            "metrics-server:system:auth-delegator", labels, "system:auth-delegator", name, NS),
        Rbac.clusterBinding("system:metrics-server", labels, "system:metrics-server", name, NS),
        service,
        deployment,
        apiService);
  }

  private static Probe https(String path, int periodSeconds, int failureThreshold) {
    return new ProbeBuilder()
        .withNewHttpGet()
        .withPath(path)
        .withNewPort("https")
        .withScheme("HTTPS")
        .endHttpGet()
        .withInitialDelaySeconds(20)
        .withPeriodSeconds(periodSeconds)
        .withTimeoutSeconds(5)
        .withFailureThreshold(failureThreshold)
        .build();
  }
}
