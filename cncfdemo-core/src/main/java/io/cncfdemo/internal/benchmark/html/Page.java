package io.cncfdemo.internal.benchmark.html;

/**
 * The frame of every page: doctype, inline style sheet, header and footer. One file, nothing
 * fetched.
 */
final class Page {
  private Page() {}

  static String of(String title, String subtitle, String body) {
    var page = new Html();
    page.raw("<!DOCTYPE html>").newline();
    page.open("html", "lang", "en").newline();
    page.open("head")
        .raw("<meta charset=\"utf-8\">")
        .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .raw("<meta name=\"generator\" content=\"cncfdemo\">")
        .element("title", title)
        .open("style")
        .raw(Styles.CSS)
        .close("style")
        .close("head")
        .newline();
    page.open("body");
    page.open("header")
        .element("h1", title)
        .element("p", subtitle, "class", "subtitle")
        .close("header")
        .newline();
    page.open("main").raw(body).close("main").newline();
    page.open("footer")
        .text(
            "cncfdemo benchmark report, schemaVersion "
                + io.cncfdemo.benchmark.BenchmarkReport.SCHEMA_VERSION
                + ". One self-contained file: no script, no font or style sheet fetched.")
        .close("footer");
    page.close("body").close("html").newline();
    return page.toString();
  }

  /**
   * A table cell with a figure: shown rounded, exact in {@code data-value}, its JSON path in {@code
   * data-figure}.
   */
  static void figure(Html html, String path, double value) {
    html.element(
        "td",
        Format.number(value),
        "class",
        "num",
        "data-figure",
        path,
        "data-value",
        Format.exact(value));
  }

  /** A row of a two-column table: a label and a text. */
  static void row(Html html, String label, String text) {
    html.open("tr").element("th", label).element("td", text).close("tr");
  }

  /** A card of the summary: a label and a figure. */
  static void card(Html html, String label, String path, double value, String unit) {
    card(
        html,
        label,
        path,
        Format.exact(value),
        Format.number(value) + (unit.isEmpty() ? "" : " " + unit));
  }

  /** A card of the summary: a label and a count. */
  static void card(Html html, String label, String path, long count) {
    card(html, label, path, Long.toString(count), Format.count(count));
  }

  /** A card of the summary: a label, the exact value and the value as shown. */
  static void card(Html html, String label, String path, String exact, String shown) {
    html.open("div", "class", "card")
        .element("div", label, "class", "label")
        .element("div", shown, "class", "value", "data-figure", path, "data-value", exact)
        .close("div");
  }
}
