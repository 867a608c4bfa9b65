package io.cncfdemo.internal.benchmark.chaos;

import io.cncfdemo.exception.CncfDemoException;
import io.cncfdemo.support.Backoff;
import io.cncfdemo.support.KubernetesClients;
import io.cncfdemo.support.Poll;
import io.cncfdemo.support.WaitTimeoutException;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Chaos-monkey style: deletes one Ready pod of a Deployment and times until the Deployment has all
 * its replicas Ready again without it.
 */
public record PodDeletion(String deployment, Duration timeout) implements ChaosAction {
  private static final Duration POLL = Duration.ofMillis(100);

  @Override
  public String describe() {
    return "delete one pod of Deployment " + deployment;
  }

  @Override
  public boolean needsCluster() {
    return true;
  }

  @Override
  public Strike strike(Optional<KubernetesClient> maybeClient, Optional<String> maybeNamespace) {
    var client = maybeClient.orElseThrow();
    var namespace = maybeNamespace.orElseThrow();
    var found = client.apps().deployments().inNamespace(namespace).withName(deployment).get();
    if (found == null) {
      throw new CncfDemoException(
          "chaos: no Deployment " + deployment + " in namespace " + namespace);
    }
    var selector = found.getSpec().getSelector().getMatchLabels();
    var victim =
        client.pods().inNamespace(namespace).withLabels(selector).list().getItems().stream()
            .filter(PodDeletion::isReady)
            .min(Comparator.comparing(pod -> pod.getMetadata().getName()))
            .orElseThrow(
                () ->
                    new CncfDemoException(
                        "chaos: Deployment " + deployment + " has no Ready pod to delete"));
    var name = victim.getMetadata().getName();
    long struck = System.nanoTime();
    client.pods().inNamespace(namespace).withName(name).delete();
    var replaced =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return Poll.with(Backoff.fixed(POLL).deadline(timeout))
                    .ignoring(KubernetesClients::isTransient)
                    .untilDone(
                        "a Ready replacement of pod " + name,
                        () -> {
                          var pods =
                              client
                                  .pods()
                                  .inNamespace(namespace)
                                  .withLabels(selector)
                                  .list()
                                  .getItems();
                          var now =
                              client
                                  .apps()
                                  .deployments()
                                  .inNamespace(namespace)
                                  .withName(deployment)
                                  .get();
                          int replicas =
                              now == null || now.getSpec().getReplicas() == null
                                  ? 1
                                  : now.getSpec().getReplicas();
                          boolean victimGone =
                              pods.stream()
                                  .noneMatch(
                                      pod ->
                                          pod.getMetadata().getName().equals(name) && isReady(pod));
                          long ready = pods.stream().filter(PodDeletion::isReady).count();
                          return victimGone && ready >= replicas
                              ? Poll.done(Duration.ofNanos(System.nanoTime() - struck))
                              : Poll.notYet(
                                  ready
                                      + "/"
                                      + replicas
                                      + " pods Ready"
                                      + (victimGone ? "" : ", " + name + " among them"));
                        });
              } catch (WaitTimeoutException e) {
                throw new CncfDemoException(
                    "no Ready replacement of pod " + name + " within " + timeout.toSeconds() + " s",
                    e);
              }
            });
    return new Strike(name, Optional.of(replaced));
  }

  static boolean isReady(Pod pod) {
    return pod.getMetadata().getDeletionTimestamp() == null
        && pod.getStatus() != null
        && pod.getStatus().getConditions() != null
        && pod.getStatus().getConditions().stream()
            .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }
}
