package io.cncfdemo.benchmark;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What was benchmarked, where and when.
 *
 * @param name the run's name, used as its column in a {@link Comparison}, e.g. {@code aws
 *     us-west-2}
 * @param runId the run's unique id: the {@code instance} of its results in the Pushgateway and the
 *     suffix of its scratch namespace, e.g. {@code aws-us-west-2-20261125-101530-9f3a}
 * @param startedAt when the run started, ISO-8601 UTC
 * @param provider the provider name ({@code local}, {@code aws}, ...) or {@code url} for a load
 *     against a URL alone
 * @param target the target as written in the DSL, or the URL
 * @param region the region, when the cluster has one
 * @param clusterName the cluster's name, when there is a cluster
 * @param kubernetesVersion the API server's version, e.g. {@code v1.35.4}
 * @param nodes the cluster's nodes (0 without a cluster)
 * @param nodeTypes how many nodes of each instance type
 * @param demo the demo's composition: its components and workloads
 */
public record RunMetadata(
    String name,
    String runId,
    String startedAt,
    String provider,
    String target,
    Optional<String> region,
    Optional<String> clusterName,
    Optional<String> kubernetesVersion,
    int nodes,
    Map<String, Integer> nodeTypes,
    List<String> demo) {

  public RunMetadata {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(target, "target");
    region = Objects.requireNonNullElse(region, Optional.empty());
    clusterName = Objects.requireNonNullElse(clusterName, Optional.empty());
    kubernetesVersion = Objects.requireNonNullElse(kubernetesVersion, Optional.empty());
    nodeTypes =
        Collections.unmodifiableMap(new TreeMap<>(nodeTypes == null ? Map.of() : nodeTypes));
    demo = demo == null ? List.of() : List.copyOf(demo);
  }
}
