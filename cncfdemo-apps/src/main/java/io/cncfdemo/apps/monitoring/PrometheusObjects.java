package io.cncfdemo.apps.monitoring;

import io.cncfdemo.apps.internal.KubeObjects;
import io.cncfdemo.apps.internal.NetworkRules;
import io.cncfdemo.apps.internal.PodSpecs;
import io.cncfdemo.apps.internal.Texts;
import io.cncfdemo.apps.internal.Volumes;
import io.cncfdemo.component.DemoContext;
import io.cncfdemo.support.Durations;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import java.util.List;
import java.util.Map;

/** The objects of {@link Prometheus} in one demo. */
final class PrometheusObjects {
  /** The image's user, {@code nobody}. */
  static final long PROMETHEUS_USER = 65534;

  static final String GOVERNING_SERVICE = Prometheus.NAME + "-headless";

  private PrometheusObjects() {}

  static List<HasMetadata> all(Prometheus prometheus, DemoContext context) {
    var labels = context.labels(prometheus, "server");
    var selector = context.selector(prometheus, "server");
    var files = prometheus.config(context).files();
    var configMap = KubeObjects.configMap("prometheus-config", labels, files);
    // Cluster-scoped: named after the namespace, so that two demos in one cluster do not share
    // them.
    var clusterName = context.namespace() + "-prometheus";
    var account =
        new ServiceAccountBuilder()
            .withMetadata(KubeObjects.meta(Prometheus.NAME, labels))
            .withAutomountServiceAccountToken(false)
            .build();
    var role =
        new ClusterRoleBuilder()
            .withMetadata(KubeObjects.meta(clusterName, labels))
            .withRules(
                new PolicyRuleBuilder()
                    .withApiGroups("")
                    .withResources(
                        "nodes", "nodes/proxy", "nodes/metrics", "services", "endpoints", "pods")
                    .withVerbs("get", "list", "watch")
                    .build(),
                new PolicyRuleBuilder()
                    .withApiGroups("discovery.k8s.io")
                    .withResources("endpointslices")
                    .withVerbs("get", "list", "watch")
                    .build(),
                new PolicyRuleBuilder().withNonResourceURLs("/metrics").withVerbs("get").build())
            .build();
    var binding =
        new ClusterRoleBindingBuilder()
            .withMetadata(KubeObjects.meta(clusterName, labels))
            .withNewRoleRef()
            .withApiGroup("rbac.authorization.k8s.io")
            .withKind("ClusterRole")
            .withName(clusterName)
            .endRoleRef()
            .addNewSubject()
            .withKind("ServiceAccount")
            .withName(Prometheus.NAME)
            .withNamespace(context.namespace())
            .endSubject()
            .build();
    var container =
        HttpServers.container(
                Prometheus.NAME,
                prometheus.image(),
                prometheus.resources(),
                Prometheus.PORT,
                "/-/ready",
                "/-/healthy")
            .withArgs(
                "--config.file=/etc/prometheus/" + PrometheusConfig.CONFIG_FILE,
                "--storage.tsdb.path=/prometheus",
                "--storage.tsdb.retention.time=" + Durations.format(prometheus.retention()),
                "--web.listen-address=:" + Prometheus.PORT,
                "--web.enable-lifecycle")
            .withVolumeMounts(
                Volumes.mount("config", "/etc/prometheus", true),
                Volumes.mount("data", "/prometheus", false))
            .build();
    var spec =
        PodSpecs.base(context.foregroundPriorityClass(), PROMETHEUS_USER)
            // The one pod of the demo that talks to the API server: service discovery.
            .withServiceAccountName(Prometheus.NAME)
            .withAutomountServiceAccountToken(true)
            .withTerminationGracePeriodSeconds(120L)
            .withContainers(container)
            .withVolumes(Volumes.configMap("config", configMap.getMetadata().getName()))
            .build();
    var statefulSet =
        new StatefulSetBuilder()
            .withMetadata(KubeObjects.meta(Prometheus.NAME, labels))
            .withNewSpec()
            // Governed by a headless Service of its own; clients use the ClusterIP Service
            // "prometheus".
            .withServiceName(GOVERNING_SERVICE)
            .withReplicas(1)
            .withNewSelector()
            .withMatchLabels(selector)
            .endSelector()
            .withTemplate(
                PodSpecs.template(labels, Map.of("checksum/config", Texts.checksum(files)), spec))
            .withVolumeClaimTemplates(
                KubeObjects.claimTemplate(
                    "data", labels, prometheus.storage(), prometheus.storageClass()))
            .endSpec()
            .build();
    // Grafana queries it, the benchmark through the API server's service proxy; it scrapes every
    // pod of the demo,
    // annotated pods of other namespaces (an ingress controller), the API server and the kubelets.
    var policy =
        NetworkRules.forPods(Prometheus.NAME, labels, selector)
            .from(NetworkRules.component(Grafana.NAME), Prometheus.PORT)
            .from(NetworkRules.outside(), Prometheus.PORT)
            .to(NetworkRules.anyPod())
            .to(NetworkRules.otherNamespaces(context.namespace()))
            .to(NetworkRules.outside(), 443, 6443, 10250)
            .build();
    return List.of(
        account,
        role,
        binding,
        configMap,
        statefulSet,
        KubeObjects.headless(
            GOVERNING_SERVICE, labels, selector, KubeObjects.port("http", Prometheus.PORT)),
        KubeObjects.service(
            Prometheus.NAME, labels, selector, KubeObjects.port("http", Prometheus.PORT)),
        policy);
  }
}
