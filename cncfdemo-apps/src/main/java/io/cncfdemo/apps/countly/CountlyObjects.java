package io.cncfdemo.apps.countly;

import io.cncfdemo.apps.common.MongoEndpoint;
import io.cncfdemo.apps.common.Resources;
import io.cncfdemo.apps.internal.Containers;
import io.cncfdemo.apps.internal.Hardening.RootFilesystem;
import io.cncfdemo.apps.internal.KubeObjects;
import io.cncfdemo.apps.internal.NetworkRules;
import io.cncfdemo.apps.internal.PodSpecs;
import io.cncfdemo.apps.internal.Texts;
import io.cncfdemo.apps.internal.Volumes;
import io.cncfdemo.component.DemoContext;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpecBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The objects of {@link Countly} in one demo: the API and the dashboard, each a ConfigMap,
 * Deployment and Service.
 */
final class CountlyObjects {
  /** The image's {@code countly} user, owner of /opt/countly. */
  static final long COUNTLY_USER = 1001;

  static final int API_PORT = 3001;
  static final int FRONTEND_PORT = 6001;
  static final Resources WAIT_RESOURCES = Resources.requests("20m", "96Mi").limits("200m", "256Mi");

  private final Countly countly;
  private final DemoContext context;
  private final MongoEndpoint mongo;

  CountlyObjects(Countly countly, DemoContext context, MongoEndpoint mongo) {
    this.countly = countly;
    this.context = context;
    this.mongo = mongo;
  }

  /** One part of Countly: the API or the dashboard. */
  private record Part(
      String part,
      String configFile,
      String configPath,
      String image,
      Resources resources,
      int port,
      String readinessPath,
      boolean autoscaled) {
    String name() {
      return Countly.NAME + "-" + part;
    }
  }

  List<HasMetadata> all() {
    var api =
        new Part(
            "api",
            "api.js",
            "/opt/countly/api/config.js",
            countly.apiImage(),
            countly.apiResources(),
            API_PORT,
            "/o/ping",
            true);
    var frontend =
        new Part(
            "frontend",
            "frontend.js",
            "/opt/countly/frontend/express/config.js",
            countly.frontendImage(),
            countly.frontendResources(),
            FRONTEND_PORT,
            "/ping",
            false);
    var objects = new ArrayList<HasMetadata>();
    objects.addAll(part(api));
    objects.add(autoscaler(api));
    objects.add(
        KubeObjects.oneAtATime(api.name(), labels(api), context.selector(countly, api.part())));
    objects.addAll(part(frontend));
    objects.add(
        KubeObjects.ingress(
            Countly.NAME,
            context.labels(countly, "ingress"),
            host(),
            countly.ingressClass(),
            List.of(
                KubeObjects.route("/i", api.name(), API_PORT),
                KubeObjects.route("/o", api.name(), API_PORT),
                KubeObjects.route("/", frontend.name(), FRONTEND_PORT))));
    if (countly.setup()) {
      objects.addAll(CountlySetup.objects(countly, context, url(frontend), url(api)));
    }
    objects.addAll(networkPolicies(api, frontend));
    return objects;
  }

  /**
   * Who reaches Countly: ingress controllers (from other namespaces), the load generators (part
   * {@code load}), its own dashboard and setup Job; whom Countly reaches: MongoDB.
   */
  private List<NetworkPolicy> networkPolicies(Part api, Part frontend) {
    var policies = new ArrayList<NetworkPolicy>();
    policies.add(
        toMongo(
                NetworkRules.forPods(
                    api.name(), labels(api), context.selector(countly, api.part())))
            .from(NetworkRules.otherNamespaces(context.namespace()), API_PORT)
            .from(NetworkRules.component(Countly.NAME), API_PORT)
            .from(NetworkRules.anyComponent("load"), API_PORT)
            .build());
    policies.add(
        toMongo(
                NetworkRules.forPods(
                    frontend.name(), labels(frontend), context.selector(countly, frontend.part())))
            .from(NetworkRules.otherNamespaces(context.namespace()), FRONTEND_PORT)
            .from(NetworkRules.component(Countly.NAME), FRONTEND_PORT)
            .to(NetworkRules.part(Countly.NAME, api.part()), API_PORT)
            .build());
    if (countly.setup()) {
      policies.add(
          NetworkRules.forPods(
                  CountlySetup.NAME,
                  context.labels(countly, "setup"),
                  context.selector(countly, "setup"))
              .to(NetworkRules.part(Countly.NAME, api.part()), API_PORT)
              .to(NetworkRules.part(Countly.NAME, frontend.part()), FRONTEND_PORT)
              // The API server, for the Secret countly-keys.
              .to(NetworkRules.outside(), 443, 6443)
              .build());
    }
    return policies;
  }

  /** MongoDB: the demo's mongos (pods of part {@code mongos}), or a server outside the cluster. */
  private NetworkRules toMongo(NetworkRules rules) {
    var inCluster =
        mongo.host().filter(host -> host.endsWith("." + context.namespace() + ".svc")).isPresent();
    return rules.to(
        inCluster ? NetworkRules.anyComponent("mongos") : NetworkRules.outside(), mongo.port());
  }

  private String url(Part part) {
    return "http://" + part.name() + "." + context.namespace() + ".svc:" + part.port();
  }

  private String host() {
    return Countly.NAME + "." + context.domain();
  }

  private List<HasMetadata> part(Part part) {
    var config = Map.of("config.js", CountlyConfig.render(part.configFile(), mongo));
    var configMap = KubeObjects.configMap(part.name() + "-config", labels(part), config);
    var selector = context.selector(countly, part.part());
    PodSpec spec =
        PodSpecs.base(context.foregroundPriorityClass(), COUNTLY_USER)
            .withAffinity(PodSpecs.spreadOverNodes(selector))
            .withInitContainers(waitForMongo())
            .withContainers(container(part))
            .withVolumes(
                Volumes.configMap("config", configMap.getMetadata().getName()),
                Volumes.emptyDir("tmp", "256Mi"))
            .build();
    var template =
        PodSpecs.template(labels(part), Map.of("checksum/config", Texts.checksum(config)), spec);
    return List.of(
        configMap,
        part.autoscaled()
            ? KubeObjects.autoscaledDeployment(part.name(), labels(part), selector, template)
            : KubeObjects.deployment(part.name(), labels(part), selector, 1, template),
        KubeObjects.service(
            part.name(), labels(part), selector, KubeObjects.port("http", part.port())));
  }

  /**
   * The Countly container. Its root file system stays writable: on first start the image's
   * postinstall.sh writes plugins/plugins.json and rebuilds the dashboard's assets (grunt dist-all)
   * inside /opt/countly.
   */
  private Container container(Part part) {
    var env = new ArrayList<EnvVar>(credentials());
    env.add(Containers.env("COUNTLY_CONFIG_HOSTNAME", host()));
    env.add(
        Containers.env(
            "NODE_OPTIONS", "--max-old-space-size=" + part.resources().memoryLimitMiB() * 3 / 4));
    return Containers.hardened(part.part(), part.image(), part.resources(), RootFilesystem.WRITABLE)
        .withEnv(env)
        .addNewPort()
        .withName("http")
        .withContainerPort(part.port())
        .withProtocol("TCP")
        .endPort()
        // The first start installs plugins and builds assets: up to ten minutes before the probes
        // below apply.
        .withStartupProbe(Containers.httpProbe(part.readinessPath(), part.port(), 10, 60))
        .withReadinessProbe(Containers.httpProbe(part.readinessPath(), part.port(), 10, 3))
        // Liveness asks only whether the process listens: a MongoDB outage must not restart every
        // Countly pod.
        .withLivenessProbe(Containers.tcpProbe(part.port(), 20, 3))
        .withVolumeMounts(
            Volumes.file("config", part.configPath(), "config.js"),
            Volumes.mount("tmp", "/tmp", false))
        .build();
  }

  private List<EnvVar> credentials() {
    return mongo
        .credentialsSecret()
        .map(
            secret ->
                List.of(
                    Containers.fromSecret(
                        "COUNTLY_MONGODB_USERNAME", secret, MongoEndpoint.USERNAME_KEY),
                    Containers.fromSecret(
                        "COUNTLY_MONGODB_PASSWORD", secret, MongoEndpoint.PASSWORD_KEY)))
        .orElse(List.of());
  }

  /**
   * Blocks the pod's start until MongoDB answers a ping, so that Countly does not crash-loop while
   * it starts.
   */
  private Container waitForMongo() {
    var script =
        "until mongosh --quiet --norc \"$MONGODB_URI\" --eval 'db.adminCommand({ ping: 1 }).ok' >"
            + " /dev/null 2>&1; do echo \"waiting for $MONGODB_URI\"; sleep 2; done";
    return Containers.hardened(
            "wait-for-mongodb", mongo.clientImage(), WAIT_RESOURCES, RootFilesystem.READ_ONLY)
        .withCommand("sh", "-c", script)
        .withEnv(Containers.env("MONGODB_URI", mongo.uri()), Containers.env("HOME", "/tmp"))
        .withVolumeMounts(Volumes.mount("tmp", "/tmp", false))
        .build();
  }

  private HorizontalPodAutoscaler autoscaler(Part api) {
    var metrics = new ArrayList<MetricSpec>();
    metrics.add(
        new MetricSpecBuilder()
            .withType("Resource")
            .withNewResource()
            .withName("cpu")
            .withNewTarget()
            .withType("Utilization")
            .withAverageUtilization(countly.cpuTargetPercent())
            .endTarget()
            .endResource()
            .build());
    countly
        .customMetric()
        .ifPresent(
            metric ->
                metrics.add(
                    new MetricSpecBuilder()
                        .withType("Pods")
                        .withNewPods()
                        .withNewMetric()
                        .withName(metric.name())
                        .endMetric()
                        .withNewTarget()
                        .withType("AverageValue")
                        .withAverageValue(new Quantity(metric.averageValue()))
                        .endTarget()
                        .endPods()
                        .build()));
    return new HorizontalPodAutoscalerBuilder()
        .withMetadata(KubeObjects.meta(api.name(), labels(api)))
        .withNewSpec()
        .withNewScaleTargetRef()
        .withApiVersion("apps/v1")
        .withKind("Deployment")
        .withName(api.name())
        .endScaleTargetRef()
        .withMinReplicas(countly.replicas())
        .withMaxReplicas(countly.maxReplicas())
        .withMetrics(metrics)
        .withNewBehavior()
        .withNewScaleDown()
        .withStabilizationWindowSeconds((int) countly.scaleDownStabilization().toSeconds())
        .endScaleDown()
        .endBehavior()
        .endSpec()
        .build();
  }

  private Map<String, String> labels(Part part) {
    return context.labels(countly, part.part());
  }
}
