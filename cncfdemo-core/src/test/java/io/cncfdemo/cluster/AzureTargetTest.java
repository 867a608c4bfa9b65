package io.cncfdemo.cluster;

import static io.cncfdemo.Providers.azure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cncfdemo.exception.InvalidInputException;
import org.junit.jupiter.api.Test;

/** The settings of {@code azure()}: defaults, and the messages of bad values. */
class AzureTargetTest {

  @Test
  void defaults_areTheDocumentedOnes() {
    var target = azure();

    assertThat(target.location()).isEqualTo("westus2");
    assertThat(target.vmSize()).isEqualTo("Standard_D2s_v5");
    assertThat(target.masterVmSize()).isEqualTo("Standard_D2s_v5");
    assertThat(target.apiAccessCidr()).isEmpty();
    assertThat(target.subscription()).isEmpty();
    assertThat(target.describe()).isEqualTo("azure().location(\"westus2\")");
  }

  @Test
  void settings_areKept_perRole() {
    var target =
        azure()
            .location("westeurope")
            .vmSize("Standard_B2s")
            .masterVmSize("Standard_D4s_v5")
            .apiAccessCidr("203.0.113.7/32")
            .subscription("0b1f6471-1bf0-4dda-aec3-111122223333");

    assertThat(target.vmSize()).isEqualTo("Standard_B2s");
    assertThat(target.masterVmSize()).isEqualTo("Standard_D4s_v5");
    assertThat(target.apiAccessCidr()).contains("203.0.113.7/32");
    assertThat(target.subscription()).contains("0b1f6471-1bf0-4dda-aec3-111122223333");
  }

  @Test
  void badValues_areRejected_namingFieldValueAndRule() {
    assertThatThrownBy(() -> azure().masterVmSize("big"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("masterVmSize must be an Azure VM size such as Standard_D2s_v5, was \"big\"");
    assertThatThrownBy(() -> azure().apiAccessCidr("203.0.113.7"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "apiAccessCidr must be an IPv4 range in CIDR notation such as 203.0.113.7/32 or"
                + " 198.51.100.0/24, was \"203.0.113.7\"");
    assertThatThrownBy(() -> azure().subscription("my-subscription"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "subscription must be an Azure subscription id, a GUID such as"
                + " 00000000-0000-0000-0000-000000000000, was \"my-subscription\"");
  }
}
