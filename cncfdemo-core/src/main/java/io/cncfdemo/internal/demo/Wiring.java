package io.cncfdemo.internal.demo;

import io.cncfdemo.component.Capability;
import io.cncfdemo.component.Component;
import io.cncfdemo.demo.DemoWiringException;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Which component provides each capability that another one requires; built, and checked, once per
 * demo.
 */
public final class Wiring {
  private final Map<Capability<?>, Component> providers;

  private Wiring(Map<Capability<?>, Component> providers) {
    this.providers = providers;
  }

  /**
   * Wires the components or fails, in words, on a duplicate name, a missing provider or an
   * ambiguous one, e.g. {@code countly() needs a MongoDB: add mongoSharded(n) or mongo(uri)}.
   */
  public static Wiring of(List<Component> components) {
    var byName = new HashMap<String, Component>();
    for (var component : components) {
      var earlier = byName.putIfAbsent(component.name(), component);
      if (earlier != null) {
        throw new DemoWiringException(
            "a demo holds each component once, but "
                + earlier.describe()
                + " and "
                + component.describe()
                + " are both named \""
                + component.name()
                + "\"; keep one of them");
      }
    }
    var providers = new IdentityHashMap<Capability<?>, Component>();
    for (var component : components) {
      for (var required : component.requires()) {
        var candidates =
            components.stream()
                .filter(c -> c != component && c.provides().contains(required))
                .toList();
        if (candidates.isEmpty()) {
          throw new DemoWiringException(
              component.describe() + " needs " + required.name() + ": " + required.howToAdd());
        }
        if (candidates.size() > 1) {
          throw new DemoWiringException(
              component.describe()
                  + " needs one "
                  + bare(required.name())
                  + ", but "
                  + candidates.size()
                  + " components provide one: "
                  + candidates.stream().map(Component::describe).collect(Collectors.joining(", "))
                  + "; keep one of them");
        }
        providers.put(required, candidates.get(0));
      }
    }
    return new Wiring(providers);
  }

  /** The component that provides {@code capability} to the demo. */
  public Component providerOf(Capability<?> capability, Component asking) {
    var provider = providers.get(capability);
    if (provider == null) {
      throw new DemoWiringException(
          asking.describe()
              + " asked for "
              + capability.name()
              + " without declaring it in requires(); declare it so that Demo.with(...) can check"
              + " it early");
    }
    return provider;
  }

  private static String bare(String name) {
    return name.replaceFirst("^(a|an|the) ", "");
  }
}
