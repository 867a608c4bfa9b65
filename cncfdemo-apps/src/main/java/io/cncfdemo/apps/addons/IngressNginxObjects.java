package io.cncfdemo.apps.addons;

import io.cncfdemo.apps.internal.Containers;
import io.cncfdemo.apps.internal.Hardening;
import io.cncfdemo.apps.internal.Hardening.RootFilesystem;
import io.cncfdemo.apps.internal.KubeObjects;
import io.cncfdemo.apps.internal.PodSpecs;
import io.cncfdemo.apps.internal.Rbac;
import io.cncfdemo.component.DemoContext;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressClassBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The objects of {@link IngressNginx}, after upstream's {@code deploy.yaml} for v1.12 without the
 * admission webhook: namespace, service account, RBAC, ConfigMap, Deployment, Service and
 * IngressClass.
 */
final class IngressNginxObjects {
  /** High ports: nginx needs no privilege to bind them. The Service maps 80 and 443 onto them. */
  static final int HTTP_PORT = 8080;

  static final int HTTPS_PORT = 8443;

  /** Health and Prometheus metrics of the controller. */
  static final int METRICS_PORT = 10254;

  /** The image's {@code www-data} user and group. */
  static final long USER = 101;

  static final long GROUP = 82;
  static final String CONTROLLER = "ingress-nginx-controller";
  static final String CONTROLLER_CLASS = "k8s.io/ingress-nginx";
  static final String LEADER_LEASE = "ingress-nginx-leader";
  private static final String NS = IngressNginx.NAMESPACE;

  private IngressNginxObjects() {}

  static List<HasMetadata> all(IngressNginx nginx, DemoContext context) {
    var labels = context.labels(nginx, "controller");
    var selector = context.selector(nginx, "controller");
    var name = IngressNginx.NAME;
    var namespace =
        new NamespaceBuilder()
            .withMetadata(KubeObjects.meta(NS, labels))
            .editMetadata()
            // The controller meets restricted: it adds only NET_BIND_SERVICE, which restricted
            // allows.
            .addToLabels("pod-security.kubernetes.io/enforce", "restricted")
            .addToLabels("pod-security.kubernetes.io/enforce-version", "latest")
            .endMetadata()
            .build();
    var objects = new ArrayList<HasMetadata>();
    objects.add(namespace);
    objects.add(Rbac.account(name, NS, labels));
    objects.add(
        Rbac.role(
            name,
            NS,
            labels,
            Rbac.rule("", List.of("namespaces"), "get"),
            Rbac.rule(
                "", List.of("configmaps", "pods", "secrets", "endpoints"), "get", "list", "watch"),
            Rbac.rule("", List.of("services"), "get", "list", "watch"),
            Rbac.rule(
                "networking.k8s.io",
                List.of("ingresses", "ingressclasses"),
                "get",
                "list",
                "watch"),
            Rbac.rule("networking.k8s.io", List.of("ingresses/status"), "update"),
            Rbac.named("coordination.k8s.io", "leases", List.of(LEADER_LEASE), "get", "update"),
            Rbac.rule("coordination.k8s.io", List.of("leases"), "create"),
            Rbac.rule("", List.of("events"), "create", "patch"),
            Rbac.rule("discovery.k8s.io", List.of("endpointslices"), "list", "watch", "get")));
    objects.add(Rbac.binding(name, NS, labels, "Role", name, name, NS));
    objects.add(
        Rbac.clusterRole(
            name,
            labels,
            Rbac.rule(
                "",
                List.of("configmaps", "endpoints", "nodes", "pods", "secrets", "namespaces"),
                "list",
                "watch"),
            Rbac.rule("coordination.k8s.io", List.of("leases"), "list", "watch"),
            Rbac.rule("", List.of("nodes"), "get"),
            Rbac.rule("", List.of("services"), "get", "list", "watch"),
            Rbac.rule(
                "networking.k8s.io",
                List.of("ingresses", "ingressclasses"),
                "get",
                "list",
                "watch"),
            Rbac.rule("networking.k8s.io", List.of("ingresses/status"), "update"),
            Rbac.rule("", List.of("events"), "create", "patch"),
            Rbac.rule("discovery.k8s.io", List.of("endpointslices"), "list", "watch", "get")));
    objects.add(Rbac.clusterBinding(name, labels, name, name, NS));
    var config =
        KubeObjects.configMap(CONTROLLER, labels, Map.of("allow-snippet-annotations", "false"));
    config.getMetadata().setNamespace(NS);
    objects.add(config);
    objects.add(deployment(nginx, context, labels, selector));
    objects.add(service(nginx, labels, selector));
    objects.add(
        new IngressClassBuilder()
            .withMetadata(KubeObjects.meta(IngressNginx.CLASS_NAME, labels))
            .editMetadata()
            .withAnnotations(
                nginx.defaultClass()
                    ? Map.of("ingressclass.kubernetes.io/is-default-class", "true")
                    : null)
            .endMetadata()
            .withNewSpec()
            .withController(CONTROLLER_CLASS)
            .endSpec()
            .build());
    if (nginx.replicas() > 1) {
      var budget = KubeObjects.oneAtATime(CONTROLLER, labels, selector);
      budget.getMetadata().setNamespace(NS);
      objects.add(budget);
    }
    return objects;
  }

  private static HasMetadata deployment(
      IngressNginx nginx,
      DemoContext context,
      Map<String, String> labels,
      Map<String, String> selector) {
    var security = Hardening.container(RootFilesystem.WRITABLE);
    // The image sets the file capability cap_net_bind_service on its binaries (dumb-init, the
    // controller, nginx):
    // the kernel refuses to run them when the capability is outside the container's bounding set,
    // high ports or not.
    // Pod Security restricted allows exactly this one capability.
    security.getCapabilities().setAdd(List.of("NET_BIND_SERVICE"));
    var container =
        Containers.hardened("controller", nginx.image(), nginx.resources(), RootFilesystem.WRITABLE)
            // Writable root: the controller renders /etc/nginx/nginx.conf and nginx keeps its temp
            // files in the image.
            .withSecurityContext(security)
            .withArgs(
                "/nginx-ingress-controller",
                "--election-id=" + LEADER_LEASE,
                "--controller-class=" + CONTROLLER_CLASS,
                "--ingress-class=" + IngressNginx.CLASS_NAME,
                "--configmap=$(POD_NAMESPACE)/" + CONTROLLER,
                "--publish-service=$(POD_NAMESPACE)/" + CONTROLLER,
                "--http-port=" + HTTP_PORT,
                "--https-port=" + HTTPS_PORT,
                "--enable-metrics=true")
            .withEnv(
                field("POD_NAME", "metadata.name"),
                field("POD_NAMESPACE", "metadata.namespace"),
                Containers.env("LD_PRELOAD", "/usr/local/lib/libmimalloc.so"))
            .addNewPort()
            .withName("http")
            .withContainerPort(HTTP_PORT)
            .withProtocol("TCP")
            .endPort()
            .addNewPort()
            .withName("https")
            .withContainerPort(HTTPS_PORT)
            .withProtocol("TCP")
            .endPort()
            .addNewPort()
            .withName("metrics")
            .withContainerPort(METRICS_PORT)
            .withProtocol("TCP")
            .endPort()
            // Ready when nginx and the controller's sync answer; alive while the controller's port
            // accepts connections.
            .withReadinessProbe(Containers.httpProbe("/healthz", METRICS_PORT, 10, 3))
            .withLivenessProbe(Containers.tcpProbe(METRICS_PORT, 10, 5))
            .withNewLifecycle()
            .withNewPreStop()
            .withNewExec()
            .withCommand("/wait-shutdown")
            .endExec()
            .endPreStop()
            .endLifecycle()
            .build();
    var spec =
        PodSpecs.base(context.foregroundPriorityClass(), USER)
            .withSecurityContext(Hardening.pod(USER, GROUP))
            // It watches Ingresses, Services and Secrets cluster-wide and writes Ingress status.
            .withServiceAccountName(IngressNginx.NAME)
            .withAutomountServiceAccountToken(true)
            .withNodeSelector(Map.of("kubernetes.io/os", "linux"))
            .withTerminationGracePeriodSeconds(300L)
            .withAffinity(nginx.replicas() > 1 ? PodSpecs.spreadOverNodes(selector) : null)
            .withContainers(container)
            .build();
    var deployment =
        KubeObjects.deployment(
            CONTROLLER,
            labels,
            selector,
            nginx.replicas(),
            PodSpecs.template(labels, PodSpecs.scrape(METRICS_PORT, "/metrics"), spec));
    deployment.getMetadata().setNamespace(NS);
    return deployment;
  }

  private static HasMetadata service(
      IngressNginx nginx, Map<String, String> labels, Map<String, String> selector) {
    return new ServiceBuilder()
        .withMetadata(KubeObjects.meta(CONTROLLER, NS, labels))
        .withNewSpec()
        .withType(nginx.serviceType().kubernetesName())
        // Keeps the client's address, and skips a second hop between nodes.
        .withExternalTrafficPolicy("Local")
        .withSelector(selector)
        .addNewPort()
        .withName("http")
        .withProtocol("TCP")
        .withAppProtocol("http")
        .withPort(80)
        .withTargetPort(new IntOrString("http"))
        .endPort()
        .addNewPort()
        .withName("https")
        .withProtocol("TCP")
        .withAppProtocol("https")
        .withPort(443)
        .withTargetPort(new IntOrString("https"))
        .endPort()
        .endSpec()
        .build();
  }

  private static EnvVar field(String name, String path) {
    return new EnvVarBuilder()
        .withName(name)
        .withNewValueFrom()
        .withNewFieldRef()
        .withFieldPath(path)
        .endFieldRef()
        .endValueFrom()
        .build();
  }
}
