package io.cncfdemo.gcp;

import static io.cncfdemo.Providers.gcp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cncfdemo.Cluster;
import io.cncfdemo.cluster.GcpTarget;
import io.cncfdemo.exception.InvalidInputException;
import io.cncfdemo.gcp.fake.GcpFake;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What create() refuses before it writes anything, each with the field and the value: no API range,
 * no credentials, no project, a zone the project does not have, a machine type the zone does not
 * offer, a CPU quota too small. The fake saw no insert in any of them.
 */
class GcpPreflightTest {
  FakeGcp gcp;

  @TempDir Path kubeconfigs;

  @BeforeEach
  void start() throws Exception {
    gcp = new FakeGcp();
  }

  @AfterEach
  void stop() {
    assertThat(gcp.fake.requests()).noneMatch(GcpFake.Request::isInsert);
    assertThat(gcp.counts()).isEmpty();
    gcp.close();
  }

  static GcpTarget target() {
    return gcp().project(FakeGcp.PROJECT).apiAccessCidr("203.0.113.7/32");
  }

  private InvalidInputException refused(Cluster cluster, GcpClusterProvider provider) {
    var thrown =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            InvalidInputException.class, () -> cluster.using(provider).create());
    assertThat(thrown).isNotNull();
    return thrown;
  }

  @Test
  void withoutAnApiAccessRange_nothingIsAsked() {
    var e = refused(Cluster.on(gcp().project(FakeGcp.PROJECT)), gcp.provider(kubeconfigs).build());

    assertThat(e)
        .hasMessage(
            "apiAccessCidr must be given: call gcp().apiAccessCidr(\"203.0.113.7/32\") with the"
                + " only IPv4 range allowed to reach the API server and SSH (your own address as a"
                + " /32), was null");
    assertThat(gcp.fake.requests()).isEmpty();
  }

  @Test
  void withoutCredentials_saysWhereTheyWereLookedFor() {
    var provider =
        GcpClusterProvider.builder()
            .endpoint(gcp.fake.computeEndpoint())
            .dnsEndpoint(gcp.fake.dnsRootUrl())
            .kubeconfigDirectory(kubeconfigs)
            .build();

    assertThatThrownBy(() -> Cluster.on(target()).using(provider).create())
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "credentials must be Application Default Credentials (GOOGLE_APPLICATION_CREDENTIALS,"
                + " `gcloud auth application-default login`, or the metadata server of a Google"
                + " Cloud machine) or a key file given with"
                + " GcpClusterProvider.builder().keyFile(path), was null");
    assertThat(gcp.fake.requests()).isEmpty();
  }

  @Test
  void aKeyFileThatIsNotThere_isNamed() {
    var missing = kubeconfigs.resolve("no-such-key.json");
    var provider =
        GcpClusterProvider.builder().keyFile(missing).endpoint(gcp.fake.computeEndpoint()).build();

    assertThatThrownBy(() -> Cluster.on(target()).using(provider).create())
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "keyFile must be a readable service-account or user key file (there is no such file),"
                + " was \""
                + missing
                + "\"");
  }

  @Test
  void withoutAProject_saysWhereToGiveOne() {
    var e =
        refused(
            Cluster.on(gcp().apiAccessCidr("203.0.113.7/32")), gcp.provider(kubeconfigs).build());

    assertThat(e)
        .hasMessage(
            "project must be given: call gcp().project(\"<project id>\"), set GOOGLE_CLOUD_PROJECT"
                + " or use a service-account key that names its project (gcloud config get-value"
                + " project prints yours), was null");
    assertThat(gcp.fake.requests()).isEmpty();
  }

  @Test
  void anUnknownZone_isNamed_withTheProjectsZones() {
    var e = refused(Cluster.on(target().zone("us-east1-b")), gcp.provider(kubeconfigs).build());

    assertThat(e)
        .hasMessage(
            "zone must be a zone of project cncfdemo-test, one of europe-west4-a, europe-west4-b,"
                + " us-central1-a, us-central1-b, us-central1-c, was \"us-east1-b\"");
  }

  @Test
  void aMachineTypeTheZoneDoesNotOffer_isNamed_perRole() {
    var minions =
        refused(
            Cluster.on(target().machineType("e2-standard-96")), gcp.provider(kubeconfigs).build());
    var masters =
        refused(
            Cluster.on(target().masterMachineType("c3-standard-4")),
            gcp.provider(kubeconfigs).build());

    assertThat(minions)
        .hasMessage(
            "machineType must be a machine type offered in zone us-central1-a, such as e2-medium,"
                + " e2-standard-2, e2-standard-4, e2-standard-8, was \"e2-standard-96\"");
    assertThat(masters)
        .hasMessage(
            "masterMachineType must be a machine type offered in zone us-central1-a, was"
                + " \"c3-standard-4\"");
  }

  @Test
  void aRegionalCpuQuotaTooSmall_namesTheMinionsThatFit() {
    gcp.fake.compute().cpuQuota("us-central1", 24, 16);

    var e = refused(Cluster.on(target()).minions(4), gcp.provider(kubeconfigs).build());

    assertThat(e)
        .hasMessage(
            "minions must be at most 3: region us-central1 has 8 of its 24 vCPUs (quota CPUS) free,"
                + " and the cluster needs 10 (1 x e2-standard-2, 4 x e2-standard-2); ask for more"
                + " at console.cloud.google.com/iam-admin/quotas, was 4");
  }
}
