package io.cncfdemo.cli.kubectl;

import io.cncfdemo.cli.common.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Objects read from the API server as JSON trees, as kubectl prints them (without {@code
 * metadata.managedFields}).
 */
final class ApiObjects {
  private ApiObjects() {}

  static JsonNode tree(Object object) {
    return Json.tree(object);
  }

  static JsonNode withoutManagedFields(JsonNode node) {
    if (node.get("metadata") instanceof ObjectNode metadata) {
      metadata.remove("managedFields");
    }
    return node;
  }
}
