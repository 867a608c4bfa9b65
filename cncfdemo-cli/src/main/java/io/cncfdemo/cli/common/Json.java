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
  private Json() {}

  /** A value (record, map, list) as indented JSON with a final newline. */
  public static String write(Object value) {
    return Mapper.MAPPER.writeValueAsString(value) + "\n";
  }

  /** Parses JSON text. */
  public static JsonNode read(String json) {
    return Mapper.MAPPER.readTree(json);
  }

  /** A Kubernetes object (fabric8 model) as a JSON tree. */
  public static JsonNode tree(Object kubernetesObject) {
    return Mapper.MAPPER.readTree(Kubernetes.SERIALIZATION.asJson(kubernetesObject));
  }

  /** fabric8's serialization, for YAML and JSON of Kubernetes objects. */
  public static KubernetesSerialization kubernetes() {
    return Kubernetes.SERIALIZATION;
  }

  public static JsonMapper mapper() {
    return Mapper.MAPPER;
  }

  // holders: each is built on first use, so a command that needs neither (create --dry-run=client)
  // starts without their set-up
  private static final class Mapper {
    static final JsonMapper MAPPER =
        JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
  }

  private static final class Kubernetes {
    static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
  }
}
