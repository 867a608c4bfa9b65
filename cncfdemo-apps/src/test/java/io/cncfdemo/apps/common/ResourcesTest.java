package io.cncfdemo.apps.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cncfdemo.apps.internal.Images;
import io.cncfdemo.exception.InvalidInputException;
import org.junit.jupiter.api.Test;

class ResourcesTest {

  @Test
  void ephemeralStorage_replacesTheDefault_andIsChecked() {
    var resources =
        Resources.requests("250m", "512Mi").limits("1", "1Gi").ephemeralStorage("256Mi", "2Gi");

    assertThat(resources.toRequirements().getLimits().get("ephemeral-storage")).hasToString("2Gi");
    assertThatThrownBy(() -> resources.ephemeralStorage("4Gi", "2Gi"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("ephemeralRequest must be at most the ephemeralLimit 2Gi, was \"4Gi\"");
    assertThatThrownBy(() -> resources.ephemeralStorage("lots", "2Gi"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "ephemeralRequest must be a memory quantity such as 256Mi or 2Gi, was \"lots\"");
  }

  @Test
  void resources_readAsKubernetesWritesThem() {
    var resources = Resources.requests("250m", "512Mi").limits("1.5", "1Gi");

    assertThat(resources.toRequirements().getRequests())
        .containsOnlyKeys("cpu", "memory", "ephemeral-storage");
    assertThat(resources.toRequirements().getRequests().get("ephemeral-storage"))
        .hasToString(Resources.DEFAULT_EPHEMERAL_REQUEST);
    assertThat(resources.toRequirements().getLimits().get("ephemeral-storage"))
        .hasToString(Resources.DEFAULT_EPHEMERAL_LIMIT);
    assertThat(resources.toRequirements().getLimits().get("cpu")).hasToString("1.5");
    assertThat(resources.memoryLimitMiB()).isEqualTo(1024);
  }

  @Test
  void badQuantities_andRequestsAboveLimits_areRejected() {
    assertThatThrownBy(() -> Resources.requests("a lot", "1Gi"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("cpuRequest must be a CPU quantity such as 250m, 0.5 or 2, was \"a lot\"");
    assertThatThrownBy(() -> Resources.requests("0", "1Gi"))
        .hasMessage("cpuRequest must be a CPU quantity such as 250m, 0.5 or 2, was \"0\"");
    assertThatThrownBy(() -> Resources.requests("1", "1GB"))
        .hasMessage("memoryRequest must be a memory quantity such as 256Mi or 2Gi, was \"1GB\"");
    assertThatThrownBy(() -> Resources.requests("1", "1Gi").limits("2", "512Mi"))
        .hasMessage("memoryRequest must be at most the memoryLimit 512Mi, was \"1Gi\"");
    assertThatThrownBy(() -> Resources.requests("1", "1Gi").limits(null, "2Gi"))
        .hasMessage("cpuLimit must be a CPU quantity such as 250m, 0.5 or 2, was null");
  }

  @Test
  void images_arePinnedToAVersionTagOrADigest() {
    assertThat(Images.isPinned("mongo:7.0.14")).isTrue();
    assertThat(Images.isPinned("ghcr.io/0rax/boinc-client:v8.0.4")).isTrue();
    assertThat(Images.isPinned("registry.local:5000/team/app:1.2")).isTrue();
    assertThat(Images.isPinned("mongo@sha256:" + "a".repeat(64))).isTrue();
    assertThat(Images.isPinned("mongo:7.0@sha256:" + "b".repeat(64))).isTrue();
    assertThat(Images.isPinned("mongo")).isFalse();
    assertThat(Images.isPinned("mongo:latest")).isFalse();
    assertThat(Images.isPinned("registry.local:5000/team/app")).isFalse();
    assertThat(Images.isPinned("Mongo:7")).isFalse();
    assertThat(Images.isPinned("mongo@sha256:short")).isFalse();
  }
}
