package io.cncfdemo.baremetal.internal;

import io.cncfdemo.baremetal.internal.ClusterLayout.Node;
import io.cncfdemo.baremetal.internal.ssh.SshConnector;
import io.cncfdemo.baremetal.internal.ssh.SshSession;
import io.cncfdemo.baremetal.internal.ssh.SshTarget;
import io.cncfdemo.cluster.BareMetalHost;
import io.cncfdemo.cluster.BareMetalTarget;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * The SSH sessions to a cluster's hosts, opened as needed and closed together, and a way to do one
 * thing on many hosts at once.
 */
public final class Hosts implements AutoCloseable {
  /** How many hosts are worked on at once. */
  public static final int PARALLELISM = 16;

  private final ClusterLayout layout;
  private final SshConnector connector;
  private final Map<Node, SshSession> sessions = new HashMap<>();

  public Hosts(ClusterLayout layout) {
    this.layout = layout;
    var target = layout.target();
    var pins = new HashMap<String, String>();
    for (var host : target.hosts()) {
      host.hostKey()
          .ifPresent(
              pin -> pins.put(sshTarget(target, host, Optional.empty()).knownHostsName(), pin));
    }
    target
        .bastion()
        .ifPresent(
            bastion ->
                bastion
                    .hostKey()
                    .ifPresent(
                        pin ->
                            pins.put(
                                sshTarget(target, bastion, Optional.empty()).knownHostsName(),
                                pin)));
    this.connector =
        new SshConnector(target.knownHosts().or(SshConnector::defaultKnownHosts), pins);
  }

  public ClusterLayout layout() {
    return layout;
  }

  /**
   * The session to this host, connecting on first use; throws {@link
   * io.cncfdemo.baremetal.internal.ssh.SshException}.
   */
  public SshSession session(Node node) {
    synchronized (sessions) {
      var existing = sessions.get(node);
      if (existing != null && existing.isConnected()) {
        return existing;
      }
    }
    var target = layout.target();
    var bastion = target.bastion().map(host -> sshTarget(target, host, Optional.empty()));
    var session = connector.connect(sshTarget(target, node.host(), bastion));
    synchronized (sessions) {
      sessions.put(node, session);
    }
    return session;
  }

  /**
   * Does the same on each node, PARALLELISM at a time; the results (or failures) by node, in the
   * nodes' order.
   */
  public <T> Map<Node, Outcome<T>> each(List<Node> nodes, Function<Node, T> work) {
    var results = new LinkedHashMap<Node, Outcome<T>>();
    var executor =
        Executors.newFixedThreadPool(
            Math.max(1, Math.min(PARALLELISM, nodes.size())),
            runnable -> {
              var thread = new Thread(runnable, "cncfdemo-baremetal");
              thread.setDaemon(true);
              return thread;
            });
    try {
      var futures = new LinkedHashMap<Node, Future<T>>();
      for (var node : nodes) {
        futures.put(node, executor.submit(() -> work.apply(node)));
      }
      for (var entry : futures.entrySet()) {
        try {
          results.put(entry.getKey(), Outcome.of(entry.getValue().get()));
        } catch (ExecutionException e) {
          results.put(
              entry.getKey(),
              Outcome.failed(
                  e.getCause() instanceof RuntimeException runtime
                      ? runtime
                      : new RuntimeException(e.getCause())));
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new io.cncfdemo.exception.CncfDemoException(
          "interrupted while working on the hosts", e);
    } finally {
      executor.shutdownNow();
    }
    return results;
  }

  /**
   * Does the same on each node at once and returns the results; the first failure is thrown after
   * all are done.
   */
  public <T> Map<Node, T> all(List<Node> nodes, Function<Node, T> work) {
    var results = new LinkedHashMap<Node, T>();
    RuntimeException first = null;
    for (var entry : each(nodes, work).entrySet()) {
      if (entry.getValue().failure() != null) {
        first = first == null ? entry.getValue().failure() : first;
      } else {
        results.put(entry.getKey(), entry.getValue().value());
      }
    }
    if (first != null) {
      throw first;
    }
    return results;
  }

  /** A result or the exception that took its place. */
  public record Outcome<T>(T value, RuntimeException failure) {
    static <T> Outcome<T> of(T value) {
      return new Outcome<>(value, null);
    }

    static <T> Outcome<T> failed(RuntimeException failure) {
      return new Outcome<>(null, failure);
    }
  }

  static SshTarget sshTarget(BareMetalTarget target, BareMetalHost host, Optional<SshTarget> via) {
    return new SshTarget(
        host.address(),
        target.portOf(host),
        target.userOf(host),
        target.keyOf(host),
        host.hostKey(),
        via);
  }

  @Override
  public void close() {
    connector.close();
  }
}
