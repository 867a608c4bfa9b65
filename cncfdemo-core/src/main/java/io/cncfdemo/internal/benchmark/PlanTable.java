package io.cncfdemo.internal.benchmark;

import io.cncfdemo.benchmark.ComparedPlan;
import io.cncfdemo.benchmark.PlanComparison;
import io.cncfdemo.cluster.ProvisioningPlan;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A {@link PlanComparison} as a text table: one provider a row (target, resources, USD per hour and
 * month, per million requests when there is a report, the resource that costs most), a provider
 * without a plan with its reason, then where each price comes from.
 */
public final class PlanTable {
  private static final String NONE = "-";

  private PlanTable() {}

  public static String render(PlanComparison comparison) {
    boolean perRequest = comparison.report().isPresent();
    var header =
        new ArrayList<>(List.of("PROVIDER", "TARGET", "RESOURCES", "USD/HOUR", "USD/MONTH"));
    if (perRequest) {
      header.add("USD/1M REQUESTS");
    }
    header.add("LARGEST COST");
    var rows = new ArrayList<List<String>>();
    for (var plan : comparison.plans()) {
      rows.add(plan.plan().isPresent() ? row(plan, plan.plan().get(), perRequest) : List.of());
    }
    var widths = new int[header.size()];
    for (int c = 0; c < widths.length; c++) {
      widths[c] = header.get(c).length();
      for (var row : rows) {
        if (!row.isEmpty()) {
          widths[c] = Math.max(widths[c], row.get(c).length());
        }
      }
    }
    widths[0] =
        Math.max(
            widths[0],
            comparison.plans().stream().mapToInt(p -> p.provider().length()).max().orElse(0));
    var out = new StringBuilder();
    line(out, header, widths);
    for (int r = 0; r < rows.size(); r++) {
      var plan = comparison.plans().get(r);
      if (rows.get(r).isEmpty()) {
        out.append(pad(plan.provider(), widths[0]))
            .append("  ")
            .append(plan.unavailable().orElse(NONE))
            .append('\n');
      } else {
        line(out, rows.get(r), widths);
      }
    }
    out.append('\n');
    comparison
        .report()
        .ifPresent(
            report ->
                out.append(
                    String.format(
                        Locale.ROOT,
                        "USD/1M REQUESTS: the hourly cost per million requests at %,.1f requests/s,"
                            + " the throughput of benchmark run %s (%s)%n",
                        report.http().orElseThrow().requestsPerSecond(),
                        report.metadata().name(),
                        report.metadata().target())));
    for (var plan : comparison.plans()) {
      plan.plan()
          .ifPresent(
              p ->
                  out.append("prices of ")
                      .append(plan.provider())
                      .append(": ")
                      .append(p.priceSource())
                      .append('\n'));
    }
    return out.toString();
  }

  private static List<String> row(
      ComparedPlan compared, ProvisioningPlan plan, boolean perRequest) {
    var row = new ArrayList<String>();
    row.add(compared.provider());
    row.add(plan.target());
    row.add(Integer.toString(plan.resources().size()));
    row.add(usd(plan.hourlyCostUsd(), 4));
    row.add(usd(plan.monthlyCostUsd(), 2));
    if (perRequest) {
      row.add(compared.usdPerMillionRequests().map(value -> usd(value, 4)).orElse(NONE));
    }
    row.add(
        compared
            .largestCost()
            .map(resource -> resource.kind() + " " + resource.name() + ": " + resource.detail())
            .orElse(NONE));
    return row;
  }

  private static String usd(BigDecimal value, int scale) {
    return value.setScale(scale, RoundingMode.HALF_UP).toPlainString();
  }

  private static void line(StringBuilder out, List<String> cells, int[] widths) {
    for (int c = 0; c < cells.size(); c++) {
      boolean last = c == cells.size() - 1;
      boolean number = c >= 2 && !last;
      var cell = cells.get(c);
      out.append(number ? padLeft(cell, widths[c]) : last ? cell : pad(cell, widths[c]));
      out.append(last ? "\n" : "  ");
    }
  }

  private static String pad(String text, int width) {
    return text + " ".repeat(Math.max(0, width - text.length()));
  }

  private static String padLeft(String text, int width) {
    return " ".repeat(Math.max(0, width - text.length())) + text;
  }
}
