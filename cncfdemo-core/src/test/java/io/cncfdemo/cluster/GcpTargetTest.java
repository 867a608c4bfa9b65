package io.cncfdemo.cluster;

import static io.cncfdemo.Providers.gcp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cncfdemo.exception.InvalidInputException;
import org.junit.jupiter.api.Test;

/**
 * The settings of {@code gcp()}: defaults, the region of the zone, and the messages of bad values.
 */
class GcpTargetTest {

  @Test
  void defaults_areTheDocumentedOnes() {
    var target = gcp();

    assertThat(target.project()).isEmpty();
    assertThat(target.zone()).isEqualTo("us-central1-a");
    assertThat(target.region()).isEqualTo("us-central1");
    assertThat(target.machineType()).isEqualTo("e2-standard-2");
    assertThat(target.masterMachineType()).isEqualTo("e2-standard-2");
    assertThat(target.apiAccessCidr()).isEmpty();
    assertThat(target.serviceAccount()).isEmpty();
    assertThat(target.describe()).isEqualTo("gcp().zone(\"us-central1-a\")");
  }

  @Test
  void settings_areKept_perRole() {
    var target =
        gcp()
            .project("my-project")
            .zone("europe-west4-b")
            .machineType("e2-medium")
            .masterMachineType("n2-standard-4")
            .apiAccessCidr("203.0.113.7/32")
            .serviceAccount("cncfdemo-nodes@my-project.iam.gserviceaccount.com");

    assertThat(target.region()).isEqualTo("europe-west4");
    assertThat(target.machineType()).isEqualTo("e2-medium");
    assertThat(target.masterMachineType()).isEqualTo("n2-standard-4");
    assertThat(target.apiAccessCidr()).contains("203.0.113.7/32");
    assertThat(target.serviceAccount())
        .contains("cncfdemo-nodes@my-project.iam.gserviceaccount.com");
    assertThat(target.describe())
        .isEqualTo("gcp().project(\"my-project\").zone(\"europe-west4-b\")");
  }

  @Test
  void theComputeEngineDefaultServiceAccount_isAccepted() {
    assertThat(
            gcp()
                .serviceAccount("123456789012-compute@developer.gserviceaccount.com")
                .serviceAccount())
        .contains("123456789012-compute@developer.gserviceaccount.com");
  }

  @Test
  void badValues_areRejected_namingFieldValueAndRule() {
    assertThatThrownBy(() -> gcp().masterMachineType("big"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "masterMachineType must be a Compute Engine machine type such as e2-standard-2, was"
                + " \"big\"");
    assertThatThrownBy(() -> gcp().apiAccessCidr("203.0.113.7"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "apiAccessCidr must be an IPv4 range in CIDR notation such as 203.0.113.7/32 or"
                + " 198.51.100.0/24, was \"203.0.113.7\"");
    assertThatThrownBy(() -> gcp().serviceAccount("nodes@example.com"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "serviceAccount must be a service account e-mail such as"
                + " cncfdemo-nodes@my-project.iam.gserviceaccount.com, was \"nodes@example.com\"");
  }
}
