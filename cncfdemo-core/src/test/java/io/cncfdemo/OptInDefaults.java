package io.cncfdemo;

import io.cncfdemo.component.Component;
import io.cncfdemo.component.ComponentDefaults;
import io.cncfdemo.component.DemoContext;
import io.cncfdemo.component.Stage;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Map;

/**
 * A group of default components that is not included by default, registered in META-INF/services.
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

  @Override
  public boolean includedByDefault() {
    return false;
  }

  /** A component that makes one ConfigMap. */
  record OptIn() implements Component {
    @Override
    public String name() {
      return "opt-in";
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
