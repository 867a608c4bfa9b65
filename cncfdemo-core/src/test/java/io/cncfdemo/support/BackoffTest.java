package io.cncfdemo.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cncfdemo.exception.InvalidInputException;
import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BackoffTest {
  private static final Backoff EXPONENTIAL =
      Backoff.exponential(Duration.ofMillis(100), Duration.ofSeconds(1));

  @Test
  void exponential_doublesEachPause_upToMax() {
    assertThat(IntStream.rangeClosed(1, 6).mapToObj(EXPONENTIAL::delay).map(Duration::toMillis))
        .containsExactly(100L, 200L, 400L, 800L, 1000L, 1000L);
    assertThat(EXPONENTIAL.delay(10_000)).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void multiplier_growsThePausesByIt() {
    assertThat(
            IntStream.rangeClosed(1, 3)
                .mapToObj(EXPONENTIAL.multiplier(3)::delay)
                .map(Duration::toMillis))
        .containsExactly(100L, 300L, 900L);
  }

  @Test
  void fixed_pausesTheSameEveryTime_andHasNoLimits() {
    var fixed = Backoff.fixed(Duration.ofMillis(250));

    assertThat(IntStream.rangeClosed(1, 4).mapToObj(fixed::delay).distinct())
        .containsExactly(Duration.ofMillis(250));
    assertThat(fixed.attempts()).isEqualTo(Integer.MAX_VALUE);
    assertThat(fixed.deadline()).isEmpty();
  }

  @Test
  void jitter_shortensAPauseByARandomShareOfUpToIt() {
    var jittered = EXPONENTIAL.jitter(0.2);

    assertThat(jittered.delay(2, 0.0)).isEqualTo(Duration.ofMillis(200));
    assertThat(jittered.delay(2, 0.5)).isEqualTo(Duration.ofMillis(180));
    assertThat(jittered.delay(2, 0.999)).isGreaterThan(Duration.ofMillis(160));
    assertThat(EXPONENTIAL.delay(2, 0.9)).as("no jitter").isEqualTo(Duration.ofMillis(200));
  }

  @Test
  void withers_changeOneSetting_andLeaveTheValueAsItWas() {
    var limited = EXPONENTIAL.attempts(5).deadline(Duration.ofSeconds(30));

    assertThat(limited.attempts()).isEqualTo(5);
    assertThat(limited.deadline()).contains(Duration.ofSeconds(30));
    assertThat(limited)
        .isEqualTo(EXPONENTIAL.deadline(Duration.ofSeconds(30)).attempts(5))
        .isNotEqualTo(EXPONENTIAL);
    assertThat(EXPONENTIAL.attempts()).isEqualTo(Integer.MAX_VALUE);
    assertThat(EXPONENTIAL.deadline()).isEmpty();
  }

  @Test
  void badSettings_areRejected_namingFieldValueAndWhatIsAllowed() {
    assertThatThrownBy(() -> EXPONENTIAL.multiplier(0.5))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("multiplier must be between 1 and 100, was 0.5");
    assertThatThrownBy(() -> EXPONENTIAL.jitter(1.5))
        .hasMessage("jitter must be between 0 and 1, was 1.5");
    assertThatThrownBy(() -> EXPONENTIAL.jitter(Double.NaN))
        .hasMessage("jitter must be between 0 and 1, was NaN");
    assertThatThrownBy(() -> EXPONENTIAL.attempts(0))
        .hasMessage("attempts must be at least 1, was 0");
    assertThatThrownBy(() -> EXPONENTIAL.deadline(Duration.ZERO))
        .hasMessage("deadline must be a positive duration such as 30s, 5m or 1h, was \"0s\"");
    assertThatThrownBy(() -> Backoff.fixed(Duration.ofMillis(-5)))
        .hasMessage("initial must be a positive duration such as 30s, 5m or 1h, was \"-5ms\"");
    assertThatThrownBy(() -> Backoff.exponential(Duration.ofSeconds(1), Duration.ofMillis(100)))
        .hasMessage("max must be at least initial, 1s, was \"100ms\"");
  }
}
