package io.cncfdemo.component;

import java.util.List;

/**
 * Components every demo gets unless told otherwise, found with {@link java.util.ServiceLoader}
 * under {@code META-INF/services/io.cncfdemo.component.ComponentDefaults}: the apps module
 * registers its monitoring (Prometheus, Pushgateway, Grafana) this way. A component a user gives
 * explicitly replaces the default of the same name; {@code Demo...without(group())} removes the
 * whole group.
 */
public interface ComponentDefaults {

  /** The name of the group, e.g. {@code monitoring}. */
  String group();

  /** The components of the group, with their defaults. */
  List<Component> components();

  /**
   * Whether the group joins every demo ({@code true}, as monitoring does) or is only known to
   * {@code Demo...without(group())} and joins no demo by itself ({@code false}, as the cluster
   * add-ons do until the cluster's capabilities decide where they are needed).
   */
  default boolean includedByDefault() {
    return true;
  }
}
