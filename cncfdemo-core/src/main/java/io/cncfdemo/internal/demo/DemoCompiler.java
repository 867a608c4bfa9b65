package io.cncfdemo.internal.demo;

import io.cncfdemo.component.Component;
import io.cncfdemo.component.Stage;
import io.cncfdemo.demo.CompiledDemo;
import io.cncfdemo.demo.StageObjects;
import io.cncfdemo.exception.CncfDemoException;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespaced;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns components into a {@link CompiledDemo}: the foundation first, then each component's objects
 * in stage order; namespaced objects without a namespace get the demo's, every object gets the
 * demo's ownership labels, and two objects of the same kind and name are an error naming both
 * components.
 */
public final class DemoCompiler {
  /** The label that marks an object as part of one demo, for teardown and queries. */
  public static final String DEMO_LABEL = "cncfdemo.io/demo";

  public static final String MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";

  private DemoCompiler() {}

  public static CompiledDemo compile(
      DemoSettings settings, List<Component> components, Wiring wiring, int minions) {
    var context = new DefaultDemoContext(settings, minions, wiring);
    var byStage = new EnumMap<Stage, List<HasMetadata>>(Stage.class);
    var origins = new HashMap<String, String>();
    for (var object : Foundation.objects(context, settings.podSecurity())) {
      add(byStage, origins, Stage.FOUNDATION, object, "the demo's foundation", settings);
    }
    for (var component : components) {
      context.building(component);
      Map<Stage, List<HasMetadata>> objects = component.objects(context);
      for (var stage : Stage.values()) {
        for (var object : objects.getOrDefault(stage, List.of())) {
          add(byStage, origins, stage, object, component.describe(), settings);
        }
      }
    }
    var stages = new ArrayList<StageObjects>();
    byStage.forEach((stage, objects) -> stages.add(new StageObjects(stage, objects)));
    return new CompiledDemo(settings.namespace(), stages);
  }

  private static void add(
      Map<Stage, List<HasMetadata>> byStage,
      Map<String, String> origins,
      Stage stage,
      HasMetadata object,
      String origin,
      DemoSettings settings) {
    var metadata = object.getMetadata();
    if (metadata == null || metadata.getName() == null) {
      throw new CncfDemoException(origin + " built a " + object.getKind() + " without a name");
    }
    if (object instanceof Namespaced && metadata.getNamespace() == null) {
      metadata.setNamespace(settings.namespace());
    }
    var labels =
        new LinkedHashMap<String, String>(
            metadata.getLabels() == null ? Map.of() : metadata.getLabels());
    labels.putIfAbsent(MANAGED_BY_LABEL, DefaultDemoContext.MANAGED_BY);
    labels.put(DEMO_LABEL, settings.name());
    metadata.setLabels(labels);
    var key =
        object.getApiVersion()
            + "/"
            + object.getKind()
            + " "
            + (metadata.getNamespace() == null ? "" : metadata.getNamespace() + "/")
            + metadata.getName();
    var earlier = origins.putIfAbsent(key, origin);
    if (earlier != null) {
      throw new CncfDemoException(
          "two objects are both "
              + object.getKind()
              + " "
              + metadata.getName()
              + ": one from "
              + earlier
              + ", one from "
              + origin
              + "; rename one of the components' objects");
    }
    byStage.computeIfAbsent(stage, key2 -> new ArrayList<>()).add(object);
  }
}
