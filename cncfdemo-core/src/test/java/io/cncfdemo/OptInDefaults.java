package io.cncfdemo;

import io.cncfdemo.component.ClusterFeature;
import io.cncfdemo.component.Component;
import io.cncfdemo.component.ComponentDefaults;
import io.cncfdemo.component.DemoContext;
import io.cncfdemo.component.Stage;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A group of default cluster add-ons, registered in META-INF/services: it joins a demo only where
 * the cluster lacks the metrics API and a component needs it.
 */
public final class OptInDefaults implements ComponentDefaults {
  @Override
  public String group() {
    return "opt-in";
  }

  @Override
  public List<Component> components() {
    return List.of(new OptIn());
  }

  /** A cluster add-on that makes one ConfigMap and adds the metrics API. */
  record OptIn() implements Component {
    @Override
    public String name() {
      return "opt-in";
    }

    @Override
    public String describe() {
      return "optIn()";
    }

    @Override
    public Set<ClusterFeature> adds() {
      return Set.of(ClusterFeature.METRICS_API);
    }

    @Override
    public Map<Stage, List<HasMetadata>> objects(DemoContext context) {
      return Map.of(
          Stage.MONITORING,
          List.of(
              new ConfigMapBuilder().withNewMetadata().withName("opt-in").endMetadata().build()));
    }
  }
}
