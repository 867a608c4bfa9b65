package io.cncfdemo.apps.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Ordered maps for configuration files, so that generated files read in the order their formats
 * document.
 */
public final class Maps {
  private Maps() {}

  /**
   * A map of alternating keys and values, in that order: {@code of("job_name", "pods",
   * "honor_labels", true)}.
   */
  public static Map<String, Object> of(Object... keysAndValues) {
    if (keysAndValues.length % 2 != 0) {
      throw new IllegalArgumentException(
          "keys and values come in pairs, got " + keysAndValues.length + " items");
    }
    var map = new LinkedHashMap<String, Object>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }
}
