package io.cncfdemo.apps.common;

import io.cncfdemo.component.Capability;

/** What the sample applications provide to and require from each other. */
public final class AppCapabilities {
  /**
   * A MongoDB: provided by {@code mongoSharded(n)} and {@code mongo(uri)}, required by {@code
   * countly()}.
   */
  public static final Capability<MongoEndpoint> MONGODB =
      Capability.of("a MongoDB", MongoEndpoint.class, "add mongoSharded(n) or mongo(uri)");

  /** A Prometheus: provided by {@code prometheus()}, required by {@code grafana()}. */
  public static final Capability<MonitoringEndpoint> PROMETHEUS =
      Capability.of(
          "a Prometheus",
          MonitoringEndpoint.class,
          "add prometheus(), or drop withoutMonitoring()");

  /**
   * A Pushgateway: provided by {@code pushgateway()}, required by {@code prometheus()} and {@code
   * wrk(url)}.
   */
  public static final Capability<MonitoringEndpoint> PUSHGATEWAY =
      Capability.of(
          "a Pushgateway",
          MonitoringEndpoint.class,
          "add pushgateway(), drop withoutMonitoring(), or use wrk(url).withoutResultPush()");

  /**
   * A Countly app set up for writes: provided by {@code countly()} (its setup Job), required by
   * {@code wrk(url).countlyApp()}.
   */
  public static final Capability<CountlyApp> COUNTLY_APP =
      Capability.of(
          "a Countly app set up for writes",
          CountlyApp.class,
          "add countly() (with its setup, the default), or give wrk(url).countlyKeys(...)");

  private AppCapabilities() {}
}
