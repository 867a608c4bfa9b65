package io.cncfdemo.apps.internal;

import io.cncfdemo.support.Yaml;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Configuration files of the monitoring tools (prometheus.yml, Grafana provisioning and
 * dashboards), written from maps and lists by one serializer, never assembled as text.
 */
public final class ConfigFiles {
  private static final JsonMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private ConfigFiles() {}

  /** A YAML document without a leading {@code ---}. */
  public static String yaml(Object value) {
    return Yaml.document(value);
  }

  /** Indented JSON, e.g. a Grafana dashboard. */
  public static String json(Object value) {
    return JSON.writeValueAsString(value) + "\n";
  }
}
