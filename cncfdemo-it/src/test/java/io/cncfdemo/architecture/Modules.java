package io.cncfdemo.architecture;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The modules of the library by the packages they hold, under one root package: {@code io.cncfdemo}
 * for the real classes, another root for the fixtures that show the rules fail. Each module may use
 * only the modules it names ({@link #mayUse}); a package with a segment {@code internal} is private
 * to its module.
 */
final class Modules {
  static final String CORE = "core";
  static final String APPS = "apps";
  static final String LOCAL = "provider-local";
  static final String AWS = "provider-aws";
  static final String AZURE = "provider-azure";
  static final String BAREMETAL = "provider-baremetal";
  static final String GCP = "provider-gcp";
  static final String NODE_BOOTSTRAP = "node-bootstrap";
  static final String JUNIT = "junit";
  static final String CLI = "cli";
  static final String EXAMPLES = "examples";

  /** Core's packages below the root; core also holds the root package itself. */
  private static final List<String> CORE_PACKAGES =
      List.of(
          "cluster",
          "component",
          "demo",
          "deploy",
          "benchmark",
          "event",
          "exception",
          "live",
          "support",
          "internal");

  private static final Map<String, Set<String>> MAY_USE =
      Map.ofEntries(
          Map.entry(CORE, Set.of()),
          Map.entry(APPS, Set.of(CORE)),
          Map.entry(LOCAL, Set.of(CORE)),
          Map.entry(NODE_BOOTSTRAP, Set.of(CORE)),
          Map.entry(AWS, Set.of(CORE, NODE_BOOTSTRAP)),
          Map.entry(AZURE, Set.of(CORE, NODE_BOOTSTRAP)),
          Map.entry(BAREMETAL, Set.of(CORE)),
          Map.entry(GCP, Set.of(CORE, NODE_BOOTSTRAP)),
          Map.entry(JUNIT, Set.of(CORE, LOCAL)),
          Map.entry(CLI, Set.of(CORE, APPS, LOCAL, AWS, AZURE, GCP, BAREMETAL)),
          Map.entry(EXAMPLES, Set.of(CORE, APPS, LOCAL, AWS)));

  private final String root;
  private final Map<String, String> moduleByPackage = new LinkedHashMap<>();

  Modules(String root) {
    this.root = root;
    CORE_PACKAGES.forEach(name -> moduleByPackage.put(root + "." + name, CORE));
    moduleByPackage.put(root + ".apps", APPS);
    moduleByPackage.put(root + ".local", LOCAL);
    moduleByPackage.put(root + ".aws", AWS);
    moduleByPackage.put(root + ".azure", AZURE);
    moduleByPackage.put(root + ".baremetal", BAREMETAL);
    moduleByPackage.put(root + ".gcp", GCP);
    moduleByPackage.put(root + ".bootstrap", NODE_BOOTSTRAP);
    moduleByPackage.put(root + ".junit", JUNIT);
    moduleByPackage.put(root + ".cli", CLI);
    moduleByPackage.put(root + ".examples", EXAMPLES);
  }

  /** The root package, e.g. {@code io.cncfdemo}. */
  String root() {
    return root;
  }

  /** Whether {@code packageName} is the root or below it. */
  boolean covers(String packageName) {
    return packageName.equals(root) || packageName.startsWith(root + ".");
  }

  /** The module that holds {@code packageName}; empty for a package of no module. */
  Optional<String> moduleOf(String packageName) {
    if (packageName.equals(root)) {
      return Optional.of(CORE);
    }
    return moduleByPackage.entrySet().stream()
        .filter(
            entry ->
                packageName.equals(entry.getKey()) || packageName.startsWith(entry.getKey() + "."))
        .map(Map.Entry::getValue)
        .findFirst();
  }

  /** Whether classes of module {@code user} may use the public classes of {@code module}. */
  boolean mayUse(String user, String module) {
    return user.equals(module) || MAY_USE.get(user).contains(module);
  }

  /** The other modules that {@code module} may use, for messages. */
  Set<String> usableBy(String module) {
    return MAY_USE.get(module);
  }

  /** Whether {@code packageName} is private to its module: it has a segment {@code internal}. */
  static boolean isInternal(String packageName) {
    return List.of(packageName.split("\\.")).contains("internal");
  }
}
