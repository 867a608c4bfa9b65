package io.cncfdemo.it.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks a rendered report's DOM against the report's JSON: every figure shown carries the JSON's
 * number.
 */
final class ReportDom {
  private static final Pattern FIGURE =
      Pattern.compile("data-figure=\"([^\"]+)\" data-value=\"([^\"]+)\"");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private ReportDom() {}

  /**
   * Asserts every {@code data-figure}/{@code data-value} pair of {@code dom} against {@code json};
   * returns how many.
   */
  static int assertFiguresEqualJson(String dom, String json) {
    var root = JSON.readTree(json);
    var matcher = FIGURE.matcher(dom);
    int checked = 0;
    while (matcher.find()) {
      var path = matcher.group(1);
      var shown = new BigDecimal(matcher.group(2));
      assertThat(shown)
          .as("the figure %s shown in the page", path)
          .isEqualByComparingTo(value(root, path));
      checked++;
    }
    return checked;
  }

  /**
   * The number at a dotted path such as {@code http.latency.p99Ms} or {@code chaos.0.atSeconds}.
   */
  private static BigDecimal value(JsonNode root, String path) {
    var parts = path.split("\\.");
    if (parts[parts.length - 1].equals("total")) {
      var node = walk(root, parts, parts.length - 1);
      var sum = BigDecimal.ZERO;
      for (var field : node.properties()) {
        sum = sum.add(field.getValue().decimalValue());
      }
      return sum;
    }
    var node = walk(root, parts, parts.length);
    assertThat(node.isNumber()).as("%s is a number in the JSON, was %s", path, node).isTrue();
    return node.decimalValue();
  }

  private static JsonNode walk(JsonNode root, String[] parts, int count) {
    var node = root;
    for (int i = 0; i < count; i++) {
      node = parts[i].matches("\\d+") ? node.get(Integer.parseInt(parts[i])) : node.get(parts[i]);
      assertThat(node).as("%s in the JSON", String.join(".", parts)).isNotNull();
    }
    return node;
  }
}
