package io.cncfdemo.azure;

import com.fasterxml.jackson.databind.JsonNode;
import io.cncfdemo.azure.fake.ArmFake;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything the fake holds for a cluster, by resource type: what is in its resource group (the
 * group included) and whatever else of its location is tagged {@code KubernetesCluster=<cluster>}.
 * Read from the fake's store, so every type it serves is listed (role assignments and record sets
 * too, which ARM's resource list leaves out), never from destroy's report.
 */
final class ClusterInventory {
  private ClusterInventory() {}

  static Map<String, List<String>> of(ArmFake fake, String cluster, String location) {
    var group = ("/resourceGroups/cncfdemo-" + cluster + "-" + location).toLowerCase(Locale.ROOT);
    var out = new TreeMap<String, List<String>>();
    for (Map.Entry<String, JsonNode> entry : fake.state().all().entrySet()) {
      var id = entry.getKey().toLowerCase(Locale.ROOT);
      var inGroup = id.contains(group + "/") || id.endsWith(group);
      var where = entry.getValue().path("location").asText("");
      var tagged =
          cluster.equals(entry.getValue().path("tags").path("KubernetesCluster").asText(null))
              && (where.equals(location) || where.equals("global") || where.isEmpty());
      if (inGroup || tagged) {
        out.computeIfAbsent(entry.getValue().path("type").asText(), t -> new ArrayList<>())
            .add(entry.getValue().path("name").asText());
      }
    }
    out.values().forEach(names -> names.sort(String::compareTo));
    return out;
  }

  static Map<String, Integer> counts(Map<String, List<String>> inventory) {
    var out = new TreeMap<String, Integer>();
    inventory.forEach((type, names) -> out.put(type, names.size()));
    return out;
  }

  /**
   * The inventory with the cluster's name, the random suffixes of scale-set members and the role
   * assignments' GUIDs (derived from the cluster's name) replaced, so that two clusters compare.
   */
  static Map<String, List<String>> normalized(Map<String, List<String>> inventory, String cluster) {
    var out = new TreeMap<String, List<String>>();
    inventory.forEach(
        (type, names) ->
            out.put(
                type,
                names.stream()
                    .map(
                        n ->
                            n.replace(cluster, "*")
                                .replaceAll("_[0-9a-f]{8}", "_#")
                                .replaceAll(
                                    "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$",
                                    "<guid>"))
                    .sorted()
                    .toList()));
    return out;
  }
}
