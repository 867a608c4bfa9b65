package io.cncfdemo.cli.common;

import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The CLI's one JSON library, Jackson 3 (the one fabric8 uses): the results of {@code --output
 * json}, and Kubernetes objects as JSON trees through fabric8's serialization.
 */
public final class Json {
  private static final JsonMapper MAPPER =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
  private static final KubernetesSerialization KUBERNETES = new KubernetesSerialization();

  private Json() {}

  /** A value (record, map, list) as indented JSON with a final newline. */
  public static String write(Object value) {
    return MAPPER.writeValueAsString(value) + "\n";
  }

  /** Parses JSON text. */
  public static JsonNode read(String json) {
    return MAPPER.readTree(json);
  }

  /** A Kubernetes object (fabric8 model) as a JSON tree. */
  public static JsonNode tree(Object kubernetesObject) {
    return MAPPER.readTree(KUBERNETES.asJson(kubernetesObject));
  }

  /** fabric8's serialization, for YAML and JSON of Kubernetes objects. */
  public static KubernetesSerialization kubernetes() {
    return KUBERNETES;
  }

  public static JsonMapper mapper() {
    return MAPPER;
  }
}
