package io.cncfdemo.local.simulated;

import io.cncfdemo.exception.CncfDemoException;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Creates a simulated cluster's Node objects in bulk: many requests in flight at once over the
 * client's connection, rather than one round trip after another, so that a thousand nodes register
 * in about the time the API server needs to store them.
 */
final class NodeRegistration {
  /** Requests in flight at once: enough to keep the API server busy, few enough for 2 cores. */
  static final int PARALLELISM = 32;

  private NodeRegistration() {}

  /**
   * Creates every node, {@link #PARALLELISM} at a time, and returns once all exist; fails naming
   * the first node the API server refused (the others are still created).
   */
  static void createAll(KubernetesClient client, List<Node> nodes) {
    if (nodes.isEmpty()) {
      return;
    }
    var threads = Math.min(PARALLELISM, nodes.size());
    var executor =
        Executors.newFixedThreadPool(
            threads,
            runnable -> {
              var thread = new Thread(runnable, "cncfdemo-node-registration");
              thread.setDaemon(true);
              return thread;
            });
    try {
      var created = new ArrayList<Future<?>>(nodes.size());
      for (var node : nodes) {
        created.add(executor.submit(() -> client.nodes().resource(node).create()));
      }
      CncfDemoException failure = null;
      for (int i = 0; i < created.size(); i++) {
        try {
          created.get(i).get();
        } catch (ExecutionException e) {
          if (failure == null) {
            failure =
                new CncfDemoException(
                    "could not create node "
                        + nodes.get(i).getMetadata().getName()
                        + ": "
                        + e.getCause().getMessage(),
                    e.getCause());
          }
        }
      }
      if (failure != null) {
        throw failure;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CncfDemoException("interrupted while creating " + nodes.size() + " nodes", e);
    } finally {
      executor.shutdownNow();
    }
  }
}
