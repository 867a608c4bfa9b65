package io.cncfdemo.benchmark;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import io.cncfdemo.cluster.ProvisioningPlan;
import io.cncfdemo.exception.InvalidInputException;
import io.cncfdemo.internal.ProviderRegistry;
import io.cncfdemo.internal.benchmark.CostCalculator;
import io.cncfdemo.internal.benchmark.PlanTable;
import io.cncfdemo.internal.benchmark.html.PlanComparisonPage;
import io.cncfdemo.support.Check;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The same cluster planned on several providers, side by side: each plan's resources, its hourly
 * and monthly cost, and, {@linkplain #report given a benchmark report}, what a million requests
 * cost at that report's throughput. A provider that made no plan keeps its column with the reason
 * ({@link #absent}, {@link #unavailable}). Plans have no side effects, so neither has this.
 *
 * <pre>{@code
 * Comparison.ofPlans(
 *         Cluster.on(local()).minions(3).plan(), Cluster.on(aws()).minions(3).plan())
 *     .report(BenchmarkReport.read(run))
 *     .saveHtml(Path.of("plans.html"));
 * }</pre>
 */
public final class PlanComparison {
  private final List<ComparedPlan> plans;
  private final Optional<BenchmarkReport> report;

  private PlanComparison(List<ComparedPlan> plans, Optional<BenchmarkReport> report) {
    this.plans = List.copyOf(plans);
    this.report = report;
  }

  /** Made by {@link Comparison#ofPlans}. */
  static PlanComparison of(List<ProvisioningPlan> plans) {
    Check.notNull("plans", plans, "one or more plans");
    Check.between("plans", plans.size(), 1, Comparison.MAX_REPORTS);
    var compared = new ArrayList<ComparedPlan>();
    for (int i = 0; i < plans.size(); i++) {
      var plan = Check.notNull("plans[" + i + "]", plans.get(i), "a plan");
      compared.add(
          new ComparedPlan(plan.provider(), Optional.of(plan), Optional.empty(), Optional.empty()));
    }
    return new PlanComparison(compared, Optional.empty());
  }

  /** The same comparison with a column for a provider that made no plan, saying why. */
  public PlanComparison unavailable(String provider, String reason) {
    Check.notBlank("provider", provider);
    Check.notBlank("reason", reason);
    Check.between("plans", plans.size() + 1, 1, Comparison.MAX_REPORTS);
    var more = new ArrayList<>(plans);
    more.add(new ComparedPlan(provider, Optional.empty(), Optional.of(reason), Optional.empty()));
    return new PlanComparison(more, report);
  }

  /**
   * The same comparison with a column for a provider the project publishes that is not on the class
   * path, naming the artifact that adds it.
   */
  public PlanComparison absent(String provider) {
    var artifact = ProviderRegistry.KNOWN_ARTIFACTS.get(provider);
    if (artifact == null) {
      throw new InvalidInputException(
          "provider",
          provider,
          "one of the providers the project publishes, "
              + String.join(
                  ", ", ProviderRegistry.KNOWN_ARTIFACTS.keySet().stream().sorted().toList()));
    }
    return unavailable(provider, "not on the class path: add io.cncfdemo:" + artifact);
  }

  /**
   * The same comparison with each plan's cost per million requests at this report's throughput (its
   * HTTP requests per second), as if each cluster served that load.
   */
  public PlanComparison report(BenchmarkReport report) {
    Check.notNull("report", report, "a benchmark report");
    var throughput =
        report
            .http()
            .map(HttpFigures::requestsPerSecond)
            .filter(rate -> rate > 0)
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        "report",
                        report.metadata().name(),
                        "a report with HTTP figures (a benchmark that sent HTTP load)"));
    var priced = new ArrayList<ComparedPlan>();
    for (var plan : plans) {
      priced.add(
          new ComparedPlan(
              plan.provider(),
              plan.plan(),
              plan.unavailable(),
              plan.hourlyCostUsd().map(hourly -> CostCalculator.perMillion(hourly, throughput))));
    }
    return new PlanComparison(priced, Optional.of(report));
  }

  /** The columns, in the order the plans were given. */
  public List<ComparedPlan> plans() {
    return plans;
  }

  /** The report the costs per million requests come from, when there is one. */
  public Optional<BenchmarkReport> report() {
    return report;
  }

  /** The comparison as a text table for a terminal, one provider a row. */
  public String toText() {
    return PlanTable.render(this);
  }

  /** The comparison as one HTML page: no script, no external file. */
  public String toHtml() {
    return PlanComparisonPage.render(this);
  }

  /** Writes {@link #toHtml()} to {@code file}, creating its directory; returns the file. */
  @CanIgnoreReturnValue
  public Path saveHtml(Path file) {
    return BenchmarkReport.write(file, toHtml());
  }
}
