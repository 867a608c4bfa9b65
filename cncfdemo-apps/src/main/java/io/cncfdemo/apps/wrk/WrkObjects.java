package io.cncfdemo.apps.wrk;

import io.cncfdemo.apps.AppCapabilities;
import io.cncfdemo.apps.Resources;
import io.cncfdemo.apps.internal.Containers;
import io.cncfdemo.apps.internal.Hardening.RootFilesystem;
import io.cncfdemo.apps.internal.KubeObjects;
import io.cncfdemo.apps.internal.PodSpecs;
import io.cncfdemo.apps.internal.Texts;
import io.cncfdemo.apps.internal.Volumes;
import io.cncfdemo.component.DemoContext;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The objects of one {@link Wrk} in one demo: its Lua script and its suspended Job. */
final class WrkObjects {
  static final String SCRIPT_PATH = "/etc/wrk/report.lua";
  static final String RESULTS = "/results/metrics.prom";
  /** The images run as root by default; neither needs it. {@code curlimages/curl}'s own user is uid 100. */
  static final long WRK_USER = 100;
  static final Resources PUSH_RESOURCES = Resources.requests("10m", "16Mi").limits("100m", "64Mi");

  private WrkObjects() {}

  static List<HasMetadata> all(Wrk wrk, DemoContext context) {
    var labels = context.labels(wrk, "load");
    var script = KubeObjects.configMap(wrk.name() + "-script", labels, Map.of("report.lua", Texts.resource(Wrk.class, "report.lua")));
    var load = Containers.hardened("wrk", wrk.image(), wrk.resources(), RootFilesystem.READ_ONLY)
        .withCommand("wrk")
        .withArgs(wrk.arguments())
        .withEnv(Containers.env("WRK_RESULTS", wrk.pushResults() ? RESULTS : ""))
        .withVolumeMounts(Volumes.mount("script", "/etc/wrk", true), Volumes.mount("results", "/results", false))
        .build();
    var spec = PodSpecs.base(context.foregroundPriorityClass(), WRK_USER)
        .withRestartPolicy("Never")
        .withVolumes(Volumes.configMap("script", script.getMetadata().getName()), Volumes.emptyDir("results", "1Mi"));
    PodSpec pod = wrk.pushResults()
        // wrk runs to completion first; then the push container sends what it wrote.
        ? spec.withInitContainers(load).withContainers(push(wrk, context)).build()
        : spec.withContainers(load).build();
    var annotations = new LinkedHashMap<String, String>();
    annotations.put("cncfdemo.io/target", wrk.target());
    wrk.rate().ifPresent(rate -> annotations.put("cncfdemo.io/rate", String.valueOf(rate)));
    var job = new JobBuilder()
        .withMetadata(KubeObjects.meta(wrk.name(), labels))
        .editMetadata().withAnnotations(annotations).endMetadata()
        .withNewSpec()
          // A template: the benchmark un-suspends it. A failed run is not retried, its numbers would mix.
          .withSuspend(true)
          .withBackoffLimit(0)
          .withActiveDeadlineSeconds(wrk.duration().toSeconds() + 600)
          .withTemplate(PodSpecs.template(labels, Map.of(), pod))
        .endSpec()
        .build();
    return List.of(script, job);
  }

  private static Container push(Wrk wrk, DemoContext context) {
    var url = context.require(AppCapabilities.PUSHGATEWAY).url() + "/metrics/job/wrk/instance/" + wrk.name();
    return Containers.hardened("push", wrk.pushImage(), PUSH_RESOURCES, RootFilesystem.READ_ONLY)
        .withCommand("curl", "--fail", "--silent", "--show-error", "--retry", "5", "--retry-connrefused",
            "--data-binary", "@" + RESULTS, url)
        .withVolumeMounts(Volumes.mount("results", "/results", true))
        .build();
  }
}
