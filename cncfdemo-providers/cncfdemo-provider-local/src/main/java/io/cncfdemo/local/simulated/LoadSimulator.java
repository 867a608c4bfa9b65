package io.cncfdemo.local.simulated;

import io.cncfdemo.cluster.SimulatedLoad;
import io.cncfdemo.exception.CncfDemoException;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated cluster's {@link SimulatedLoad}: for each Deployment offered load, an informer on
 * its pods writes each ready pod's share of the CPU (per container) into the pod annotation {@value
 * #CPU_ANNOTATION}, which kwok's ClusterResourceUsage (kwok-metrics.yaml) turns into the usage the
 * pod's simulated kubelet reports. The share is recomputed whenever a pod becomes ready or goes, so
 * the CPU per pod falls as the HPA adds replicas.
 */
final class LoadSimulator implements SimulatedLoad, AutoCloseable {
  static final String CPU_ANNOTATION = "cncfdemo.io/simulated-cpu";

  /** What a pod uses with no load: the ClusterResourceUsage's default too. */
  static final long IDLE_MILLICORES = 1;

  private static final Logger LOG = LoggerFactory.getLogger(LoadSimulator.class);

  private final KubernetesClient client;
  private final Map<String, Offered> offered = new ConcurrentHashMap<>();

  LoadSimulator(KubernetesClient client) {
    this.client = client;
  }

  @Override
  public void offer(
      String namespace, String deployment, double requestsPerSecond, Duration cpuPerRequest) {
    SimulatedLoad.check(requestsPerSecond, cpuPerRequest);
    var totalMillicores = requestsPerSecond * cpuPerRequest.toNanos() / 1_000_000.0;
    var key = namespace + "/" + deployment;
    var current =
        offered.computeIfAbsent(
            key, ignored -> new Offered(namespace, deployment, inform(namespace, deployment)));
    current.totalMillicores = totalMillicores;
    LOG.info(
        "simulated load on {}: {} requests/s × {} = {}m CPU over its ready pods",
        key,
        requestsPerSecond,
        cpuPerRequest,
        Math.round(totalMillicores));
    current.spread();
  }

  private SharedIndexInformer<Pod> inform(String namespace, String deployment) {
    var found = client.apps().deployments().inNamespace(namespace).withName(deployment).get();
    if (found == null || found.getSpec().getSelector() == null) {
      throw new CncfDemoException(
          "cannot offer load to Deployment "
              + namespace
              + "/"
              + deployment
              + ": there is no such Deployment in the cluster; deploy it first");
    }
    var labels = found.getSpec().getSelector().getMatchLabels();
    return client.pods().inNamespace(namespace).withLabels(labels).inform();
  }

  /** Stops every informer; pods keep their last annotation. */
  @Override
  public void close() {
    offered.values().forEach(offer -> offer.informer.close());
    offered.clear();
  }

  private static boolean ready(Pod pod) {
    return pod.getMetadata().getDeletionTimestamp() == null
        && pod.getStatus() != null
        && pod.getStatus().getConditions() != null
        && pod.getStatus().getConditions().stream()
            .anyMatch(
                condition ->
                    "Ready".equals(condition.getType()) && "True".equals(condition.getStatus()));
  }

  /**
   * The load on one Deployment and the informer that spreads it over the Deployment's ready pods.
   */
  private final class Offered implements ResourceEventHandler<Pod> {
    private final String namespace;
    private final String deployment;
    private final SharedIndexInformer<Pod> informer;
    private volatile double totalMillicores;

    Offered(String namespace, String deployment, SharedIndexInformer<Pod> informer) {
      this.namespace = namespace;
      this.deployment = deployment;
      this.informer = informer;
      informer.addEventHandler(this);
    }

    synchronized void spread() {
      List<Pod> pods = informer.getStore().list().stream().filter(LoadSimulator::ready).toList();
      if (pods.isEmpty()) {
        return;
      }
      for (var pod : pods) {
        // kwok applies the annotation to each container; the HPA adds the containers of a pod up.
        var containers = Math.max(1, pod.getSpec().getContainers().size());
        var share =
            Math.max(IDLE_MILLICORES, Math.round(totalMillicores / pods.size() / containers)) + "m";
        var annotations = pod.getMetadata().getAnnotations();
        if (annotations != null && share.equals(annotations.get(CPU_ANNOTATION))) {
          continue;
        }
        try {
          client
              .pods()
              .inNamespace(namespace)
              .withName(pod.getMetadata().getName())
              .patch(
                  PatchContext.of(PatchType.JSON_MERGE),
                  "{\"metadata\":{\"annotations\":{\""
                      + CPU_ANNOTATION
                      + "\":\""
                      + share
                      + "\"}}}");
        } catch (KubernetesClientException e) {
          // The pod went away meanwhile: its delete event spreads the load again.
          LOG.debug(
              "could not annotate pod {} of {}: {}",
              pod.getMetadata().getName(),
              deployment,
              e.getMessage());
        }
      }
    }

    @Override
    public void onAdd(Pod pod) {
      spread();
    }

    @Override
    public void onUpdate(Pod before, Pod after) {
      if (ready(before) != ready(after)) {
        spread();
      }
    }

    @Override
    public void onDelete(Pod pod, boolean deletedFinalStateUnknown) {
      spread();
    }
  }
}
