package io.cncfdemo.cli.kubectl;

import java.util.ArrayList;
import tools.jackson.databind.JsonNode;

/**
 * Writes a JSON tree byte for byte the way kubectl's {@code -o json} does (Go's {@code
 * json.MarshalIndent} with four spaces and a final newline): {@code <}, {@code >}, {@code &},
 * U+2028 and U+2029 escaped as {@code \\u003c} ..., control characters as {@code \\n}, {@code \\t},
 * {@code \\u001b} .... Objects keep their order, or are sorted by key as Go sorts the keys of a map
 * (kubectl prints objects it read from a server as maps).
 */
public final class GoJson {
  private static final String INDENT = "    ";
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private GoJson() {}

  /** The tree with its objects' keys in their given order, as Go writes a typed object. */
  public static String write(JsonNode node) {
    return write(node, false);
  }

  /** The tree with its objects' keys sorted, as Go writes a map. */
  public static String writeSorted(JsonNode node) {
    return write(node, true);
  }

  private static String write(JsonNode node, boolean sortKeys) {
    var out = new StringBuilder();
    value(node, sortKeys, 0, out);
    return out.append('\n').toString();
  }

  private static void value(JsonNode node, boolean sortKeys, int depth, StringBuilder out) {
    if (node == null || node.isNull()) {
      out.append("null");
    } else if (node.isObject()) {
      var keys = new ArrayList<>(node.propertyNames());
      if (keys.isEmpty()) {
        out.append("{}");
        return;
      }
      if (sortKeys) {
        keys.sort(null);
      }
      out.append("{\n");
      for (int i = 0; i < keys.size(); i++) {
        out.append(INDENT.repeat(depth + 1));
        string(keys.get(i), out);
        out.append(": ");
        value(node.get(keys.get(i)), sortKeys, depth + 1, out);
        out.append(i < keys.size() - 1 ? ",\n" : "\n");
      }
      out.append(INDENT.repeat(depth)).append('}');
    } else if (node.isArray()) {
      if (node.isEmpty()) {
        out.append("[]");
        return;
      }
      out.append("[\n");
      int i = 0;
      for (var item : node.values()) {
        out.append(INDENT.repeat(depth + 1));
        value(item, sortKeys, depth + 1, out);
        out.append(++i < node.size() ? ",\n" : "\n");
      }
      out.append(INDENT.repeat(depth)).append(']');
    } else if (node.isString()) {
      string(node.stringValue(), out);
    } else if (node.isBoolean()) {
      out.append(node.booleanValue());
    } else if (node.isIntegralNumber()) {
      out.append(node.numberValue());
    } else if (node.isNumber()) {
      out.append(goFloat(node.doubleValue()));
    } else {
      string(node.asString(), out);
    }
  }

  /** Go's JSON string escaping with HTML escaping on, which kubectl leaves on. */
  static void string(String text, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '<', '>', '&', '\u2028', '\u2029' -> unicode(c, out);
        default -> {
          if (c < 0x20 || Character.isSurrogate(c) && !validSurrogatePair(text, i)) {
            unicode(Character.isSurrogate(c) ? '\ufffd' : c, out);
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  private static boolean validSurrogatePair(String text, int i) {
    char c = text.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
    }
    return i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
  }

  private static void unicode(char c, StringBuilder out) {
    if (c == '\ufffd') {
      out.append('\ufffd');
      return;
    }
    out.append("\\u")
        .append(HEX[c >> 12 & 0xF])
        .append(HEX[c >> 8 & 0xF])
        .append(HEX[c >> 4 & 0xF])
        .append(HEX[c & 0xF]);
  }

  /**
   * Go's float formatting in JSON: plain between 1e-6 and 1e21, else an exponent without leading
   * zeros.
   */
  private static String goFloat(double value) {
    double abs = Math.abs(value);
    if (abs != 0 && (abs < 1e-6 || abs >= 1e21)) {
      var formatted = GoYaml.goFloat(value);
      return formatted.replaceAll("e([-+])0(\\d)", "e$1$2");
    }
    return new java.math.BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
  }
}
