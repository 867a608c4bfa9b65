package io.cncfdemo.apps.wrk;

import io.cncfdemo.apps.common.AppCapabilities;
import io.cncfdemo.apps.common.CountlyApp;
import io.cncfdemo.apps.common.Resources;
import io.cncfdemo.apps.internal.Containers;
import io.cncfdemo.apps.internal.Hardening.RootFilesystem;
import io.cncfdemo.apps.internal.KubeObjects;
import io.cncfdemo.apps.internal.NetworkRules;
import io.cncfdemo.apps.internal.PodSpecs;
import io.cncfdemo.apps.internal.Texts;
import io.cncfdemo.apps.internal.Volumes;
import io.cncfdemo.apps.monitoring.Pushgateway;
import io.cncfdemo.benchmark.BenchmarkJobs;
import io.cncfdemo.component.DemoContext;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The objects of one {@link Wrk} in one demo: its Lua script, its Countly keys if any, and its
 * suspended Job.
 */
final class WrkObjects {
  static final String SCRIPT = "countly.lua";
  static final String SCRIPT_PATH = "/etc/wrk/" + SCRIPT;
  static final String RESULTS = "/results/metrics.prom";

  /**
   * The images run as root by default; neither needs it. {@code curlimages/curl}'s own user is uid
   * 100.
   */
  static final long WRK_USER = 100;

  static final Resources PUSH_RESOURCES = Resources.requests("10m", "16Mi").limits("100m", "64Mi");

  private WrkObjects() {}

  static List<HasMetadata> all(Wrk wrk, DemoContext context) {
    var labels = context.labels(wrk, "load");
    var script =
        KubeObjects.configMap(
            wrk.name() + "-script", labels, Map.of(SCRIPT, Texts.resource(Wrk.class, SCRIPT)));
    var objects = new ArrayList<HasMetadata>();
    objects.add(script);
    var env = new ArrayList<EnvVar>();
    wrk.environment().forEach((name, value) -> env.add(Containers.env(name, value)));
    env.add(Containers.env("WRK_RESULTS", wrk.pushResults() ? RESULTS : ""));
    wrk.countlyKeys()
        .ifPresent(
            keys -> {
              var secret = wrk.name() + "-countly";
              objects.add(
                  KubeObjects.secret(
                      secret,
                      labels,
                      Map.of(
                          CountlyApp.APP_KEY,
                          keys.appKey(),
                          CountlyApp.API_KEY,
                          keys.apiKey(),
                          CountlyApp.APP_ID,
                          keys.appId())));
              env.addAll(countlyEnv(secret));
            });
    if (wrk.countlyApp()) {
      // Filled by countly()'s setup Job; until it has run, the pod waits
      // (CreateContainerConfigError) naming the key.
      env.addAll(countlyEnv(context.require(AppCapabilities.COUNTLY_APP).keysSecret()));
    }
    var load =
        Containers.hardened(
                BenchmarkJobs.LOAD_CONTAINER,
                wrk.image(),
                wrk.resources(),
                RootFilesystem.READ_ONLY)
            .withCommand("wrk")
            .withArgs(wrk.arguments())
            .withEnv(env)
            .withVolumeMounts(
                Volumes.mount("script", "/etc/wrk", true),
                Volumes.mount("results", "/results", false))
            .build();
    var spec =
        PodSpecs.base(context.foregroundPriorityClass(), WRK_USER)
            .withRestartPolicy("Never")
            .withVolumes(
                Volumes.configMap("script", script.getMetadata().getName()),
                Volumes.emptyDir("results", "1Mi"));
    PodSpec pod =
        wrk.pushResults()
            // wrk runs to completion first; then the push container sends what it wrote.
            ? spec.withInitContainers(load).withContainers(push(wrk, context)).build()
            : spec.withContainers(load).build();
    var annotations = new LinkedHashMap<String, String>();
    annotations.put(BenchmarkJobs.TARGET_ANNOTATION, wrk.target());
    wrk.rate()
        .ifPresent(rate -> annotations.put(BenchmarkJobs.RATE_ANNOTATION, String.valueOf(rate)));
    var job =
        new JobBuilder()
            .withMetadata(KubeObjects.meta(wrk.name(), labels))
            .editMetadata()
            .withAnnotations(annotations)
            .endMetadata()
            .withNewSpec()
            // A template: the benchmark un-suspends it. A failed run is not retried, its numbers
            // would mix.
            .withSuspend(true)
            .withBackoffLimit(0)
            .withActiveDeadlineSeconds(wrk.duration().toSeconds() + 600)
            .withTemplate(PodSpecs.template(labels, Map.of(), pod))
            .endSpec()
            .build();
    objects.add(job);
    objects.add(networkPolicy(wrk, context, labels));
    return objects;
  }

  /**
   * The load reaches its target's port, in the demo's namespace or outside the cluster, and the
   * Pushgateway; nothing reaches it.
   */
  private static NetworkPolicy networkPolicy(
      Wrk wrk, DemoContext context, Map<String, String> labels) {
    var target = URI.create(wrk.target());
    int port =
        target.getPort() > 0 ? target.getPort() : "https".equals(target.getScheme()) ? 443 : 80;
    var rules =
        NetworkRules.forPods(wrk.name(), labels, context.selector(wrk, "load"))
            .to(NetworkRules.anyPod(), port)
            .to(NetworkRules.outside(), port);
    if (wrk.pushResults()) {
      rules.to(NetworkRules.component(Pushgateway.NAME), Pushgateway.PORT);
    }
    return rules.build();
  }

  private static List<EnvVar> countlyEnv(String secret) {
    return List.of(
        Containers.fromSecret("COUNTLY_APP_KEY", secret, CountlyApp.APP_KEY),
        Containers.fromSecret("COUNTLY_API_KEY", secret, CountlyApp.API_KEY),
        Containers.fromSecret("COUNTLY_APP_ID", secret, CountlyApp.APP_ID));
  }

  private static Container push(Wrk wrk, DemoContext context) {
    // $(CNCFDEMO_RUN): the run's id, set by the benchmark on the Job it starts; the component's
    // name in the template
    var url =
        context.require(AppCapabilities.PUSHGATEWAY).url()
            + "/metrics/job/wrk/instance/$("
            + BenchmarkJobs.RUN
            + ")";
    return Containers.hardened("push", wrk.pushImage(), PUSH_RESOURCES, RootFilesystem.READ_ONLY)
        .withCommand(
            "curl",
            "--fail",
            "--silent",
            "--show-error",
            "--retry",
            "5",
            "--retry-connrefused",
            "--upload-file",
            RESULTS,
            url)
        .withEnv(Containers.env(BenchmarkJobs.RUN, wrk.jobName()))
        .withVolumeMounts(Volumes.mount("results", "/results", true))
        .build();
  }
}
