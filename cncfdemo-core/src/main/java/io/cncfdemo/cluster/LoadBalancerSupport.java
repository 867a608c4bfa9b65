package io.cncfdemo.cluster;

/**
 * Whether Services of type LoadBalancer get an address on a cluster, and how that is known. The API
 * server has no field that says so; only two facts are taken as proof.
 */
public enum LoadBalancerSupport {
  /** The cluster's provider declares it ({@link DeclaredCapability#LOAD_BALANCERS}). */
  DECLARED,
  /** A Service of type LoadBalancer on the cluster has an address in its status. */
  OBSERVED,
  /** Neither: a Service of type LoadBalancer may stay pending; use a NodePort instead. */
  UNKNOWN;

  /** Whether load balancers are known to work ({@link #DECLARED} or {@link #OBSERVED}). */
  public boolean isKnown() {
    return this != UNKNOWN;
  }
}
