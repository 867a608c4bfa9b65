package io.cncfdemo.cluster;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cncfdemo.exception.InvalidInputException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SimulatedLoadTest {

  @Test
  void anOffer_needsAFiniteRateOfAtLeastZero_andAPositiveCostPerRequest() {
    assertThatCode(() -> SimulatedLoad.check(0, Duration.ofMillis(5))).doesNotThrowAnyException();
    assertThatThrownBy(() -> SimulatedLoad.check(-1, Duration.ofMillis(5)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("requestsPerSecond must be a finite number of at least 0, was \"-1.0\"");
    assertThatThrownBy(() -> SimulatedLoad.check(Double.NaN, Duration.ofMillis(5)))
        .hasMessage("requestsPerSecond must be a finite number of at least 0, was \"NaN\"");
    assertThatThrownBy(() -> SimulatedLoad.check(Double.POSITIVE_INFINITY, Duration.ofMillis(5)))
        .hasMessage("requestsPerSecond must be a finite number of at least 0, was \"Infinity\"");
    assertThatThrownBy(() -> SimulatedLoad.check(10, Duration.ZERO))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("cpuPerRequest must be a positive duration");
  }
}
