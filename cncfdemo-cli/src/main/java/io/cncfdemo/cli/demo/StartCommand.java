package io.cncfdemo.cli.demo;

import io.cncfdemo.Demo;
import io.cncfdemo.cli.common.CliContext;
import io.cncfdemo.cli.common.ClusterOptions;
import io.cncfdemo.cli.common.DurationOption;
import io.cncfdemo.cli.common.ExitCodes;
import io.cncfdemo.cli.common.Json;
import io.cncfdemo.cli.common.OutputOption;
import io.cncfdemo.cli.progress.Progress;
import io.cncfdemo.cluster.RunningCluster;
import io.cncfdemo.deploy.Change;
import io.cncfdemo.deploy.DeployOptions;
import io.cncfdemo.deploy.DeployedDemo;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code cncfdemo start}: deploys the demo to the cluster, stage after stage, waits until it is
 * ready, then for its URLs ({@code http://countly.<domain>/}, ...) to answer, and prints what each
 * answered or that it does not answer yet.
 */
@Command(
    name = "start",
    mixinStandardHelpOptions = true,
    description =
        "Deploys the demo (by default Countly, a sharded MongoDB and BOINC, with Prometheus,"
            + " Pushgateway and Grafana) to the cluster, stage after stage, each once the one"
            + " before is ready.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  cncfdemo start",
      "  cncfdemo start --apps countly,mongo-sharded=3,boinc --cluster demo",
      "  cncfdemo start --dry-run --context kind-kind",
      "  cncfdemo start --apps countly,mongo=mongodb://db.example.com:27017 --context kind-kind"
          + " --output json"
    })
public final class StartCommand implements Callable<Integer> {
  /** The annotation kwok's simulated nodes carry. */
  static final String KWOK_NODE = "kwok.x-k8s.io/node";

  static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);
  static final Duration PROBE_INTERVAL = Duration.ofSeconds(2);

  private final CliContext context;

  @Mixin DemoOptions demoOptions;

  @Mixin ClusterOptions clusterOptions;

  @Option(
      names = "--timeout",
      defaultValue = "5m",
      description = "How long each stage may take to become ready (default: ${DEFAULT-VALUE}).")
  String timeout;

  @Option(
      names = "--url-timeout",
      defaultValue = "2m",
      description =
          "How long to wait, once the demo is ready, for its URLs (countly.<domain>, ...) to"
              + " answer (default: ${DEFAULT-VALUE}).")
  String urlTimeout;

  @Option(
      names = "--dry-run",
      description =
          "Check the demo against the cluster and print what start would add and every problem"
              + " it finds (exit 1 when there is one); apply nothing.")
  boolean dryRun;

  @Mixin OutputOption output;

  @Mixin io.cncfdemo.cli.live.LiveOptions live;

  public StartCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    var demo = demoOptions.demo();
    var stageTimeout = DurationOption.parse("timeout", timeout);
    var answerTimeout = DurationOption.parse("url-timeout", urlTimeout);
    if (dryRun) {
      return dryRun(demo);
    }
    long started = System.nanoTime();
    try (var cluster = clusterOptions.connect(context.environment());
        var progress =
            live.around(Progress.on(context.console(), output.json()), context.console())) {
      var options =
          DeployOptions.defaults()
              .stageTimeout(stageTimeout)
              .listener(live.deploy(new DeployProgress(progress)));
      DeployedDemo deployed = demo.deployTo(cluster, options);
      DemoRecord.write(cluster.client(), deployed.namespace(), demoOptions.apps());
      var status = deployed.awaitReady(stageTimeout);
      var urls = urls(cluster, deployed, answerTimeout);
      double seconds = (System.nanoTime() - started) / 1e9;
      progress.finish(
          String.format("demo ready in namespace %s in %.1f s", deployed.namespace(), seconds));
      var result = new LinkedHashMap<String, Object>();
      result.put("namespace", deployed.namespace());
      result.put("apps", demoOptions.apps());
      result.put("apiServer", cluster.apiServer());
      result.put("objects", deployed.changes().size());
      result.put("changes", counts(deployed));
      result.put("workloads", status);
      result.put("urls", DemoUrls.json(urls));
      result.put("seconds", Math.round(seconds * 10) / 10.0);
      if (output.json()) {
        context.console().print(Json.write(result));
      } else {
        var counts = counts(deployed);
        context
            .console()
            .line(
                "Demo in namespace "
                    + deployed.namespace()
                    + ": "
                    + deployed.changes().size()
                    + " objects ("
                    + counts.get("created")
                    + " created, "
                    + counts.get("configured")
                    + " configured, "
                    + counts.get("unchanged")
                    + " unchanged)");
        context.console().line("");
        context.console().print(WorkloadTable.render(status));
        if (!urls.isEmpty()) {
          context.console().line("");
          urls.forEach(url -> context.console().line(url.line()));
        }
      }
    }
    return ExitCodes.OK;
  }

  /**
   * The demo's URLs and whether they answer within {@code timeout}; not asked on a cluster whose
   * nodes are all simulated (kwok), where nothing can serve them.
   */
  static List<DemoUrls.Url> urls(RunningCluster cluster, DeployedDemo deployed, Duration timeout) {
    var urls = DemoUrls.of(deployed.compiled());
    if (urls.isEmpty()) {
      return List.of();
    }
    var nodes = cluster.client().nodes().list().getItems();
    boolean simulated =
        !nodes.isEmpty()
            && nodes.stream()
                .allMatch(
                    node ->
                        node.getMetadata().getAnnotations() != null
                            && node.getMetadata().getAnnotations().containsKey(KWOK_NODE));
    if (simulated) {
      return DemoUrls.unserved(urls);
    }
    return new DemoUrls(new HttpProbe(PROBE_TIMEOUT), PROBE_INTERVAL).await(urls, timeout);
  }

  private int dryRun(Demo demo) {
    try (var cluster = clusterOptions.connect(context.environment())) {
      var plan = demo.plan(cluster);
      context
          .console()
          .print(output.json() ? Json.write(PlanReport.json(plan)) : PlanReport.text(plan));
      return plan.passes() ? ExitCodes.OK : ExitCodes.FAILED;
    }
  }

  private static Map<String, Long> counts(DeployedDemo deployed) {
    var counts = new LinkedHashMap<String, Long>();
    for (var change : new Change[] {Change.CREATED, Change.CONFIGURED, Change.UNCHANGED}) {
      counts.put(
          change.name().toLowerCase(java.util.Locale.ROOT),
          deployed.changes().stream().filter(c -> c.change() == change).count());
    }
    return counts;
  }
}
