package io.cncfdemo.cluster;

import io.cncfdemo.internal.cluster.KubernetesVersions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a cluster offers, as its API server says ({@link RunningCluster#capabilities()}): so it is
 * the same for a cluster the library created and one of a kubeconfig.
 *
 * @param kubernetesVersion the API server's version, e.g. {@code v1.31.4}
 * @param storageClasses the StorageClasses, with their provisioners
 * @param metricsApi whether the APIService {@code v1beta1.metrics.k8s.io} is Available
 * @param customMetricsApi whether the APIService {@code v1beta1.custom.metrics.k8s.io} is Available
 * @param ingressClasses the IngressClasses, with their controllers
 * @param loadBalancers whether Services of type LoadBalancer get an address, and how that is known
 * @param podSecurity the Pod Security admission of the cluster
 * @param nodes what each node offers pods
 * @param declared what the cluster's provider declares of its clusters
 */
public record ClusterCapabilities(
    String kubernetesVersion,
    List<ClusterClass> storageClasses,
    boolean metricsApi,
    boolean customMetricsApi,
    List<ClusterClass> ingressClasses,
    LoadBalancerSupport loadBalancers,
    PodSecurityAdmission podSecurity,
    List<NodeCapacity> nodes,
    Set<DeclaredCapability> declared) {

  public ClusterCapabilities {
    storageClasses = List.copyOf(storageClasses);
    ingressClasses = List.copyOf(ingressClasses);
    nodes = List.copyOf(nodes);
    declared = Set.copyOf(declared);
  }

  /**
   * Pod Security admission: built in and on in every API server since Kubernetes 1.25, enforced per
   * namespace by labels.
   *
   * @param builtIn whether the API server's version has it (1.25 or later)
   * @param enforced each labelled namespace's {@code pod-security.kubernetes.io/enforce} level,
   *     with {@code @} and its {@code enforce-version} where one is set: {@code restricted@v1.31}
   */
  public record PodSecurityAdmission(boolean builtIn, Map<String, String> enforced) {
    public PodSecurityAdmission {
      enforced = Map.copyOf(enforced);
    }
  }

  /** The minor version of Kubernetes 1 the API server runs, e.g. 31; 0 when it does not say. */
  public int kubernetesMinor() {
    return KubernetesVersions.minor(null, null, kubernetesVersion);
  }

  /** The default StorageClass, if the cluster has one. */
  public Optional<ClusterClass> defaultStorageClass() {
    return storageClasses.stream().filter(ClusterClass::isDefault).findFirst();
  }

  /** The StorageClass of this name, if the cluster has it. */
  public Optional<ClusterClass> storageClass(String name) {
    return storageClasses.stream().filter(c -> c.name().equals(name)).findFirst();
  }

  /** The default IngressClass, if the cluster has one. */
  public Optional<ClusterClass> defaultIngressClass() {
    return ingressClasses.stream().filter(ClusterClass::isDefault).findFirst();
  }

  /** The IngressClass of this name, if the cluster has it. */
  public Optional<ClusterClass> ingressClass(String name) {
    return ingressClasses.stream().filter(c -> c.name().equals(name)).findFirst();
  }

  /** The allocatable CPU of the schedulable nodes, in millicores. */
  public long allocatableCpuMillis() {
    return nodes.stream()
        .filter(NodeCapacity::schedulable)
        .mapToLong(NodeCapacity::cpuMillis)
        .sum();
  }

  /** The allocatable memory of the schedulable nodes, in bytes. */
  public long allocatableMemoryBytes() {
    return nodes.stream()
        .filter(NodeCapacity::schedulable)
        .mapToLong(NodeCapacity::memoryBytes)
        .sum();
  }

  /** The number of schedulable nodes. */
  public int schedulableNodes() {
    return (int) nodes.stream().filter(NodeCapacity::schedulable).count();
  }
}
