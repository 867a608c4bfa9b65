package io.cncfdemo.benchmark;

import io.cncfdemo.cluster.SimulatedLoad;
import io.cncfdemo.exception.CncfDemoException;
import java.time.Duration;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A {@link LoadProfile} played on the simulated cluster: once a second, the profile's load at that
 * moment offered to the Deployment as CPU ({@link SimulatedLoad#offer}); idle again at the end.
 */
final class SimulatedProfile implements Consumer<LoadContext> {
  private static final Duration TICK = Duration.ofSeconds(1);

  private final SimulatedLoad load;
  private final String namespace;
  private final LoadProfile profile;

  SimulatedProfile(SimulatedLoad load, String namespace, LoadProfile profile) {
    this.load = load;
    this.namespace = namespace;
    this.profile = profile;
  }

  @Override
  public void accept(LoadContext context) {
    var scheduler =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              var thread = new Thread(task, "cncfdemo-simulated-load");
              thread.setDaemon(true);
              return thread;
            });
    var done = new CompletableFuture<Void>();
    long start = System.nanoTime();
    double[] offered = {-1};
    context.loadStarted();
    try {
      scheduler.scheduleAtFixedRate(
          () -> {
            try {
              var elapsed = Duration.ofNanos(System.nanoTime() - start);
              if (elapsed.compareTo(profile.duration()) >= 0) {
                done.complete(null);
                return;
              }
              double rate = profile.requestsPerSecondAt(elapsed);
              if (rate != offered[0]) {
                load.offer(namespace, profile.deployment(), rate, profile.cpuPerRequest());
                offered[0] = rate;
              }
              context.progress(OptionalDouble.of(rate), 0);
            } catch (RuntimeException e) {
              done.completeExceptionally(e);
            }
          },
          0,
          TICK.toNanos(),
          TimeUnit.NANOSECONDS);
      done.get(profile.duration().plusSeconds(30).toSeconds(), TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      var cause = e.getCause() == null ? e : e.getCause();
      throw new CncfDemoException(
          "could not offer the simulated load to "
              + profile.deployment()
              + ": "
              + cause.getMessage(),
          cause);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new CncfDemoException("the simulated load did not end in time", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      scheduler.shutdownNow();
      load.offer(namespace, profile.deployment(), 0, profile.cpuPerRequest());
    }
  }
}
