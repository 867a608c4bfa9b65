package io.cncfdemo.internal.benchmark;

import io.cncfdemo.benchmark.DemoUnderTest;
import io.cncfdemo.benchmark.RunMetadata;
import io.cncfdemo.cluster.AwsTarget;
import io.cncfdemo.cluster.AzureTarget;
import io.cncfdemo.cluster.GcpTarget;
import io.cncfdemo.cluster.RunningCluster;
import io.cncfdemo.cluster.Target;
import io.fabric8.kubernetes.api.model.Node;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a run's report says about where it ran: read from the cluster's spec and its nodes, and from
 * the demo.
 */
public final class RunMetadataCollector {
  static final String KWOK_ANNOTATION = "kwok.x-k8s.io/node";
  private static final Logger LOG = LoggerFactory.getLogger(RunMetadataCollector.class);

  private RunMetadataCollector() {}

  public static RunMetadata of(
      String name,
      String runId,
      Instant started,
      Optional<RunningCluster> cluster,
      Optional<DemoUnderTest> demo,
      String loadDescription) {
    var startedAt = started.truncatedTo(ChronoUnit.SECONDS).toString();
    if (cluster.isEmpty()) {
      return new RunMetadata(
          name,
          runId,
          startedAt,
          "url",
          loadDescription,
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          0,
          Map.of(),
          List.of());
    }
    var spec = cluster.get().spec();
    List<Node> nodes = List.of();
    Optional<String> version = Optional.empty();
    try {
      var client = cluster.get().client();
      nodes = client.nodes().list().getItems();
      version =
          Optional.ofNullable(client.getKubernetesVersion()).map(info -> info.getGitVersion());
    } catch (RuntimeException e) {
      LOG.warn("could not read the cluster's nodes or version: {}", e.getMessage());
    }
    var types = new TreeMap<String, Integer>();
    nodes.forEach(node -> types.merge(instanceType(node), 1, Integer::sum));
    var regions =
        nodes.stream()
            .map(node -> node.getMetadata().getLabels())
            .filter(labels -> labels != null && labels.containsKey("topology.kubernetes.io/region"))
            .map(labels -> labels.get("topology.kubernetes.io/region"))
            .distinct()
            .sorted()
            .toList();
    var region =
        regions.isEmpty() ? region(spec.target()) : Optional.of(String.join(", ", regions));
    var composition = demo.map(RunMetadataCollector::composition).orElse(List.of());
    return new RunMetadata(
        name,
        runId,
        startedAt,
        spec.target().providerName(),
        spec.target().describe(),
        region,
        Optional.of(spec.name()),
        version,
        nodes.isEmpty() ? spec.nodes() : nodes.size(),
        types,
        composition);
  }

  /**
   * A run's name when none is given: the provider and its region, e.g. {@code aws us-west-2};
   * {@code url} without a cluster.
   */
  public static String defaultName(Optional<RunningCluster> cluster) {
    return cluster
        .map(
            c ->
                c.spec().target().providerName()
                    + region(c.spec().target()).map(r -> " " + r).orElse(""))
        .orElse("url");
  }

  /** Whether every node of the cluster is simulated by kwok: no container runs there. */
  public static boolean simulated(RunningCluster cluster) {
    var nodes = cluster.client().nodes().list().getItems();
    return !nodes.isEmpty()
        && nodes.stream()
            .allMatch(
                node ->
                    node.getMetadata().getAnnotations() != null
                        && node.getMetadata().getAnnotations().containsKey(KWOK_ANNOTATION));
  }

  private static String instanceType(Node node) {
    var labels = node.getMetadata().getLabels();
    if (labels != null && labels.containsKey("node.kubernetes.io/instance-type")) {
      return labels.get("node.kubernetes.io/instance-type");
    }
    var annotations = node.getMetadata().getAnnotations();
    return annotations != null && annotations.containsKey(KWOK_ANNOTATION)
        ? "kwok (simulated)"
        : "unknown";
  }

  private static Optional<String> region(Target target) {
    if (target instanceof AwsTarget aws) {
      return Optional.of(aws.region());
    }
    if (target instanceof AzureTarget azure) {
      return Optional.of(azure.location());
    }
    if (target instanceof GcpTarget gcp) {
      return Optional.of(gcp.zone());
    }
    return Optional.empty();
  }

  private static List<String> composition(DemoUnderTest demo) {
    try {
      return demo.workloads();
    } catch (RuntimeException e) {
      LOG.warn("could not read the demo's workloads: {}", e.getMessage());
      return List.of("namespace " + demo.namespace());
    }
  }
}
