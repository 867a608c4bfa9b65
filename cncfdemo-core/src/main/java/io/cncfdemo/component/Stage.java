package io.cncfdemo.component;

/**
 * The stages a demo is applied in, in this order; each waits for the readiness of the one before.
 * The {@link #fileName()} orders the files of {@code Demo.writeTo(dir)} the same way.
 */
public enum Stage {
  /**
   * Namespace with Pod Security labels, PriorityClasses, RBAC; cluster add-ons (metrics, ingress,
   * storage).
   */
  FOUNDATION,
  /** Prometheus, Pushgateway, Grafana. */
  MONITORING,
  /** Databases: StatefulSets, headless Services, volumes, key Secrets. */
  DATASTORE,
  /** One-shot Jobs that initialise the datastore. */
  INITIALIZATION,
  /** The applications users reach. */
  APPLICATION,
  /** Low-priority work that fills idle capacity. */
  BACKGROUND,
  /** Load generators, run by a benchmark. */
  BENCHMARK;

  /** The stage's name in lower case, e.g. {@code datastore}. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** The file this stage is written to, e.g. {@code 03-datastore.yaml}. */
  public String fileName() {
    return String.format("%02d-%s.yaml", ordinal() + 1, label());
  }
}
