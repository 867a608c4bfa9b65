package io.cncfdemo.cluster;

import java.util.Optional;

/**
 * Where a cluster runs, with the provider's own typed options: {@code local()}, {@code
 * aws().region("eu-west-1")} and so on from {@link io.cncfdemo.Providers}. A target is a value; it
 * creates nothing. The {@link ClusterProvider} whose {@link ClusterProvider#name() name} equals
 * {@link #providerName()} acts on it.
 */
public interface Target {

  /**
   * The name of the provider that handles this target: {@code local}, {@code aws}, {@code azure},
   * ...
   */
  String providerName();

  /**
   * The target as it is written in the DSL, e.g. {@code aws().region("us-west-2")}; used in
   * messages and plans.
   */
  String describe();

  /**
   * The public DNS zone the demo's Ingress hosts are published in, e.g. {@code example.org}, when
   * the target names one ({@code aws().publicZone("example.org")}); the demo's domain must lie
   * under it.
   */
  default Optional<String> publicZone() {
    return Optional.empty();
  }
}
