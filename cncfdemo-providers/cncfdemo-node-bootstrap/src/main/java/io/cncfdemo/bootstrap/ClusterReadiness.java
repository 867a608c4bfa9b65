package io.cncfdemo.bootstrap;

import io.cncfdemo.exception.CncfDemoException;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Waits until the API server answers and the expected number of nodes are Ready, telling each change of state to
 * the progress consumer ({@code "API answers: v1.35.4"}, {@code "3/4 nodes Ready"}).
 */
public final class ClusterReadiness {
  private ClusterReadiness() {}

  public static void await(KubernetesClient client, int expectedNodes, Duration timeout, Duration poll,
      Consumer<String> progress) {
    var deadline = System.nanoTime() + timeout.toNanos();
    String last = null;
    while (true) {
      String state;
      boolean done = false;
      try {
        var version = client.getKubernetesVersion().getGitVersion();
        var nodes = client.nodes().list().getItems();
        long ready = nodes.stream().filter(ClusterReadiness::isReady).count();
        state = "API answers (" + version + "); " + ready + "/" + expectedNodes + " nodes Ready";
        done = ready >= expectedNodes;
      } catch (KubernetesClientException e) {
        state = "API server at " + client.getMasterUrl() + " does not answer yet (" + e.getMessage() + ")";
      }
      if (!Objects.equals(state, last)) {
        progress.accept(state);
        last = state;
      }
      if (done) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new CncfDemoException("the cluster was not ready within " + timeout.toSeconds() + " s: " + state
            + ". Run create() again to go on waiting, or destroy() to remove everything");
      }
      Pause.sleep(poll);
    }
  }

  static boolean isReady(Node node) {
    return node.getStatus() != null && node.getStatus().getConditions() != null
        && node.getStatus().getConditions().stream()
            .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }
}
