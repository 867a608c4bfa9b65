package io.cncfdemo.azure.internal;

import io.cncfdemo.support.Yaml;
import io.fabric8.kubernetes.api.model.storage.StorageClassBuilder;
import java.util.List;
import java.util.Map;

/**
 * The Azure Disk CSI driver ({@code kubernetes-sigs/azuredisk-csi-driver}, release {@value
 * #VERSION}) and the cluster's default StorageClass on it, which the first master applies with
 * kubectl right after Calico ({@code cluster_addons} in {@code platform.sh}): the release's own
 * Linux manifests, as its {@code install-driver.sh} applies them, the snapshot CRDs first (the
 * controller's snapshotter watches them). The driver reads its {@link CloudConfig} from the secret
 * {@value #CLOUD_CONFIG_SECRET}.
 */
public final class DiskCsiDriver {
  public static final String VERSION = "v1.33.0";
  public static final String PROVISIONER = "disk.csi.azure.com";
  public static final String CLOUD_CONFIG_SECRET = "azure-cloud-provider";

  /** The default StorageClass, named as AKS names its own. */
  public static final String STORAGE_CLASS = "managed-csi";

  /** The disks' type: Standard SSD, as the nodes' OS disks. */
  public static final String DISK_SKU = ScaleSets.OS_DISK_TYPE;

  private static final List<String> MANIFESTS =
      List.of(
          "crd-csi-snapshot.yaml",
          "csi-azuredisk-driver.yaml",
          "rbac-csi-azuredisk-controller.yaml",
          "rbac-csi-azuredisk-node.yaml",
          "csi-azuredisk-controller.yaml",
          "csi-azuredisk-node.yaml");

  private DiskCsiDriver() {}

  /** The release's manifests, in the order they are applied. */
  public static List<String> manifests() {
    return MANIFESTS.stream()
        .map(
            file ->
                "https://raw.githubusercontent.com/kubernetes-sigs/azuredisk-csi-driver/"
                    + VERSION
                    + "/deploy/"
                    + VERSION
                    + "/"
                    + file)
        .toList();
  }

  /**
   * The default StorageClass: a {@value #DISK_SKU} disk per volume, made when its first pod is
   * scheduled (so in that node's zone), deleted with its claim, expandable.
   */
  public static String storageClass() {
    return Yaml.document(
        new StorageClassBuilder()
            .withNewMetadata()
            .withName(STORAGE_CLASS)
            .withAnnotations(Map.of("storageclass.kubernetes.io/is-default-class", "true"))
            .endMetadata()
            .withProvisioner(PROVISIONER)
            .withParameters(Map.of("skuName", DISK_SKU))
            .withReclaimPolicy("Delete")
            .withVolumeBindingMode("WaitForFirstConsumer")
            .withAllowVolumeExpansion(true)
            .build());
  }
}
