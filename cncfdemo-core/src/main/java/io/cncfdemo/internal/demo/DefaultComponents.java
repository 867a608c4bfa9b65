package io.cncfdemo.internal.demo;

import io.cncfdemo.component.Component;
import io.cncfdemo.component.ComponentDefaults;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@link ComponentDefaults} on the class path, added to every demo's components. */
public final class DefaultComponents {
  private static final Logger LOG = LoggerFactory.getLogger(DefaultComponents.class);

  private DefaultComponents() {}

  /**
   * The given components plus the defaults of every group not excluded whose name no given
   * component has, except the cluster add-ons ({@link #addons}).
   */
  public static List<Component> addTo(List<Component> given, Set<String> excludedGroups) {
    var all = new ArrayList<>(given);
    all.addAll(defaults(given, excludedGroups, false));
    return all;
  }

  /**
   * The default cluster add-ons (components that {@link Component#adds()} something) of the groups
   * not excluded whose name no given component has: candidates the cluster's capabilities decide
   * on.
   */
  public static List<Component> addons(List<Component> given, Set<String> excludedGroups) {
    return defaults(given, excludedGroups, true);
  }

  private static List<Component> defaults(
      List<Component> given, Set<String> excludedGroups, boolean addons) {
    var names = new HashSet<String>();
    given.forEach(component -> names.add(component.name()));
    var found = new ArrayList<Component>();
    load()
        .forEach(
            (group, defaults) -> {
              if (!excludedGroups.contains(group)) {
                defaults.components().stream()
                    .filter(component -> !names.contains(component.name()))
                    .filter(component -> component.adds().isEmpty() != addons)
                    .forEach(found::add);
              }
            });
    return found;
  }

  /** The names of the groups on the class path. */
  public static Set<String> groups() {
    return new TreeSet<>(load().keySet());
  }

  private static Map<String, ComponentDefaults> load() {
    return Scanned.GROUPS;
  }

  /** The class path's defaults, looked up once: every compile asks for them. */
  private static final class Scanned {
    static final Map<String, ComponentDefaults> GROUPS = scan();
  }

  private static Map<String, ComponentDefaults> scan() {
    var groups = new LinkedHashMap<String, ComponentDefaults>();
    var iterator =
        ServiceLoader.load(ComponentDefaults.class, DefaultComponents.class.getClassLoader())
            .iterator();
    while (true) {
      try {
        if (!iterator.hasNext()) {
          break;
        }
        var defaults = iterator.next();
        groups.putIfAbsent(defaults.group(), defaults);
      } catch (ServiceConfigurationError error) {
        LOG.warn("skipping default components that failed to load: {}", error.getMessage());
      }
    }
    return Collections.unmodifiableMap(groups);
  }
}
