package io.cncfdemo.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cncfdemo.exception.InvalidInputException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DeployOptionsTest {

  @Test
  void defaults_waitFiveMinutesPerStage_eightAtOnce_tenAttempts() {
    var options = DeployOptions.defaults();

    assertThat(options.stageTimeout()).isEqualTo(Duration.ofMinutes(5));
    assertThat(options.parallelism()).isEqualTo(8);
    assertThat(options.attempts()).isEqualTo(10);
    assertThat(options.waitForReadiness()).isTrue();
    assertThat(options.withoutWaiting().waitForReadiness()).isFalse();
    assertThat(
            options
                .parallelism(2)
                .stageTimeout(Duration.ofSeconds(30))
                .withoutWaiting()
                .parallelism())
        .isEqualTo(2);
    assertThat(options.listener()).isSameAs(DeployOptions.DEFAULT_LISTENER);
  }

  @Test
  void options_areValues_thatAChangeCopies() {
    var options = DeployOptions.defaults().parallelism(2);

    assertThat(options)
        .isEqualTo(DeployOptions.defaults().parallelism(2))
        .isNotEqualTo(options.withoutWaiting());
    assertThat(options.attempts(3).attempts()).isEqualTo(3);
    assertThat(options.attempts()).isEqualTo(DeployOptions.DEFAULT_ATTEMPTS);
  }

  @Test
  void badValues_areRejected() {
    assertThatThrownBy(() -> DeployOptions.defaults().stageTimeout(Duration.ofMillis(10)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("stageTimeout must be between 1s and 2h, was \"10ms\"");
    assertThatThrownBy(() -> DeployOptions.defaults().stageTimeout(Duration.ZERO))
        .hasMessage("stageTimeout must be a positive duration such as 30s, 5m or 1h, was \"0s\"");
    assertThatThrownBy(() -> DeployOptions.defaults().parallelism(0))
        .hasMessage("parallelism must be between 1 and 64, was 0");
    assertThatThrownBy(() -> DeployOptions.defaults().attempts(101))
        .hasMessage("attempts must be between 1 and 100, was 101");
  }

  @Test
  void objectRefsAndChanges_readAsKubectlWould() {
    var ref = new ObjectRef("Deployment", "shop", "web");
    assertThat(ref).hasToString("Deployment shop/web");
    assertThat(new ObjectRef("PriorityClass", null, "high")).hasToString("PriorityClass high");
    assertThat(
            new ObjectChange(
                ref,
                io.cncfdemo.component.Stage.APPLICATION,
                Change.CONFIGURED,
                java.util.List.of("spec.replicas: 2 -> 3")))
        .hasToString("Deployment shop/web configured [spec.replicas: 2 -> 3]");
    assertThat(Change.UNCHANGED.isChange()).isFalse();
  }
}
