package io.cncfdemo.gcp.internal;

import io.cncfdemo.bootstrap.NodeBootstrap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What only Compute Engine gives a cluster, applied by the first master's {@code cluster_addons}
 * right after Calico: the persistent disk CSI driver at release {@value #PD_CSI_VERSION} (its
 * stable overlay through kubectl's kustomize, the controller on the node's service account rather
 * than a key file) and the default StorageClass {@value #STORAGE_CLASS} ({@value #PROVISIONER},
 * {@code pd-balanced}, WaitForFirstConsumer). Written as files of the masters' user data under
 * {@value #DIRECTORY}. No cloud controller manager: Services of type LoadBalancer get no address.
 */
public final class GcpAddons {
  /** The pinned release of kubernetes-sigs/gcp-compute-persistent-disk-csi-driver. */
  public static final String PD_CSI_VERSION = "v1.18.0";

  public static final String PROVISIONER = "pd.csi.storage.gke.io";
  public static final String STORAGE_CLASS = "pd-balanced";
  public static final String DIRECTORY = "/etc/cncfdemo/addons";

  /** The upstream kustomization the driver is applied from, at the pinned release. */
  public static final String PD_CSI_SOURCE =
      "https://github.com/kubernetes-sigs/gcp-compute-persistent-disk-csi-driver"
          + "/deploy/kubernetes/overlays/stable-master?ref="
          + PD_CSI_VERSION;

  private GcpAddons() {}

  /**
   * The files {@code cluster_addons} applies, by path on the node (sorted, for a stable render).
   */
  public static SortedMap<String, String> files() {
    return sorted(
        Map.of(
            DIRECTORY + "/pd-csi/kustomization.yaml",
            resource("pd-csi-kustomization.yaml").replace("@PD_CSI_SOURCE@", PD_CSI_SOURCE),
            DIRECTORY + "/pd-csi/node-credentials.yaml",
            resource("pd-csi-node-credentials.yaml"),
            DIRECTORY + "/storage-class.yaml",
            resource("storage-class.yaml")));
  }

  /** The settings {@code cluster_addons} reads. */
  static SortedMap<String, String> settings() {
    return sorted(Map.of("PD_CSI_VERSION", PD_CSI_VERSION, "ADDONS_DIR", DIRECTORY));
  }

  private static SortedMap<String, String> sorted(Map<String, String> entries) {
    return new TreeMap<>(entries);
  }

  private static String resource(String name) {
    return NodeBootstrap.resource(GcpAddons.class, "addons/" + name);
  }
}
