package io.cncfdemo.cli.cluster;

import io.cncfdemo.Cluster;
import io.cncfdemo.Providers;
import io.cncfdemo.cli.common.CliContext;
import io.cncfdemo.cli.common.ClusterState;
import io.cncfdemo.cli.common.ClusterStates;
import io.cncfdemo.cli.common.ExitCodes;
import io.cncfdemo.cli.common.Json;
import io.cncfdemo.cli.common.OutputOption;
import io.cncfdemo.cli.common.UsageException;
import io.cncfdemo.cli.progress.Progress;
import io.cncfdemo.cluster.ClusterSpec;
import io.cncfdemo.cluster.LocalTarget;
import java.util.LinkedHashMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cncfdemo destroy <provider> --name NAME}: removes a cluster and everything made for it;
 * harmless twice.
 */
@Command(
    name = "destroy",
    mixinStandardHelpOptions = true,
    description =
        "Removes a cluster bootstrapped with cncfdemo and everything created for it; harmless when"
            + " it is gone.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  cncfdemo destroy local --name demo",
      "  cncfdemo destroy aws --name demo --output json"
    })
public final class DestroyCommand implements Callable<Integer> {
  private static final long STOP_SECONDS = 60;
  private final CliContext context;

  @Parameters(
      index = "0",
      paramLabel = "PROVIDER",
      description = "The provider the cluster was bootstrapped with.")
  String provider;

  @Option(
      names = "--name",
      defaultValue = ClusterSpec.DEFAULT_NAME,
      description = "The cluster's name (default: ${DEFAULT-VALUE}).")
  String name;

  @Mixin OutputOption output;

  @Mixin BareMetalOptions bareMetal;

  public DestroyCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    var target = bareMetal.targetOf(provider);
    var state = ClusterStates.find(context.environment(), name);
    if (state.isPresent() && !state.get().provider().equals(target.providerName())) {
      throw new UsageException(
          "cluster "
              + name
              + " was bootstrapped with the "
              + state.get().provider()
              + " provider, not "
              + target.providerName());
    }
    boolean found = state.isPresent();
    if (target instanceof LocalTarget) {
      state.flatMap(ClusterState::holder).ifPresent(DestroyCommand::stop);
      Cluster.on(Providers.local()).named(name).destroy();
    } else {
      try (var progress = Progress.on(context.console(), output.json())) {
        progress.phase("destroying cluster " + name + " on " + target.describe());
        Cluster.on(target).named(name).reportingTo(progress::phase).destroy();
        progress.finish("cluster " + name + " is gone");
      }
      found = true;
    }
    state.ifPresent(ClusterState::delete);
    var result = new LinkedHashMap<String, Object>();
    result.put("name", name);
    result.put("provider", target.providerName());
    result.put("destroyed", found);
    if (output.json()) {
      context.console().print(Json.write(result));
    } else {
      context
          .console()
          .line(
              found
                  ? "cluster " + name + " destroyed"
                  : "cluster " + name + ": nothing to destroy");
    }
    return ExitCodes.OK;
  }

  /**
   * Signals the holder (it stops the control plane and removes its files) and waits until it has
   * exited.
   */
  private static void stop(ProcessHandle holder) {
    var descendants = holder.descendants().toList();
    holder.destroy();
    try {
      holder.onExit().get(STOP_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException | ExecutionException e) {
      holder.destroyForcibly();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
  }
}
