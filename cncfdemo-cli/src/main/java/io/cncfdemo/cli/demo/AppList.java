package io.cncfdemo.cli.demo;

import static io.cncfdemo.apps.Apps.boinc;
import static io.cncfdemo.apps.Apps.countly;
import static io.cncfdemo.apps.Apps.grafana;
import static io.cncfdemo.apps.Apps.mongo;
import static io.cncfdemo.apps.Apps.mongoSharded;
import static io.cncfdemo.apps.Apps.prometheus;
import static io.cncfdemo.apps.Apps.pushgateway;

import io.cncfdemo.cli.common.UsageException;
import io.cncfdemo.component.Component;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code --apps countly,mongo-sharded=3,boinc}: the sample applications by name, each with an
 * optional {@code =VALUE} (shards of {@code mongo-sharded}, the URI of {@code mongo}).
 */
public final class AppList {
  /** The demo of {@code cncfdemo start} without {@code --apps}. */
  public static final String DEFAULT = "countly,mongo-sharded=3,boinc";

  /** The names {@code --apps} knows. */
  public static final String KNOWN =
      "countly, mongo-sharded[=SHARDS], mongo=URI, boinc, prometheus, pushgateway, grafana";

  private AppList() {}

  /**
   * The components the list names, in its order; an unknown name is a usage error listing the known
   * ones.
   */
  public static List<Component> parse(String list) {
    var components = new ArrayList<Component>();
    for (var item : list.split(",")) {
      var entry = item.strip();
      if (entry.isEmpty()) {
        continue;
      }
      int equals = entry.indexOf('=');
      var name = equals < 0 ? entry : entry.substring(0, equals);
      var value = equals < 0 ? null : entry.substring(equals + 1);
      components.add(component(name, value));
    }
    if (components.isEmpty()) {
      throw new UsageException("--apps names no application; known: " + KNOWN);
    }
    return components;
  }

  private static Component component(String name, String value) {
    return switch (name) {
      case "countly" -> noValue(name, value, countly());
      case "mongo-sharded" -> mongoSharded(value == null ? 3 : shards(value));
      case "mongo" -> mongo(required(name, value, "URI"));
      case "boinc" -> noValue(name, value, boinc());
      case "prometheus" -> noValue(name, value, prometheus());
      case "pushgateway" -> noValue(name, value, pushgateway());
      case "grafana" -> noValue(name, value, grafana());
      default ->
          throw new UsageException("unknown application '" + name + "' in --apps; known: " + KNOWN);
    };
  }

  private static Component noValue(String name, String value, Component component) {
    if (value != null) {
      throw new UsageException("--apps: " + name + " takes no value, was " + name + "=" + value);
    }
    return component;
  }

  private static String required(String name, String value, String what) {
    if (value == null || value.isBlank()) {
      throw new UsageException("--apps: " + name + " needs a value, as " + name + "=" + what);
    }
    return value;
  }

  private static int shards(String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new UsageException(
          "--apps: mongo-sharded=SHARDS needs a whole number of shards, was " + value);
    }
  }
}
