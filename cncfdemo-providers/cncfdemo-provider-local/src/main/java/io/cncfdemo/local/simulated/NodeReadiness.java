package io.cncfdemo.local.simulated;

import io.cncfdemo.support.Wakeup;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts the Ready nodes of a cluster from a watch (an informer), so that waiting for a thousand
 * nodes costs one event per node rather than a list of every node at every look. A {@link Wakeup}
 * is signalled on every change.
 */
final class NodeReadiness implements AutoCloseable {
  private final Set<String> ready = ConcurrentHashMap.newKeySet();
  private final Wakeup wakeup = new Wakeup();
  private final SharedIndexInformer<Node> informer;

  private NodeReadiness(KubernetesClient client) {
    this.informer =
        client
            .nodes()
            .inform(
                new ResourceEventHandler<>() {
                  @Override
                  public void onAdd(Node node) {
                    update(node);
                  }

                  @Override
                  public void onUpdate(Node before, Node node) {
                    update(node);
                  }

                  @Override
                  public void onDelete(Node node, boolean unknownFinalState) {
                    ready.remove(node.getMetadata().getName());
                    wakeup.signal();
                  }
                });
  }

  /** Starts watching the nodes; returns once the informer has listed them. */
  static NodeReadiness watch(KubernetesClient client) {
    return new NodeReadiness(client);
  }

  /** How many nodes are Ready now. */
  int readyNodes() {
    return ready.size();
  }

  /** Signalled whenever a node's readiness may have changed. */
  Wakeup wakeup() {
    return wakeup;
  }

  static boolean isReady(Node node) {
    return node.getStatus() != null
        && node.getStatus().getConditions() != null
        && node.getStatus().getConditions().stream()
            .anyMatch(
                condition ->
                    "Ready".equals(condition.getType()) && "True".equals(condition.getStatus()));
  }

  private void update(Node node) {
    if (isReady(node)) {
      ready.add(node.getMetadata().getName());
    } else {
      ready.remove(node.getMetadata().getName());
    }
    wakeup.signal();
  }

  @Override
  public void close() {
    informer.close();
  }
}
