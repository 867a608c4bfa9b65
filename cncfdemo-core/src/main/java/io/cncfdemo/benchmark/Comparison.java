package io.cncfdemo.benchmark;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import io.cncfdemo.cluster.ProvisioningPlan;
import io.cncfdemo.internal.benchmark.ComparedFigures;
import io.cncfdemo.internal.benchmark.html.ComparisonPage;
import io.cncfdemo.support.Check;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Several benchmark runs side by side, e.g. the same demo on local, AWS and GCP: every figure they
 * have, the best per figure marked (lowest latency and cost, highest throughput), as one
 * self-contained HTML page. {@link #ofPlans} puts plans of the same cluster side by side instead
 * ({@link PlanComparison}).
 *
 * <pre>
 * {@code Comparison.of(BenchmarkReport.read(local), BenchmarkReport.read(aws)).saveHtml(Path.of("compare.html"));}
 * </pre>
 */
public final class Comparison {
  public static final int MAX_REPORTS = 12;
  private final List<BenchmarkReport> reports;

  private Comparison(List<BenchmarkReport> reports) {
    this.reports = reports;
  }

  /** The runs in this order (1 to {@value #MAX_REPORTS}). */
  public static Comparison of(BenchmarkReport... reports) {
    return of(Arrays.asList(Check.notNull("reports", reports, "one or more reports")));
  }

  /** The runs in this order (1 to {@value #MAX_REPORTS}). */
  public static Comparison of(List<BenchmarkReport> reports) {
    Check.notNull("reports", reports, "one or more reports");
    Check.between("reports", reports.size(), 1, MAX_REPORTS);
    for (int i = 0; i < reports.size(); i++) {
      Check.notNull("reports[" + i + "]", reports.get(i), "a report");
    }
    return new Comparison(List.copyOf(reports));
  }

  /**
   * The same cluster planned on several providers, side by side (1 to {@value #MAX_REPORTS} plans):
   * {@code Comparison.ofPlans(Cluster.on(local()).plan(), Cluster.on(aws()).plan())}.
   */
  public static PlanComparison ofPlans(ProvisioningPlan... plans) {
    return ofPlans(Arrays.asList(Check.notNull("plans", plans, "one or more plans")));
  }

  /** The same cluster planned on several providers, side by side, in this order. */
  public static PlanComparison ofPlans(List<ProvisioningPlan> plans) {
    return PlanComparison.of(plans);
  }

  public List<BenchmarkReport> reports() {
    return reports;
  }

  /** Every figure at least one run has, values in the runs' order. */
  public List<ComparedFigure> figures() {
    return ComparedFigures.of(reports);
  }

  /** The comparison as one HTML page: no script, no external file. */
  public String toHtml() {
    return ComparisonPage.render(reports, figures());
  }

  /** Writes {@link #toHtml()} to {@code file}, creating its directory; returns the file. */
  @CanIgnoreReturnValue
  public Path saveHtml(Path file) {
    return BenchmarkReport.write(file, toHtml());
  }
}
