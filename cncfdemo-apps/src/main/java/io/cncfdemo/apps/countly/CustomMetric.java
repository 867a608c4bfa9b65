package io.cncfdemo.apps.countly;

import io.cncfdemo.exception.InvalidInputException;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.regex.Pattern;

/**
 * A per-pod metric that Countly's API autoscaler follows, besides CPU.
 *
 * @param name the metric as the custom-metrics API serves it, e.g. {@code
 *     countly_requests_per_second}
 * @param averageValue the average per pod above which the autoscaler adds pods, e.g. {@code 50} or
 *     {@code 500m}
 */
public record CustomMetric(String name, String averageValue) {
  static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
  static final Pattern VALUE = Pattern.compile("[0-9]+(\\.[0-9]+)?(m|k|M|G)?");

  public CustomMetric {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new InvalidInputException(
          "metric", name, "a metric name such as countly_requests_per_second");
    }
    if (averageValue == null
        || !VALUE.matcher(averageValue).matches()
        || new Quantity(averageValue).getNumericalAmount().signum() <= 0) {
      throw new InvalidInputException(
          "averageValue", averageValue, "a positive quantity such as 50 or 500m");
    }
  }
}
