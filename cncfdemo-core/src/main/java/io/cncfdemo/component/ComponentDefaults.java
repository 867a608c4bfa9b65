package io.cncfdemo.component;

import java.util.List;

/**
 * Components every demo gets unless told otherwise, found with {@link java.util.ServiceLoader}
 * under {@code META-INF/services/io.cncfdemo.component.ComponentDefaults}: the apps module
 * registers its monitoring (Prometheus, Pushgateway, Grafana) and its cluster add-ons
 * (metrics-server, ingress-nginx, local-path storage) this way. A component a user gives explicitly
 * replaces the default of the same name; {@code Demo...without(group())} removes the whole group.
 */
public interface ComponentDefaults {

  /** The name of the group, e.g. {@code monitoring}. */
  String group();

  /**
   * The components of the group, with their defaults. Those that {@link Component#adds() add} a
   * feature to the cluster (the cluster add-ons) join only a demo deployed on a cluster that lacks
   * what they add while another component of the demo {@link Component#needs() needs} it; {@code
   * Demo...plan(cluster)} lists which. A storage add-on joins only where the cluster's provider
   * declares that its nodes' disks are the storage ({@link
   * io.cncfdemo.cluster.DeclaredCapability#NODE_DISK_STORAGE}): storage is never guessed. The
   * others join every demo.
   */
  List<Component> components();
}
