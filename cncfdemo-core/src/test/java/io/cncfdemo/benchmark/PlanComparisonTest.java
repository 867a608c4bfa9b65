package io.cncfdemo.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cncfdemo.cluster.PlannedResource;
import io.cncfdemo.cluster.ProvisioningPlan;
import io.cncfdemo.exception.InvalidInputException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plans of one cluster on several providers, side by side, priced per hour and per request. */
class PlanComparisonTest {
  @TempDir Path directory;

  private static final ProvisioningPlan LOCAL =
      new ProvisioningPlan(
          "local",
          "local()",
          "demo",
          List.of(PlannedResource.free("process", "kube-apiserver", "v1.35.4")),
          "your own machine: no charge");

  private static final ProvisioningPlan CLOUD =
      new ProvisioningPlan(
          "aws",
          "aws().region(\"us-west-2\")",
          "demo",
          List.of(
              PlannedResource.free("VPC", "demo", "10.0.0.0/16"),
              new PlannedResource(
                  "AutoScalingGroup", "demo-minions", "3 x t3.medium", new BigDecimal("3.00")),
              new PlannedResource("EBSVolume", "demo-root", "3 x 20 GiB", new BigDecimal("0.24"))),
          "AWS on-demand prices, us-west-2, 2026-11-01");

  @Test
  void plans_sideBySide_withTheirCosts_andTheProvidersThatMadeNone() {
    var comparison =
        Comparison.ofPlans(LOCAL, CLOUD).absent("gcp").unavailable("baremetal", "needs --hosts");

    assertThat(comparison.plans())
        .extracting(ComparedPlan::provider)
        .containsExactly("local", "aws", "gcp", "baremetal");
    assertThat(comparison.plans().get(1).hourlyCostUsd()).contains(new BigDecimal("3.24"));
    assertThat(comparison.plans().get(1).largestCost().orElseThrow().name())
        .isEqualTo("demo-minions");
    assertThat(comparison.plans().get(0).largestCost()).isEmpty();
    assertThat(comparison.toText())
        .isEqualTo(
            """
            PROVIDER   TARGET                     RESOURCES  USD/HOUR  USD/MONTH  LARGEST COST
            local      local()                            1    0.0000       0.00  -
            aws        aws().region("us-west-2")          3    3.2400    2365.20  AutoScalingGroup demo-minions: 3 x t3.medium
            gcp        not on the class path: add io.cncfdemo:cncfdemo-provider-gcp
            baremetal  needs --hosts

            prices of local: your own machine: no charge
            prices of aws: AWS on-demand prices, us-west-2, 2026-11-01
            """);
  }

  @Test
  void givenAReport_eachPlanCostsPerMillionRequests_atItsThroughput() {
    // 900 requests/s for an hour: 3.24 million requests; the cloud plan costs 3.24 USD an hour
    var comparison =
        Comparison.ofPlans(List.of(LOCAL, CLOUD)).report(SampleReports.of("aws run", "aws", 1));

    assertThat(comparison.plans().get(1).usdPerMillionRequests())
        .hasValueSatisfying(value -> assertThat(value).isEqualByComparingTo("1"));
    assertThat(comparison.plans().get(0).usdPerMillionRequests())
        .hasValueSatisfying(value -> assertThat(value).isEqualByComparingTo("0"));
    assertThat(comparison.toText())
        .contains(
            "USD/HOUR  USD/MONTH  USD/1M REQUESTS  LARGEST COST",
            "3.2400    2365.20           1.0000  AutoScalingGroup",
            "USD/1M REQUESTS: the hourly cost per million requests at 900.0 requests/s, the"
                + " throughput of benchmark run aws run (aws())");
  }

  @Test
  void html_marksTheCheapest_andListsEveryResource() throws Exception {
    var file =
        Comparison.ofPlans(LOCAL, CLOUD)
            .absent("azure")
            .report(SampleReports.of("aws run", "aws", 1))
            .saveHtml(directory.resolve("out/plans.html"));

    var html = Files.readString(file);
    assertThat(html)
        .contains(
            "<title>Plans compared: local vs aws vs azure</title>",
            "<td class=\"num best\" data-provider=\"local\" data-value=\"0\">$0.00 ★</td>",
            "data-provider=\"aws\" data-value=\"3.24\">$3.24</td>",
            "not on the class path: add io.cncfdemo:cncfdemo-provider-azure",
            "<td>AutoScalingGroup</td><td>demo-minions</td>",
            "aws().region(&quot;us-west-2&quot;)")
        .doesNotContain("<script");
  }

  @Test
  void badInput_isRefused_sayingWhatIsAllowed() {
    assertThatThrownBy(() -> Comparison.ofPlans(LOCAL).absent("nowhere"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "provider must be one of the providers the project publishes, aws, azure, baremetal,"
                + " gcp, local, was \"nowhere\"");
    assertThatThrownBy(() -> Comparison.ofPlans(List.of()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("plans must be between 1 and 12, was 0");
    var withoutHttp =
        new BenchmarkReport(
            BenchmarkReport.SCHEMA_VERSION,
            SampleReports.of("control plane only", "local", 1).metadata(),
            Optional.empty(),
            Optional.empty(),
            List.of(),
            Optional.empty(),
            List.of());
    assertThatThrownBy(() -> Comparison.ofPlans(LOCAL).report(withoutHttp))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "report must be a report with HTTP figures (a benchmark that sent HTTP load), was"
                + " \"control plane only\"");
  }
}
