package io.cncfdemo.cluster;

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
}
