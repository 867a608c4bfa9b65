package io.cncfdemo.component;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The component SPI: one sample application (Countly, a sharded MongoDB, BOINC, Prometheus, ...) as
 * the typed Kubernetes objects it needs, per {@link Stage}. A component is an immutable value; it
 * declares what it {@link #provides()} and {@link #requires()}, and {@code Demo.with(...)} wires
 * one to the other before anything is built.
 */
public interface Component {

  /**
   * A short, stable name, unique in a demo and an RFC 1123 label: {@code countly}, {@code mongo}.
   * Used in labels ({@code app.kubernetes.io/name}) and object names.
   */
  String name();

  /**
   * The component as written in the DSL, for messages: {@code countly()}, {@code mongoSharded(3)}.
   */
  default String describe() {
    return name() + "()";
  }

  /** What this component offers to others. */
  default Set<Capability<?>> provides() {
    return Set.of();
  }

  /** What this component needs from another one of the same demo. */
  default Set<Capability<?>> requires() {
    return Set.of();
  }

  /**
   * What this component needs of the cluster (volumes, the metrics API, an IngressClass), checked
   * before a deploy applies anything; see {@link Need}. CPU and memory are not declared here: the
   * check reads them from the requests of the component's pods.
   */
  default List<Need> needs() {
    return List.of();
  }

  /**
   * What this component adds to the cluster, as a cluster add-on does: {@code metricsServer()} adds
   * the {@link ClusterFeature#METRICS_API}. Such a component meets those needs of the others; as a
   * default component it joins only demos deployed where the cluster lacks what it adds (see {@link
   * ComponentDefaults}).
   */
  default Set<ClusterFeature> adds() {
    return Set.of();
  }

  /**
   * What this component hands over for one of its {@link #provides()}, e.g. the URI of its {@code
   * mongos} Service in the demo's namespace.
   */
  default <T> T provide(Capability<T> capability, DemoContext context) {
    throw new IllegalArgumentException(describe() + " does not provide " + capability.name());
  }

  /** The objects of this component per stage, built for the demo described by {@code context}. */
  Map<Stage, List<HasMetadata>> objects(DemoContext context);
}
