package io.cncfdemo.cli.kubectl;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * Prints a server-side {@code Table} as {@code kubectl get} does: upper-case headers, columns of
 * priority 0 (all with {@code -o wide}), a NAMESPACE column with {@code -A}, cells aligned as Go's
 * tabwriter aligns them (at least 6 wide, 3 spaces of padding, the last column unpadded).
 */
final class TablePrinter {
  private static final int MIN_WIDTH = 6;
  private static final int PADDING = 3;

  private TablePrinter() {}

  static String print(JsonNode table, boolean wide, boolean withNamespace) {
    var definitions = table.path("columnDefinitions");
    var columns = new ArrayList<Integer>();
    var header = new ArrayList<String>();
    if (withNamespace) {
      header.add("NAMESPACE");
    }
    for (int i = 0; i < definitions.size(); i++) {
      if (wide || definitions.get(i).path("priority").asInt(0) == 0) {
        columns.add(i);
        header.add(definitions.get(i).path("name").asString("").toUpperCase(Locale.ROOT));
      }
    }
    var rows = new ArrayList<List<String>>();
    rows.add(header);
    for (var row : table.path("rows")) {
      var cells = new ArrayList<String>();
      if (withNamespace) {
        cells.add(row.path("object").path("metadata").path("namespace").asString(""));
      }
      for (int column : columns) {
        cells.add(cell(row.path("cells").get(column)));
      }
      rows.add(cells);
    }
    return align(rows);
  }

  private static String cell(JsonNode value) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return "<nil>";
    }
    if (value.isString()) {
      var text = value.stringValue();
      int cut = indexOfAny(text, "\f\n\r");
      return cut < 0 ? text : text.substring(0, cut) + "...";
    }
    if (value.isIntegralNumber()) {
      return value.numberValue().toString();
    }
    return value.toString();
  }

  private static int indexOfAny(String text, String characters) {
    for (int i = 0; i < text.length(); i++) {
      if (characters.indexOf(text.charAt(i)) >= 0) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Go's tabwriter over cells separated by tabs: each column but the last padded to its widest cell
   * plus 3.
   */
  static String align(List<List<String>> rows) {
    int columns = rows.stream().mapToInt(List::size).max().orElse(0);
    var widths = new int[columns];
    for (var row : rows) {
      for (int i = 0; i < row.size() - 1; i++) {
        widths[i] =
            Math.max(
                widths[i],
                Math.max(MIN_WIDTH, row.get(i).codePointCount(0, row.get(i).length()) + PADDING));
      }
    }
    var out = new StringBuilder();
    for (var row : rows) {
      for (int i = 0; i < row.size(); i++) {
        var cell = row.get(i);
        out.append(cell);
        if (i < row.size() - 1) {
          out.append(" ".repeat(widths[i] - cell.codePointCount(0, cell.length())));
        }
      }
      out.append('\n');
    }
    return out.toString();
  }
}
