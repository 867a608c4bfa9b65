package io.cncfdemo.apps.internal;

import io.cncfdemo.apps.common.MonitoringEndpoint;
import io.cncfdemo.component.Capability;
import io.cncfdemo.component.Component;
import io.cncfdemo.component.DemoContext;
import java.util.function.Supplier;

/**
 * What a component hands over for the one capability it provides; the shape of every {@code
 * provide} here.
 */
public final class Provided {
  private Provided() {}

  /**
   * {@code value} when {@code asked} is {@code offered}; otherwise the SPI's answer that the
   * component does not provide it.
   */
  public static <T> T only(
      Component component, Capability<T> asked, Capability<?> offered, Supplier<?> value) {
    if (asked != offered) {
      throw new IllegalArgumentException(
          component.describe() + " does not provide " + asked.name());
    }
    return asked.type().cast(value.get());
  }

  /** The in-cluster URL of the Service {@code service} of the demo's namespace. */
  public static MonitoringEndpoint http(String service, DemoContext context, int port) {
    return new MonitoringEndpoint("http://" + service + "." + context.namespace() + ".svc:" + port);
  }
}
