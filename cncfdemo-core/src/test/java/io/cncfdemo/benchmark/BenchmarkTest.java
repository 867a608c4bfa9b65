package io.cncfdemo.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.cncfdemo.Cluster;
import io.cncfdemo.Providers;
import io.cncfdemo.cluster.ClusterSpec;
import io.cncfdemo.cluster.FakeClusterProvider;
import io.cncfdemo.cluster.PlannedResource;
import io.cncfdemo.cluster.ProvisioningPlan;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The engine without timing: a load source that fails, and the price of a run. */
class BenchmarkTest {

  @Test
  void aLoadSourceThatFails_isLeftOut_andTheNotesSayWhy() {
    var report =
        Benchmark.of(
                new LoadSource() {
                  @Override
                  public String describe() {
                    return "a broken source";
                  }

                  @Override
                  public HttpFigures run(HttpLoad load, LoadContext context) {
                    throw new io.cncfdemo.exception.CncfDemoException("no route to the target");
                  }
                })
            .chaos(Chaos.of("nothing", () -> {}))
            .run();

    assertThat(report.http()).isEmpty();
    assertThat(report.notes())
        .containsExactly(
            "HTTP benchmark left out: no route to the target",
            "chaos \"nothing\" struck after the HTTP load failed: only the replacement of what it"
                + " hit is timed");
    assertThat(report.chaos())
        .singleElement()
        .satisfies(event -> assertThat(event.throughputRecoverySeconds()).isEmpty());
  }

  @Test
  void aClustersRun_isPricedByTheProviderThatCreatedIt_notByTheOneOnTheClassPath() {
    var custom =
        new FakeClusterProvider() {
          @Override
          public ProvisioningPlan plan(ClusterSpec spec) {
            return new ProvisioningPlan(
                name(),
                spec.target().describe(),
                spec.name(),
                List.of(new PlannedResource("machine", "custom", "1 node", new BigDecimal("7.20"))),
                "custom prices");
          }
        };
    try (var cluster = Cluster.on(Providers.named("fake")).named("priced").using(custom).create()) {
      var report =
          Benchmark.of(cluster).withoutControlPlane().chaos(Chaos.of("nothing", () -> {})).run();

      var cost = report.cost().orElseThrow();
      assertThat(cost.priceSource()).isEqualTo("custom prices");
      assertThat(cost.hourlyUsd()).isEqualByComparingTo("7.20");
      assertThat(report.metadata().clusterName()).hasValue("priced");
    }
  }
}
