package io.cncfdemo.component;

import java.util.Map;

/**
 * What a {@link Component} knows of the demo it is part of when it builds its objects: where
 * (namespace, domain), for how big a cluster, which PriorityClasses, and what the other components
 * provide.
 */
public interface DemoContext {

  /** The demo's name, e.g. {@code cncfdemo}: the value of {@code app.kubernetes.io/part-of}. */
  String demoName();

  /** The namespace of every namespaced object of the demo. */
  String namespace();

  /** The DNS domain that Ingress hosts live under, e.g. {@code countly.<domain>}. */
  String domain();

  /** The number of worker nodes the demo is built for. */
  int minions();

  /** The PriorityClass of foreground workloads (applications, datastores, monitoring). */
  String foregroundPriorityClass();

  /** The PriorityClass of background work, preempted first. */
  String backgroundPriorityClass();

  /**
   * What another component of the demo provides; {@code Demo.with(...)} has made sure there is
   * exactly one.
   */
  <T> T require(Capability<T> capability);

  /**
   * The recommended labels ({@code app.kubernetes.io/name, instance, component, part-of,
   * managed-by}) of one part of a component, e.g. {@code labels(mongo, "config-server")}.
   */
  Map<String, String> labels(Component component, String part);

  /**
   * The subset of {@link #labels} that selects the pods of one part: stable, so selectors never
   * change.
   */
  Map<String, String> selector(Component component, String part);

  /**
   * Random secret material for this demo, e.g. a MongoDB keyfile: {@code bytes} random bytes,
   * Base64-encoded, drawn once per demo value and purpose from a {@link
   * java.security.SecureRandom}, never logged.
   */
  String secret(String purpose, int bytes);
}
