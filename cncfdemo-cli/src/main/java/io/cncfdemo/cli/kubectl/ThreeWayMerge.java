package io.cncfdemo.cli.kubectl;

import io.cncfdemo.cli.common.Json;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON merge patch of a client-side apply, as kubectl computes it: fields of the last applied
 * configuration that the new one drops are deleted, fields of the new configuration that differ
 * from the live object are set. A list that differs is replaced whole (a JSON merge patch has no
 * strategic list merging).
 */
final class ThreeWayMerge {
  private ThreeWayMerge() {}

  /** The patch; empty when the live object already is as wanted. */
  static ObjectNode patch(JsonNode original, JsonNode modified, JsonNode current) {
    var patch = Json.mapper().createObjectNode();
    if (original != null && original.isObject()) {
      for (var name : original.propertyNames()) {
        if (!modified.has(name)) {
          patch.putNull(name);
        }
      }
    }
    for (var name : modified.propertyNames()) {
      var wanted = modified.get(name);
      var live = current == null ? null : current.get(name);
      if (wanted.isObject() && live != null && live.isObject()) {
        var nested = patch(original == null ? null : original.get(name), wanted, live);
        if (!nested.isEmpty()) {
          patch.set(name, nested);
        }
      } else if (differs(wanted, live)) {
        patch.set(name, wanted);
      }
    }
    return patch;
  }

  /**
   * Whether the live value lacks something the wanted one says: a field of an object, an element of
   * a list of the same length (compared the same way, so fields the server defaulted in list
   * elements do not count), or a value.
   */
  static boolean differs(JsonNode wanted, JsonNode live) {
    if (live == null) {
      return true;
    }
    if (wanted.isObject() && live.isObject()) {
      for (var name : wanted.propertyNames()) {
        if (differs(wanted.get(name), live.get(name))) {
          return true;
        }
      }
      return false;
    }
    if (wanted.isArray() && live.isArray() && wanted.size() == live.size()) {
      for (int i = 0; i < wanted.size(); i++) {
        if (differs(wanted.get(i), live.get(i))) {
          return true;
        }
      }
      return false;
    }
    return !Objects.equals(wanted, live);
  }
}
