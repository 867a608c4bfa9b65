package io.cncfdemo.internal.benchmark.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.cncfdemo.benchmark.IntervalSample;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The error spike and the recovery of throughput, read off the figures over time. */
class ChaosAnalysisTest {

  private static List<IntervalSample> timeline(double[] rps, double[] errors) {
    var samples = new ArrayList<IntervalSample>();
    for (int i = 0; i < rps.length; i++) {
      samples.add(IntervalSample.throughput(i, rps[i], errors[i]));
    }
    return samples;
  }

  @Test
  void recovery_isTheFirstIntervalBackAtNinetyPercentWithoutErrors() {
    var samples =
        timeline(
            new double[] {100, 100, 100, 100, 60, 95, 100, 100},
            new double[] {0, 0, 0, 0, 40, 10, 0, 0});

    var outcome = ChaosAnalysis.of(samples, 3.5);

    assertThat(outcome.baseline()).hasValue(100);
    assertThat(outcome.errorsAfter()).isEqualTo(50);
    assertThat(outcome.peakErrorsPerSecond()).isEqualTo(40);
    assertThat(outcome.recoverySeconds()).hasValue(2.5);
  }

  @Test
  void noRecoveryBeforeTheEnd_orNoLoad_isEmpty() {
    var samples = timeline(new double[] {100, 100, 10, 10}, new double[] {0, 0, 10, 10});
    assertThat(ChaosAnalysis.of(samples, 2).recoverySeconds()).isEmpty();
    assertThat(ChaosAnalysis.of(samples, 2).errorsAfter()).isEqualTo(20);
    assertThat(ChaosAnalysis.of(List.of(), 2).baseline()).isEmpty();
  }
}
