package io.cncfdemo.internal.demo;

import io.cncfdemo.component.Capability;
import io.cncfdemo.component.Component;
import io.cncfdemo.component.DemoContext;
import java.util.LinkedHashMap;
import java.util.Map;

/** The {@link DemoContext} a demo hands its components while it compiles. */
final class DefaultDemoContext implements DemoContext {
  static final String MANAGED_BY = "cncfdemo";

  private final DemoSettings settings;
  private final int minions;
  private final Wiring wiring;
  private Component current;

  DefaultDemoContext(DemoSettings settings, int minions, Wiring wiring) {
    this.settings = settings;
    this.minions = minions;
    this.wiring = wiring;
  }

  /** The component whose objects are being built, for {@link #require} to check its declaration. */
  void building(Component component) {
    this.current = component;
  }

  @Override
  public String demoName() {
    return settings.name();
  }

  @Override
  public String namespace() {
    return settings.namespace();
  }

  @Override
  public String domain() {
    return settings.domain();
  }

  @Override
  public int minions() {
    return minions;
  }

  @Override
  public String foregroundPriorityClass() {
    return settings.name() + "-foreground";
  }

  @Override
  public String backgroundPriorityClass() {
    return settings.name() + "-background";
  }

  @Override
  public <T> T require(Capability<T> capability) {
    var provider = wiring.providerOf(capability, current);
    return capability.type().cast(provider.provide(capability, this));
  }

  @Override
  public Map<String, String> labels(Component component, String part) {
    var labels = new LinkedHashMap<>(selector(component, part));
    labels.put("app.kubernetes.io/part-of", settings.name());
    labels.put("app.kubernetes.io/managed-by", MANAGED_BY);
    return labels;
  }

  @Override
  public Map<String, String> selector(Component component, String part) {
    var selector = new LinkedHashMap<String, String>();
    selector.put("app.kubernetes.io/name", component.name());
    selector.put("app.kubernetes.io/instance", settings.name());
    selector.put("app.kubernetes.io/component", part);
    return selector;
  }

  @Override
  public String secret(String purpose, int bytes) {
    return settings.secrets().get(purpose, bytes);
  }
}
