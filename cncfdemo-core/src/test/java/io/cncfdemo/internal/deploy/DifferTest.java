package io.cncfdemo.internal.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DifferTest {

  @Test
  void equalTrees_haveNoDifferences() {
    var tree = Map.of("spec", Map.of("replicas", 2, "ports", List.of(Map.of("port", 80))));

    assertThat(Differ.differences(tree, Map.copyOf(tree))).isEmpty();
  }

  @Test
  void aChangedLeaf_isNamedByItsPath_withBothValues() {
    var before = Map.of("spec", Map.of("replicas", 2, "selector", Map.of("app", "web")));
    var after = Map.of("spec", Map.of("replicas", 3, "selector", Map.of("app", "web")));

    assertThat(Differ.differences(before, after)).containsExactly("spec.replicas: 2 -> 3");
  }

  @Test
  void addedAndRemovedFields_showNull_onTheSideWithoutThem_inPathOrder() {
    var before =
        new LinkedHashMap<String, Object>(
            Map.of("metadata", Map.of("labels", Map.of("tier", "front"))));
    var after =
        new LinkedHashMap<String, Object>(
            Map.of("metadata", Map.of("labels", Map.of("app", "web"))));

    assertThat(Differ.differences(before, after))
        .containsExactly("metadata.labels.app: null -> web", "metadata.labels.tier: front -> null");
  }

  @Test
  void listsOfTheSameLength_areComparedItemByItem_othersAsAWhole() {
    var before = Map.of("ports", List.of(Map.of("port", 80), Map.of("port", 443)));
    var after = Map.of("ports", List.of(Map.of("port", 80), Map.of("port", 8443)));
    var longer = Map.of("ports", List.of(80, 443, 8080));

    assertThat(Differ.differences(before, after)).containsExactly("ports[1].port: 443 -> 8443");
    assertThat(Differ.differences(Map.of("ports", List.of(80, 443)), longer))
        .containsExactly("ports: [80, 443] -> [80, 443, 8080]");
  }

  @Test
  void longValues_areShortenedTo60Characters() {
    var before = Map.of("data", Map.of("script", "x".repeat(100)));
    var after = Map.of("data", Map.of("script", "y"));

    assertThat(Differ.differences(before, after))
        .singleElement()
        .asString()
        .isEqualTo("data.script: " + "x".repeat(57) + "... -> y");
  }
}
