package io.cncfdemo.apps;

import static io.cncfdemo.apps.Apps.boinc;
import static io.cncfdemo.apps.Apps.countly;
import static io.cncfdemo.apps.Apps.ingressNginx;
import static io.cncfdemo.apps.Apps.localPathStorage;
import static io.cncfdemo.apps.Apps.metricsServer;
import static io.cncfdemo.apps.Apps.mongoSharded;

import io.cncfdemo.Demo;
import io.cncfdemo.demo.CompiledDemo;
import io.cncfdemo.support.Yaml;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import java.util.List;
import java.util.TreeMap;

/**
 * The headline demo, {@code Demo.with(countly(), mongoSharded(3), boinc())}, for the
 * module's tests.
 */
public final class FullDemo {
  /** What every generated secret value becomes in {@link #stableYaml()}. */
  public static final String REDACTED = "UkVEQUNURUQ=";

  private FullDemo() {}

  public static Demo demo() {
    return Demo.with(countly(), mongoSharded(3), boinc());
  }

  public static CompiledDemo compiled() {
    return demo().compile();
  }

  /** The headline demo plus the three cluster add-ons. */
  public static Demo withAddons() {
    return demo().and(metricsServer(), ingressNginx(), localPathStorage());
  }

  /** Only the cluster add-ons (and the foundation), for their golden file. */
  public static Demo addonsOnly() {
    return Demo.with(metricsServer(), ingressNginx(), localPathStorage()).withoutMonitoring();
  }

  /**
   * The demo's YAML with every Secret value replaced by {@link #REDACTED} (the values are random
   * per demo) and the objects' own labels in name order (the core builds the foundation's labels
   * with {@code Map.of}, whose order changes from one JVM to the next); everything else as
   * rendered.
   */
  public static String stableYaml() {
    return stableYaml(demo());
  }

  /** {@link #stableYaml()} of another demo. */
  public static String stableYaml(Demo demo) {
    List<HasMetadata> objects = demo.compile().objects();
    objects.stream()
        .filter(Secret.class::isInstance)
        .map(Secret.class::cast)
        .forEach(secret -> secret.getData().replaceAll((key, value) -> REDACTED));
    objects.forEach(
        object -> object.getMetadata().setLabels(new TreeMap<>(object.getMetadata().getLabels())));
    return Yaml.documents(objects);
  }
}
