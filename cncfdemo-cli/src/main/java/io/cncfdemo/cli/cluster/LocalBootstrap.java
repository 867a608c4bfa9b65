package io.cncfdemo.cli.cluster;

import io.cncfdemo.Cluster;
import io.cncfdemo.cli.common.CliContext;
import io.cncfdemo.cli.common.ClusterState;
import io.cncfdemo.cli.common.ClusterStates;
import io.cncfdemo.cli.common.DurationOption;
import io.cncfdemo.cli.common.Json;
import io.cncfdemo.cli.progress.Progress;
import io.cncfdemo.cluster.LocalTarget;
import io.cncfdemo.exception.CncfDemoException;
import io.cncfdemo.support.Backoff;
import io.cncfdemo.support.Poll;
import io.cncfdemo.support.WaitTimeoutException;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Bootstraps a simulated local cluster that outlives the CLI: starts the holder process, follows
 * its log as progress, and returns once the holder reports the cluster ready (or fails with the
 * holder's reason).
 */
final class LocalBootstrap {
  private static final Duration POLL = Duration.ofMillis(200);
  private final CliContext context;
  private final Cluster cluster;
  private final List<String> holdArguments;
  private final Duration timeout;

  LocalBootstrap(CliContext context, Cluster cluster, List<String> holdArguments, String timeout) {
    this.context = context;
    this.cluster = cluster;
    this.holdArguments = holdArguments;
    this.timeout = DurationOption.parse("timeout", timeout);
  }

  Map<String, Object> run(Progress progress) {
    var name = cluster.spec().name();
    var state = ClusterStates.named(context.environment(), name);
    if (Files.isDirectory(state.directory())) {
      var holder = state.holder();
      if (holder.isPresent()) {
        throw new CncfDemoException(
            "cluster "
                + name
                + " already runs (process "
                + holder.get().pid()
                + "); use it, or remove it first with: cncfdemo destroy local --name "
                + name);
      }
      state.delete();
    }
    state.writeProvider(LocalTarget.PROVIDER);
    var process = HolderLauncher.start(context.environment(), state, holdArguments);
    try {
      return Poll.with(Backoff.fixed(POLL).deadline(timeout))
          .onReason(
              message -> {
                if (!message.isEmpty()) {
                  progress.note(message);
                }
              })
          .untilDone(
              "cluster " + name,
              () -> {
                var ready = state.ready();
                if (ready.isPresent()) {
                  var answer = Json.read(ready.get());
                  return Poll.done(
                      BootstrapCommand.result(
                          name,
                          LocalTarget.PROVIDER,
                          answer.get("apiServer").asString(),
                          answer.get("nodes").asInt(),
                          answer.get("kubernetesVersion").asString(),
                          state.kubeconfig().toString()));
                }
                var failure = state.failure();
                if (failure.isPresent() || !process.isAlive()) {
                  awaitExit(process);
                  var reason =
                      failure.orElse(
                          "the process that holds it ended; the end of its log:\n" + tail(state));
                  state.delete();
                  throw new CncfDemoException("cluster " + name + " did not start: " + reason);
                }
                return Poll.notYet(lastMessage(state));
              });
    } catch (WaitTimeoutException e) {
      process.destroy();
      awaitExit(process);
      var log = tail(state);
      state.delete();
      throw new CncfDemoException(
          "cluster "
              + name
              + " was not ready after "
              + DurationOption.format(timeout)
              + "; the end of its log:\n"
              + log,
          e);
    }
  }

  private static void awaitExit(Process process) {
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The message of the holder's last log line (without the logger's time, thread and level). */
  private static String lastMessage(ClusterState state) {
    var lines = lines(state);
    if (lines.isEmpty()) {
      return "";
    }
    var last = lines.get(lines.size() - 1);
    int dash = last.indexOf(" - ");
    return dash >= 0 ? last.substring(dash + 3) : last;
  }

  private static String tail(ClusterState state) {
    var lines = lines(state);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
  }

  private static List<String> lines(ClusterState state) {
    try {
      return Files.isRegularFile(state.log()) ? Files.readAllLines(state.log()) : List.of();
    } catch (IOException e) {
      return List.of();
    }
  }
}
