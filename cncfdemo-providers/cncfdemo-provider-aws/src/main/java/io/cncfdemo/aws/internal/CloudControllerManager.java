package io.cncfdemo.aws.internal;

import io.cncfdemo.exception.InvalidInputException;
import io.cncfdemo.support.Yaml;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The AWS cloud controller manager (kubernetes/cloud-provider-aws), which gives Services of type
 * LoadBalancer an ELB and initializes the nodes (their addresses and zone, then it lifts the taint
 * {@code node.cloudprovider.kubernetes.io/uninitialized} that kubelet's {@code
 * --cloud-provider=external} puts on them). Upstream releases one version per Kubernetes minor and
 * guarantees it only with that minor, so the release is chosen by the cluster's minor from {@link
 * #RELEASES}; other minors are refused before anything is made.
 *
 * <p>It is applied by the first master's {@code cluster_addons} from the upstream kustomize base of
 * that release tag, patched by {@link #kustomization(String, String)}: the image of that tag,
 * {@code --cluster-name} and {@code --configure-cloud-routes=false} (Calico routes pods over its
 * VXLAN overlay, no VPC route is needed). The base runs it as a DaemonSet on the masters, on the
 * host network (the nodes' instance metadata allows one hop only), with the masters' role (see
 * {@link Policies#cloudControllerManager()}).
 */
final class CloudControllerManager {
  static final String NAME = "aws-cloud-controller-manager";
  static final String IMAGE = "registry.k8s.io/provider-aws/cloud-controller-manager";
  static final String BASE =
      "github.com/kubernetes/cloud-provider-aws/examples/existing-cluster/base";
  static final String KUSTOMIZATION = ClusterAddons.DIRECTORY + "/" + NAME + "/kustomization.yaml";

  /** Kubernetes minor to the upstream release (git tag and image tag) made for it. */
  static final Map<String, String> RELEASES =
      new TreeMap<>(
          Map.of(
              "1.30", "v1.30.8",
              "1.31", "v1.31.5",
              "1.32", "v1.32.1",
              "1.33", "v1.33.0",
              "1.34", "v1.34.3",
              "1.35", "v1.35.0"));

  private CloudControllerManager() {}

  /**
   * The release for a cluster of Kubernetes {@code version} ({@code 1.N} or {@code 1.N.P}); refused
   * when upstream has none cncfdemo pins.
   */
  static String release(String version) {
    var parts = version.split("\\.");
    var minor = parts[0] + "." + parts[1];
    var release = RELEASES.get(minor);
    if (release == null) {
      throw new InvalidInputException(
          "kubernetesVersion",
          version,
          "one of the minors "
              + String.join(", ", RELEASES.keySet())
              + " on aws(), those whose AWS cloud controller manager release cncfdemo pins");
    }
    return release;
  }

  /** The upstream base of {@code release}, patched for the cluster {@code cluster}. */
  static String kustomization(String release, String cluster) {
    var container =
        ClusterAddons.ordered(
            "name",
            NAME,
            "image",
            IMAGE + ":" + release,
            "args",
            List.of(
                "--v=2",
                "--cloud-provider=aws",
                "--use-service-account-credentials=true",
                "--cluster-name=" + cluster,
                "--configure-cloud-routes=false"));
    var document = new LinkedHashMap<String, Object>();
    document.put("apiVersion", "kustomize.config.k8s.io/v1beta1");
    document.put("kind", "Kustomization");
    document.put("resources", List.of(BASE + "/?ref=" + release));
    document.put(
        "patches",
        List.of(
            ClusterAddons.patch(
                "DaemonSet",
                NAME,
                ClusterAddons.ordered(),
                ClusterAddons.ordered("containers", List.of(container)))));
    return Yaml.document(document);
  }
}
