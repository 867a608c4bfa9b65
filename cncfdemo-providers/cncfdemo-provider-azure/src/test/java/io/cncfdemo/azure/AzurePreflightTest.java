package io.cncfdemo.azure;

import static io.cncfdemo.Providers.azure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.credential.TokenCredential;
import com.azure.core.exception.ClientAuthenticationException;
import io.cncfdemo.Cluster;
import io.cncfdemo.cluster.AzureTarget;
import io.cncfdemo.exception.CncfDemoException;
import io.cncfdemo.exception.InvalidInputException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;

/**
 * What create() checks before it makes anything, each failing with its message and with no write
 * reaching the ARM fake: subscription, API access range, credential (missing or refused), location,
 * VM sizes offered there (Compute resource SKUs), vCPU quota (Compute usages).
 */
class AzurePreflightTest {
  static FakeAzure azure;

  @TempDir Path kubeconfigs;

  int writesBefore;

  @BeforeAll
  static void start() throws Exception {
    azure = new FakeAzure();
  }

  @AfterAll
  static void stop() throws Exception {
    azure.close();
  }

  @BeforeEach
  void count() {
    writesBefore = azure.arm.writes().size();
  }

  @AfterEach
  void nothingWasWritten() {
    assertThat(azure.arm.writes()).hasSize(writesBefore);
  }

  static AzureTarget target() {
    return azure().location("westeurope").apiAccessCidr("203.0.113.7/32");
  }

  @Test
  void missingSubscription_isRejected_sayingWhereToGiveIt_beforeAnyRequest() {
    var provider =
        AzureClusterProvider.builder()
            .endpoint(azure.arm.endpoint())
            .httpClient(azure.arm.httpClient())
            .credential(FakeAzure.TOKEN)
            .build();
    int requests = azure.arm.requests().size();

    assertThatThrownBy(() -> Cluster.on(target()).using(provider).create())
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "subscription must be given: call azure().subscription(\"<subscription id>\") or set"
                + " AZURE_SUBSCRIPTION_ID (az account show --query id -o tsv prints yours), was"
                + " null");
    assertThat(azure.arm.requests()).hasSize(requests);
  }

  @Test
  void missingApiAccessCidr_isRejected_sayingHowToGiveIt() {
    assertThatThrownBy(
            () -> Cluster.on(azure()).using(azure.provider(kubeconfigs).build()).create())
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "apiAccessCidr must be given: call azure().apiAccessCidr(\"203.0.113.7/32\") with the"
                + " only IPv4 range allowed to reach the API server and SSH (your own address as a"
                + " /32), was null");
  }

  @Test
  void missingCredential_isReported_withWhereDefaultAzureCredentialLooked() {
    // no credential on the builder: DefaultAzureCredential, with Surefire's environment (no AZURE_*
    // secrets, the
    // managed identity endpoint on a closed loopback port so that nothing probes the metadata
    // service, no Azure CLI)
    var provider =
        AzureClusterProvider.builder()
            .endpoint(azure.arm.endpoint())
            .httpClient(azure.arm.httpClient())
            .subscription(FakeAzure.SUBSCRIPTION)
            .build();
    int requests = azure.arm.requests().size();

    for (var action :
        new Runnable[] {
          () -> {
            try (var unused = Cluster.on(target()).using(provider).create()) {}
          },
          Cluster.on(target()).using(provider)::destroy
        }) {
      assertThatThrownBy(action::run)
          .isInstanceOf(CncfDemoException.class)
          .hasMessageStartingWith(
              "no usable Azure credential found. DefaultAzureCredential looked at: the environment"
                  + " (AZURE_CLIENT_ID with AZURE_TENANT_ID")
          .hasMessageContaining(
              "a managed identity", "the Azure CLI (az login)", "; it said: DefaultAzureCredential")
          .hasMessageEndingWith(
              "Sign in with one of them, e.g. `az login`, then try again; nothing was created");
    }
    assertThat(azure.arm.requests()).hasSize(requests);
  }

  @Test
  void refusedCredential_isReported_withAzuresReason_andNoSecret() {
    TokenCredential expired =
        request ->
            Mono.error(
                new ClientAuthenticationException(
                    "AADSTS7000222: The provided client secret keys for app 'cncfdemo-test' are"
                        + " expired.\n"
                        + "Trace ID: 0000",
                    null));
    var provider = azure.provider(kubeconfigs).credential(expired).build();

    assertThatThrownBy(() -> Cluster.on(target()).using(provider).create())
        .isInstanceOf(CncfDemoException.class)
        .hasMessage(
            "Azure refused the credential "
                + expired.getClass().getSimpleName()
                + ": AADSTS7000222: The provided client secret keys for app 'cncfdemo-test' are"
                + " expired.; sign in again (az login) or renew the secret, then try again; nothing"
                + " was created");
  }

  @Test
  void unknownLocation_isRejected_withTheSubscriptionsLocations() {
    assertThatThrownBy(
            () ->
                Cluster.on(target().location("southpole"))
                    .using(azure.provider(kubeconfigs).build())
                    .create())
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "location must be one of the locations of subscription "
                + FakeAzure.SUBSCRIPTION
                + ": eastus, northeurope, westeurope, westus2, was \"southpole\"");
  }

  @Test
  void vmSizeNotOfferedInTheLocation_isRejected_withSizesThatAre() {
    azure.arm.state().restrict("Standard_D2s_v5", "northeurope");

    assertThatThrownBy(
            () ->
                Cluster.on(target().location("northeurope").masterVmSize("Standard_D4s_v5"))
                    .using(azure.provider(kubeconfigs).build())
                    .create())
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "vmSize must be a VM size offered to subscription "
                + FakeAzure.SUBSCRIPTION
                + " in northeurope, such as Standard_B2s, Standard_D2ps_v5, Standard_D4s_v5, was"
                + " \"Standard_D2s_v5\"");
  }

  @Test
  void armVmSize_isRejected_becauseTheImageIsX64() {
    assertThatThrownBy(
            () ->
                Cluster.on(target().masterVmSize("Standard_D2ps_v5"))
                    .using(azure.provider(kubeconfigs).build())
                    .create())
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "masterVmSize must be an x64 VM size: the nodes run Ubuntu 24.04 LTS for x64, and"
                + " Standard_D2ps_v5 is Arm64, was \"Standard_D2ps_v5\"");
  }

  @Test
  void quotaTooSmallForThePlan_isRejected_withTheQuotaAndWhatFits() {
    azure.arm.state().usage("standardDSv5Family", 96, 100);
    try {
      assertThatThrownBy(
              () ->
                  Cluster.on(target())
                      .minions(3)
                      .using(azure.provider(kubeconfigs).build())
                      .create())
          .isInstanceOf(InvalidInputException.class)
          .hasMessage(
              "minions must be at most 1: the quota \"standardDSv5Family\" (standardDSv5Family) of"
                  + " westeurope allows 100 vCPUs, 96 are in use, and the cluster needs 8 (1 x"
                  + " Standard_D2s_v5 with 2, 3 x Standard_D2s_v5 with 2); ask for more (Azure"
                  + " portal, Quotas) or choose smaller sizes, was 3");
      azure.arm.state().usage("cores", 99, 100);
      assertThatThrownBy(
              () ->
                  Cluster.on(target())
                      .masters(3)
                      .using(azure.provider(kubeconfigs).build())
                      .create())
          .isInstanceOf(InvalidInputException.class)
          .hasMessageStartingWith(
              "masters must be at most 0: the quota \"Total Regional vCPUs\" (cores) of"
                  + " westeurope");
    } finally {
      azure.arm.state().usage("standardDSv5Family", 0, 100);
      azure.arm.state().usage("cores", 0, 100);
    }
  }
}
