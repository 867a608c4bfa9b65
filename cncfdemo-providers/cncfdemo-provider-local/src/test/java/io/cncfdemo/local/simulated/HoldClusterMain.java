package io.cncfdemo.local.simulated;

import static io.cncfdemo.Providers.local;

import io.cncfdemo.Cluster;

/**
 * Starts a simulated cluster, prints its working directory, and waits to be killed: the victim of
 * {@link OrphanCleanupIT}.
 */
public final class HoldClusterMain {
  private HoldClusterMain() {}

  public static void main(String[] args) throws InterruptedException {
    var cluster = (SimulatedCluster) Cluster.on(local()).minions(1).named("victim").create();
    System.out.println("READY " + cluster.controlPlane().directory());
    System.out.flush();
    Thread.sleep(600_000);
  }
}
