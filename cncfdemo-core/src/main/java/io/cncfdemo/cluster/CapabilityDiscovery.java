package io.cncfdemo.cluster;

import io.cncfdemo.cluster.ClusterCapabilities.PodSecurityAdmission;
import io.cncfdemo.exception.CncfDemoException;
import io.cncfdemo.internal.cluster.KubernetesVersions;
import io.cncfdemo.internal.cluster.Quantities;
import io.cncfdemo.support.ApiServices;
import io.cncfdemo.support.KubernetesClients;
import io.cncfdemo.support.Retry;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Reads a cluster's {@link ClusterCapabilities} from its API server: list calls only, each retried
 * while the server is busy or unreachable.
 */
final class CapabilityDiscovery {
  static final String DEFAULT_STORAGE_CLASS = "storageclass.kubernetes.io/is-default-class";
  static final String DEFAULT_STORAGE_CLASS_BETA =
      "storageclass.beta.kubernetes.io/is-default-class";
  static final String DEFAULT_INGRESS_CLASS = "ingressclass.kubernetes.io/is-default-class";
  static final String METRICS_API = "v1beta1.metrics.k8s.io";
  static final String CUSTOM_METRICS_API = "v1beta1.custom.metrics.k8s.io";
  static final String ENFORCE = "pod-security.kubernetes.io/enforce";
  static final String ENFORCE_VERSION = "pod-security.kubernetes.io/enforce-version";

  /** The first minor version of Kubernetes 1 whose Pod Security admission is GA and always on. */
  static final int POD_SECURITY_MINOR = 25;

  static final int ATTEMPTS = 5;

  /**
   * The taints the node lifecycle puts on a node while it starts or is briefly unreachable and
   * takes off by itself; pods wait for them to go, so they do not make a node unschedulable here.
   */
  static final Set<String> LIFECYCLE_TAINTS =
      Set.of(
          "node.kubernetes.io/not-ready",
          "node.kubernetes.io/unreachable",
          "node.kubernetes.io/network-unavailable",
          "node.cloudprovider.kubernetes.io/uninitialized");

  private final KubernetesClient client;
  private final Retry retry = KubernetesClients.retry(ATTEMPTS);

  private CapabilityDiscovery(KubernetesClient client) {
    this.client = client;
  }

  /** The cluster's capabilities now, with what its provider {@code declared}. */
  static ClusterCapabilities discover(KubernetesClient client, Set<DeclaredCapability> declared) {
    return new CapabilityDiscovery(client).read(declared);
  }

  private ClusterCapabilities read(Set<DeclaredCapability> declared) {
    var version = read("the Kubernetes version", () -> client.getKubernetesVersion());
    var gitVersion =
        version.getGitVersion() != null
            ? version.getGitVersion()
            : "v" + version.getMajor() + "." + version.getMinor();
    return new ClusterCapabilities(
        gitVersion,
        storageClasses(),
        available(METRICS_API),
        available(CUSTOM_METRICS_API),
        ingressClasses(),
        loadBalancers(declared),
        new PodSecurityAdmission(
            KubernetesVersions.minor(version.getMajor(), version.getMinor(), gitVersion)
                >= POD_SECURITY_MINOR,
            enforcedLevels()),
        nodes(),
        declared);
  }

  private List<ClusterClass> storageClasses() {
    return read(
            "the StorageClasses", () -> client.storage().v1().storageClasses().list().getItems())
        .stream()
        .map(
            c ->
                new ClusterClass(
                    c.getMetadata().getName(),
                    String.valueOf(c.getProvisioner()),
                    annotated(c, DEFAULT_STORAGE_CLASS)
                        || annotated(c, DEFAULT_STORAGE_CLASS_BETA)))
        .toList();
  }

  private List<ClusterClass> ingressClasses() {
    return read(
            "the IngressClasses", () -> client.network().v1().ingressClasses().list().getItems())
        .stream()
        .map(
            c ->
                new ClusterClass(
                    c.getMetadata().getName(),
                    c.getSpec() == null ? "" : String.valueOf(c.getSpec().getController()),
                    annotated(c, DEFAULT_INGRESS_CLASS)))
        .toList();
  }

  /** Whether the aggregator reports this APIService Available. */
  private boolean available(String apiService) {
    return read("the APIService " + apiService, () -> ApiServices.available(client, apiService));
  }

  private LoadBalancerSupport loadBalancers(Set<DeclaredCapability> declared) {
    if (declared.contains(DeclaredCapability.LOAD_BALANCERS)) {
      return LoadBalancerSupport.DECLARED;
    }
    var services = read("the Services", () -> client.services().inAnyNamespace().list().getItems());
    return services.stream().anyMatch(CapabilityDiscovery::hasLoadBalancerAddress)
        ? LoadBalancerSupport.OBSERVED
        : LoadBalancerSupport.UNKNOWN;
  }

  private static boolean hasLoadBalancerAddress(Service service) {
    return service.getSpec() != null
        && "LoadBalancer".equals(service.getSpec().getType())
        && service.getStatus() != null
        && service.getStatus().getLoadBalancer() != null
        && service.getStatus().getLoadBalancer().getIngress() != null
        && !service.getStatus().getLoadBalancer().getIngress().isEmpty();
  }

  private Map<String, String> enforcedLevels() {
    var levels = new TreeMap<String, String>();
    for (var namespace : read("the Namespaces", () -> client.namespaces().list().getItems())) {
      var labels = namespace.getMetadata().getLabels();
      if (labels != null && labels.containsKey(ENFORCE)) {
        var version = labels.get(ENFORCE_VERSION);
        levels.put(
            namespace.getMetadata().getName(),
            labels.get(ENFORCE) + (version == null ? "" : "@" + version));
      }
    }
    return levels;
  }

  private List<NodeCapacity> nodes() {
    return read("the Nodes", () -> client.nodes().list().getItems()).stream()
        .map(CapabilityDiscovery::capacity)
        .toList();
  }

  static NodeCapacity capacity(Node node) {
    var status = node.getStatus();
    Map<String, Quantity> allocatable =
        status == null || status.getAllocatable() == null ? Map.of() : status.getAllocatable();
    var spec = node.getSpec();
    boolean cordoned = spec != null && Boolean.TRUE.equals(spec.getUnschedulable());
    boolean tainted =
        spec != null
            && spec.getTaints() != null
            && spec.getTaints().stream()
                .anyMatch(
                    t ->
                        !LIFECYCLE_TAINTS.contains(t.getKey())
                            && ("NoSchedule".equals(t.getEffect())
                                || "NoExecute".equals(t.getEffect())));
    return new NodeCapacity(
        node.getMetadata().getName(),
        Quantities.millicores(allocatable.get("cpu")),
        Quantities.bytes(allocatable.get("memory")),
        !cordoned && !tainted);
  }

  private static boolean annotated(HasMetadata object, String annotation) {
    var annotations = object.getMetadata().getAnnotations();
    return annotations != null && "true".equals(annotations.get(annotation));
  }

  private <T> T read(String what, Supplier<T> call) {
    try {
      return retry.call("read " + what, call);
    } catch (KubernetesClientException e) {
      throw new CncfDemoException(
          "could not read "
              + what
              + " of the cluster to check what it offers: "
              + KubernetesClients.describe(e),
          e);
    }
  }
}
