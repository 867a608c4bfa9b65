package io.cncfdemo.cli.kubectl;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Secret;
import java.util.Map;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * ConfigMaps and Secrets as kubectl's Go structs serialize them: {@code kind}, {@code apiVersion},
 * {@code metadata} (with {@code creationTimestamp: null}), then the fields in the struct's order,
 * empty maps left out.
 */
final class GoObjects {
  private GoObjects() {}

  static ObjectNode configMap(ConfigMap configMap) {
    var node = header(configMap.getKind(), configMap.getApiVersion(), configMap.getMetadata());
    putMap(node, "data", configMap.getData());
    putMap(node, "binaryData", configMap.getBinaryData());
    return node;
  }

  static ObjectNode secret(Secret secret) {
    var node = header(secret.getKind(), secret.getApiVersion(), secret.getMetadata());
    putMap(node, "data", secret.getData());
    if (secret.getType() != null && !secret.getType().isEmpty()) {
      node.put("type", secret.getType());
    }
    return node;
  }

  private static ObjectNode header(String kind, String apiVersion, ObjectMeta metadata) {
    var node = JsonNodeFactory.instance.objectNode();
    node.put("kind", kind);
    node.put("apiVersion", apiVersion);
    var meta = node.putObject("metadata");
    meta.put("name", metadata.getName());
    if (metadata.getNamespace() != null && !metadata.getNamespace().isEmpty()) {
      meta.put("namespace", metadata.getNamespace());
    }
    meta.putNull("creationTimestamp");
    return node;
  }

  private static void putMap(ObjectNode node, String field, Map<String, String> values) {
    if (values == null || values.isEmpty()) {
      return;
    }
    var map = node.putObject(field);
    new java.util.TreeMap<>(values).forEach(map::put);
  }
}
