package io.cncfdemo.internal.benchmark.html;

import io.cncfdemo.benchmark.ComparedPlan;
import io.cncfdemo.benchmark.PlanComparison;
import io.cncfdemo.cluster.ProvisioningPlan;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A {@link PlanComparison} as one HTML page: the providers side by side (cost per hour and month,
 * per million requests when there is a report, the cheapest marked), then each plan's resources.
 */
public final class PlanComparisonPage {
  private PlanComparisonPage() {}

  public static String render(PlanComparison comparison) {
    var plans = comparison.plans();
    var body = new Html();
    body.open("section", "id", "plans").element("h2", "Side by side");
    body.element(
        "p",
        "★ marks the lowest cost among the providers that made a plan. Plans have no side effects:"
            + " nothing was created to make them.",
        "class",
        "note");
    body.open("table", "id", "plan-table").open("thead").open("tr").element("th", "");
    plans.forEach(plan -> body.element("th", plan.provider()));
    body.close("tr").close("thead").open("tbody");
    text(body, "target", plans, plan -> plan.target());
    text(body, "resources", plans, plan -> Integer.toString(plan.resources().size()));
    money(body, "USD per hour", "hourly", plans, ComparedPlan::hourlyCostUsd);
    money(body, "USD per month", "monthly", plans, ComparedPlan::monthlyCostUsd);
    comparison
        .report()
        .ifPresent(
            report ->
                money(
                    body,
                    "USD per million requests at "
                        + Format.number(report.http().orElseThrow().requestsPerSecond())
                        + " requests/s ("
                        + report.metadata().name()
                        + ")",
                    "per-million-requests",
                    plans,
                    ComparedPlan::usdPerMillionRequests));
    text(body, "prices", plans, ProvisioningPlan::priceSource);
    body.close("tbody").close("table").close("section");
    for (var plan : plans) {
      plan.plan().ifPresent(p -> resources(body, p));
    }
    return Page.of(
        "Plans compared: "
            + plans.stream().map(ComparedPlan::provider).collect(Collectors.joining(" vs ")),
        plans.size() + " providers",
        body.toString());
  }

  private interface Cell {
    String of(ProvisioningPlan plan);
  }

  private interface Money {
    Optional<BigDecimal> of(ComparedPlan plan);
  }

  private static void text(Html body, String label, List<ComparedPlan> plans, Cell cell) {
    body.open("tr").element("th", label);
    for (var plan : plans) {
      if (plan.plan().isPresent()) {
        body.element("td", cell.of(plan.plan().get()));
      } else {
        body.element("td", plan.unavailable().orElse(""), "class", "unavailable");
      }
    }
    body.close("tr");
  }

  private static void money(
      Html body, String label, String figure, List<ComparedPlan> plans, Money money) {
    var lowest =
        plans.stream().map(money::of).flatMap(Optional::stream).min(Comparator.naturalOrder());
    body.open("tr", "data-figure-name", figure).element("th", label);
    for (var plan : plans) {
      var value = money.of(plan);
      if (value.isPresent()) {
        boolean best = lowest.isPresent() && value.get().compareTo(lowest.get()) == 0;
        body.element(
            "td",
            Format.usd(value.get()) + (best ? " ★" : ""),
            "class",
            best ? "num best" : "num",
            "data-provider",
            plan.provider(),
            "data-value",
            value.get().toPlainString());
      } else {
        body.element("td", "–", "class", "num", "data-provider", plan.provider());
      }
    }
    body.close("tr");
  }

  private static void resources(Html body, ProvisioningPlan plan) {
    body.open("section", "class", "plan", "data-provider", plan.provider())
        .element("h2", plan.provider() + ": " + plan.target())
        .open("table")
        .open("thead")
        .open("tr")
        .element("th", "kind")
        .element("th", "name")
        .element("th", "USD per hour", "class", "num")
        .element("th", "detail")
        .close("tr")
        .close("thead")
        .open("tbody");
    for (var resource : plan.resources()) {
      body.open("tr")
          .element("td", resource.kind())
          .element("td", resource.name())
          .element("td", Format.usd(resource.hourlyCostUsd()), "class", "num")
          .element("td", resource.detail())
          .close("tr");
    }
    body.close("tbody").close("table").close("section");
  }
}
