package io.cncfdemo.baremetal.internal;

import io.cncfdemo.exception.CncfDemoException;
import io.cncfdemo.support.Backoff;
import io.cncfdemo.support.Poll;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Waits, through the API, until the API server answers and every minion's node is Ready; then
 * labels the nodes.
 */
public final class NodeReadiness {
  private NodeReadiness() {}

  /**
   * @param client an admin client
   * @param nodes each node name with the labels it gets
   * @param timeout how long to wait in all
   */
  public static void await(
      KubernetesClient client,
      Map<String, Map<String, String>> nodes,
      Duration timeout,
      Consumer<String> progress) {
    var deadline = Instant.now().plus(timeout);
    awaitApi(client, deadline);
    for (var entry : nodes.entrySet()) {
      var name = entry.getKey();
      var left = Duration.between(Instant.now(), deadline);
      try {
        client
            .nodes()
            .withName(name)
            .waitUntilCondition(
                NodeReadiness::ready, Math.max(1, left.toMillis()), TimeUnit.MILLISECONDS);
      } catch (KubernetesClientException | IllegalStateException e) {
        throw new CncfDemoException(
            "node "
                + name
                + " did not become Ready within "
                + timeout.toSeconds()
                + "s: "
                + describe(client.nodes().withName(name).get())
                + " (its kubelet logs to /var/log/cncfdemo/kubelet.log or"
                + " journalctl -u cncfdemo-kubelet)",
            e);
      }
      if (!entry.getValue().isEmpty()) {
        var labels =
            new NodeBuilder().withNewMetadata().withLabels(entry.getValue()).endMetadata().build();
        client.nodes().withName(name).patch(PatchContext.of(PatchType.JSON_MERGE), labels);
      }
      progress.accept("node " + name + " is Ready");
    }
  }

  private static void awaitApi(KubernetesClient client, Instant deadline) {
    var left = Duration.between(Instant.now(), deadline);
    Poll.with(
            Backoff.fixed(Duration.ofMillis(500))
                .deadline(left.isNegative() ? Duration.ofMillis(1) : left))
        .untilDone(
            "the API server " + client.getConfiguration().getMasterUrl() + " to be ready",
            () -> {
              try {
                return "ok".equals(client.raw("/readyz"))
                    ? Poll.done(true)
                    : Poll.<Boolean>notYet("not ready");
              } catch (KubernetesClientException e) {
                return Poll.<Boolean>notYet(e.getMessage());
              }
            });
  }

  static boolean ready(Node node) {
    return node != null
        && node.getStatus() != null
        && node.getStatus().getConditions() != null
        && node.getStatus().getConditions().stream()
            .anyMatch(
                condition ->
                    "Ready".equals(condition.getType()) && "True".equals(condition.getStatus()));
  }

  private static String describe(Node node) {
    if (node == null) {
      return "it never registered";
    }
    if (node.getStatus() == null || node.getStatus().getConditions() == null) {
      return "it has no conditions";
    }
    return node.getStatus().getConditions().stream()
        .filter(condition -> "Ready".equals(condition.getType()))
        .map(condition -> condition.getStatus() + ": " + condition.getMessage())
        .findFirst()
        .orElse("no Ready condition");
  }
}
