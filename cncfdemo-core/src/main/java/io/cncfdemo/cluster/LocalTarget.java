package io.cncfdemo.cluster;

import io.cncfdemo.support.Check;
import io.cncfdemo.support.CncfDemoValue;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * The "local" deployment model, acted on by the {@code cncfdemo-provider-local} artifact. Plain
 * {@code local()} starts a simulated cluster on this machine: a real control plane (etcd,
 * kube-apiserver, kube-controller-manager, kube-scheduler) whose nodes are simulated by kwok, each
 * with {@link #nodeCpu()}, {@link #nodeMemory()} and {@link #nodePods()}. With {@link
 * #context(String)} or {@link #kubeconfig(Path)} it uses a cluster you already run (kind, k3d,
 * minikube, Docker Desktop) instead.
 */
@CncfDemoValue
public abstract class LocalTarget implements Target {
  public static final String PROVIDER = "local";
  public static final String DEFAULT_NODE_CPU = "4";
  public static final String DEFAULT_NODE_MEMORY = "16Gi";
  public static final int DEFAULT_NODE_PODS = 110;
  public static final boolean DEFAULT_METRICS = true;
  static final Pattern CPU = Pattern.compile("[1-9]\\d{0,3}|[1-9]\\d{0,6}m");
  static final Pattern MEMORY = Pattern.compile("[1-9]\\d{0,6}(Ki|Mi|Gi|Ti)");
  static final String CPU_RULE = "a CPU quantity of whole cores or millicores, such as 4 or 3500m";
  static final String MEMORY_RULE = "a memory quantity in Ki, Mi, Gi or Ti, such as 16Gi or 512Mi";

  LocalTarget() {}

  public static LocalTarget create() {
    return ImmutableLocalTarget.builder().build();
  }

  /** The kubeconfig file to read; when absent, {@code $KUBECONFIG} or {@code ~/.kube/config}. */
  public abstract Optional<Path> kubeconfig();

  /** The kubeconfig context to use; when absent, the file's current context. */
  public abstract Optional<String> context();

  /** The CPU capacity of each simulated node, e.g. {@code 4} or {@code 3500m}. */
  @Value.Default
  public String nodeCpu() {
    return DEFAULT_NODE_CPU;
  }

  /** The memory capacity of each simulated node, e.g. {@code 16Gi}. */
  @Value.Default
  public String nodeMemory() {
    return DEFAULT_NODE_MEMORY;
  }

  /** How many pods each simulated node takes. */
  @Value.Default
  public int nodePods() {
    return DEFAULT_NODE_PODS;
  }

  /**
   * Whether a simulated cluster serves the resource metrics API ({@code metrics.k8s.io}, what
   * {@code kubectl top} and the HorizontalPodAutoscaler read): metrics-server runs as one more
   * local process and reports the CPU and memory kwok simulates for each pod. On by default; off
   * saves its start-up time and memory.
   */
  @Value.Default
  public boolean metrics() {
    return DEFAULT_METRICS;
  }

  /** A simulated cluster with ({@code true}, the default) or without the resource metrics API. */
  public LocalTarget metrics(boolean enabled) {
    return ImmutableLocalTarget.copyOf(this).copyWithMetrics(enabled);
  }

  /** Simulated nodes with this much CPU each. */
  public LocalTarget nodeCpu(String cpu) {
    return ImmutableLocalTarget.copyOf(this)
        .copyWithNodeCpu(Check.matches("nodeCpu", cpu, CPU, CPU_RULE));
  }

  /** Simulated nodes with this much memory each. */
  public LocalTarget nodeMemory(String memory) {
    return ImmutableLocalTarget.copyOf(this)
        .copyWithNodeMemory(Check.matches("nodeMemory", memory, MEMORY, MEMORY_RULE));
  }

  /** Simulated nodes that take this many pods each (1 to 1000). */
  public LocalTarget nodePods(int pods) {
    return ImmutableLocalTarget.copyOf(this)
        .copyWithNodePods(Check.between("nodePods", pods, 1, 1000));
  }

  /**
   * Uses the cluster of this kubeconfig file (its current context unless {@link #context(String)}
   * is given).
   */
  public LocalTarget kubeconfig(Path file) {
    return ImmutableLocalTarget.copyOf(this)
        .copyWithKubeconfig(Check.notNull("kubeconfig", file, "the path of a kubeconfig file"));
  }

  /**
   * Uses the cluster of this kubeconfig context, e.g. {@code kind-kind} or {@code docker-desktop}.
   */
  public LocalTarget context(String name) {
    return ImmutableLocalTarget.copyOf(this).copyWithContext(Check.notBlank("context", name));
  }

  /**
   * Whether this target names an existing cluster (a kubeconfig or a context) rather than asking
   * for a new one.
   */
  public final boolean isExisting() {
    return kubeconfig().isPresent() || context().isPresent();
  }

  @Override
  public final String providerName() {
    return PROVIDER;
  }

  @Override
  public String describe() {
    var out = new StringBuilder("local()");
    if (!isExisting()) {
      if (!nodeCpu().equals(DEFAULT_NODE_CPU)) {
        out.append(".nodeCpu(\"").append(nodeCpu()).append("\")");
      }
      if (!nodeMemory().equals(DEFAULT_NODE_MEMORY)) {
        out.append(".nodeMemory(\"").append(nodeMemory()).append("\")");
      }
      if (nodePods() != DEFAULT_NODE_PODS) {
        out.append(".nodePods(").append(nodePods()).append(')');
      }
      if (metrics() != DEFAULT_METRICS) {
        out.append(".metrics(").append(metrics()).append(')');
      }
    }
    kubeconfig().ifPresent(file -> out.append(".kubeconfig(\"").append(file).append("\")"));
    context().ifPresent(name -> out.append(".context(\"").append(name).append("\")"));
    return out.toString();
  }
}
