package io.cncfdemo.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cncfdemo.exception.InvalidInputException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

  @Test
  void parse_readsGoStyleDurations() {
    assertThat(Durations.parse("time", "5m")).isEqualTo(Duration.ofMinutes(5));
    assertThat(Durations.parse("time", "1h30m")).isEqualTo(Duration.ofMinutes(90));
    assertThat(Durations.parse("time", "250ms")).isEqualTo(Duration.ofMillis(250));
    assertThat(Durations.parse("time", "2d")).isEqualTo(Duration.ofDays(2));
    assertThat(Durations.parse("time", " 45s ")).isEqualTo(Duration.ofSeconds(45));
  }

  @Test
  void parse_rejectsWhatIsNotADuration() {
    for (var bad : new String[] {"5", "five minutes", "-5m", "5M", "", "1.5h"}) {
      assertThatThrownBy(() -> Durations.parse("time", bad))
          .isInstanceOf(InvalidInputException.class)
          .hasMessage(
              "time must be a duration such as 250ms, 30s, 5m, 1h30m or 2d, was \"" + bad + "\"");
    }
    assertThatThrownBy(() -> Durations.parse("time", "0s"))
        .hasMessage("time must be a positive duration such as 30s, 5m or 1h, was \"0s\"");
  }

  @Test
  void format_isCompact_andRoundTrips() {
    assertThat(Durations.format(Duration.ofMinutes(90))).isEqualTo("1h30m");
    assertThat(Durations.format(Duration.ofMillis(1250))).isEqualTo("1s250ms");
    assertThat(Durations.format(Duration.ZERO)).isEqualTo("0s");
    assertThat(Durations.parse("t", Durations.format(Duration.ofSeconds(3725))))
        .isEqualTo(Duration.ofSeconds(3725));
  }

  @Test
  void between_namesTheBounds() {
    assertThatThrownBy(
            () ->
                Check.between(
                    "time", Duration.ofHours(30), Duration.ofSeconds(10), Duration.ofHours(24)))
        .hasMessage("time must be between 10s and 24h, was \"30h\"");
  }
}
