package io.cncfdemo.internal;

import io.cncfdemo.cluster.ClusterProvider;
import io.cncfdemo.exception.CncfDemoException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds {@link ClusterProvider}s with {@link ServiceLoader}: the context class loader first, then
 * the library's own; a provider that fails to load is logged and skipped, not fatal; on a tie of
 * names the higher {@link ClusterProvider#priority()} wins, or the class named by {@code
 * -Dcncfdemo.provider.<name>=<class>}.
 */
public final class ProviderRegistry {
  /** System property prefix that picks one implementation class for a provider name. */
  public static final String OVERRIDE_PROPERTY_PREFIX = "cncfdemo.provider.";

  /** The artifact that adds each provider the project publishes. */
  public static final Map<String, String> KNOWN_ARTIFACTS =
      Map.of(
          "local", "cncfdemo-provider-local",
          "aws", "cncfdemo-provider-aws",
          "azure", "cncfdemo-provider-azure",
          "gcp", "cncfdemo-provider-gcp",
          "baremetal", "cncfdemo-provider-baremetal");

  private static final Logger LOG = LoggerFactory.getLogger(ProviderRegistry.class);

  private ProviderRegistry() {}

  /** Every provider on the class path, one per name, sorted by name. */
  public static List<ClusterProvider> all() {
    var byName = new LinkedHashMap<String, List<ClusterProvider>>();
    for (var provider : loadAll()) {
      byName.computeIfAbsent(provider.name(), key -> new ArrayList<>()).add(provider);
    }
    var chosen = new ArrayList<ClusterProvider>();
    byName.forEach((name, candidates) -> chosen.add(choose(name, candidates)));
    chosen.sort(Comparator.comparing(ClusterProvider::name));
    return chosen;
  }

  /** The provider of this name, if one is on the class path. */
  public static Optional<ClusterProvider> find(String name) {
    return all().stream().filter(provider -> provider.name().equals(name)).findFirst();
  }

  /**
   * The provider of this name; when none is on the class path, says which are and which artifact
   * adds it.
   */
  public static ClusterProvider require(String name) {
    return find(name).orElseThrow(() -> new CncfDemoException(missingMessage(name)));
  }

  static String missingMessage(String name) {
    var present = new TreeSet<String>();
    all().forEach(provider -> present.add(provider.name()));
    var message =
        new StringBuilder("no cluster provider named \"")
            .append(name)
            .append("\" is on the class path");
    message.append(present.isEmpty() ? "; none is" : "; these are: " + String.join(", ", present));
    var artifact = KNOWN_ARTIFACTS.get(name);
    if (artifact != null) {
      message
          .append(". Add the dependency io.cncfdemo:")
          .append(artifact)
          .append(" (Maven: <dependency><groupId>io.cncfdemo</groupId><artifactId>")
          .append(artifact)
          .append("</artifactId></dependency>)");
    } else {
      message
          .append(". The project publishes providers named ")
          .append(String.join(", ", new TreeSet<>(KNOWN_ARTIFACTS.keySet())))
          .append("; a provider of another name comes from the artifact that implements it");
    }
    return message.toString();
  }

  private static ClusterProvider choose(String name, List<ClusterProvider> candidates) {
    if (candidates.size() == 1) {
      return candidates.get(0);
    }
    var override = System.getProperty(OVERRIDE_PROPERTY_PREFIX + name);
    if (override != null) {
      return candidates.stream()
          .filter(candidate -> candidate.getClass().getName().equals(override))
          .findFirst()
          .orElseThrow(
              () ->
                  new CncfDemoException(
                      "-D"
                          + OVERRIDE_PROPERTY_PREFIX
                          + name
                          + "="
                          + override
                          + " names no provider on the class path; the candidates for \""
                          + name
                          + "\" are "
                          + candidates.stream().map(c -> c.getClass().getName()).toList()));
    }
    var sorted = new ArrayList<>(candidates);
    sorted.sort(Comparator.comparingInt(ClusterProvider::priority).reversed());
    LOG.warn(
        "{} providers are named \"{}\": using {} (priority {}); choose another with -D{}{}=<class>",
        sorted.size(),
        name,
        sorted.get(0).getClass().getName(),
        sorted.get(0).priority(),
        OVERRIDE_PROPERTY_PREFIX,
        name);
    return sorted.get(0);
  }

  private static List<ClusterProvider> loadAll() {
    var found = new LinkedHashMap<String, ClusterProvider>();
    var loaders = new ArrayList<ClassLoader>();
    var context = Thread.currentThread().getContextClassLoader();
    if (context != null) {
      loaders.add(context);
    }
    loaders.add(ProviderRegistry.class.getClassLoader());
    for (var loader : loaders) {
      var iterator = ServiceLoader.load(ClusterProvider.class, loader).iterator();
      while (true) {
        try {
          if (!iterator.hasNext()) {
            break;
          }
          var provider = iterator.next();
          found.putIfAbsent(provider.getClass().getName(), provider);
        } catch (ServiceConfigurationError error) {
          LOG.warn("skipping a cluster provider that failed to load: {}", error.getMessage());
        }
      }
    }
    return new ArrayList<>(found.values());
  }
}
