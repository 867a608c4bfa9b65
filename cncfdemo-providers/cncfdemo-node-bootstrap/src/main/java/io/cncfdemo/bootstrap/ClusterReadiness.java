package io.cncfdemo.bootstrap;

import io.cncfdemo.exception.CncfDemoException;
import io.cncfdemo.support.Backoff;
import io.cncfdemo.support.Poll;
import io.cncfdemo.support.WaitTimeoutException;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Waits until the API server answers and the expected number of nodes are Ready, telling each
 * change of state to the progress consumer ({@code "API answers: v1.35.4"}, {@code "3/4 nodes
 * Ready"}).
 */
public final class ClusterReadiness {
  private ClusterReadiness() {}

  public static void await(
      KubernetesClient client,
      int expectedNodes,
      Duration timeout,
      Duration poll,
      Consumer<String> progress) {
    try {
      Poll.with(Backoff.fixed(poll).deadline(timeout))
          .onReason(progress)
          .untilDone(
              "the cluster",
              () -> {
                try {
                  var version = client.getKubernetesVersion().getGitVersion();
                  var nodes = client.nodes().list().getItems();
                  long ready = nodes.stream().filter(ClusterReadiness::isReady).count();
                  var state =
                      "API answers ("
                          + version
                          + "); "
                          + ready
                          + "/"
                          + expectedNodes
                          + " nodes Ready";
                  if (ready >= expectedNodes) {
                    progress.accept(state);
                    return Poll.done(state);
                  }
                  return Poll.notYet(state);
                } catch (KubernetesClientException e) {
                  return Poll.notYet(
                      "API server at "
                          + client.getMasterUrl()
                          + " does not answer yet ("
                          + e.getMessage()
                          + ")");
                }
              });
    } catch (WaitTimeoutException e) {
      throw new CncfDemoException(
          "the cluster was not ready within "
              + timeout.toSeconds()
              + " s: "
              + e.reason()
              + ". Run create() again to go on waiting, or destroy() to remove everything",
          e);
    }
  }

  static boolean isReady(Node node) {
    return node.getStatus() != null
        && node.getStatus().getConditions() != null
        && node.getStatus().getConditions().stream()
            .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }
}
