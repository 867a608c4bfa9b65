package io.cncfdemo.cluster;

/**
 * A fact about its clusters that a {@link ClusterProvider} declares because the API server cannot
 * tell it (see {@link ClusterProvider#declares(ClusterSpec)}).
 */
public enum DeclaredCapability {
  /**
   * Services of type LoadBalancer get an address: the provider runs a cloud controller manager (or
   * an equivalent, such as MetalLB) for its clusters.
   */
  LOAD_BALANCERS,
  /**
   * The nodes' own disks are the cluster's storage (bare metal, kind-like clusters): where the
   * cluster has no default StorageClass, the demo adds {@code localPathStorage()} by itself. No
   * other cluster gets it unasked.
   */
  NODE_DISK_STORAGE
}
