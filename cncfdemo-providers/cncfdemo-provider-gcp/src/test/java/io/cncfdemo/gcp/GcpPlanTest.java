package io.cncfdemo.gcp;

import static io.cncfdemo.Providers.gcp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.cncfdemo.Cluster;
import io.cncfdemo.Providers;
import io.cncfdemo.cluster.ClusterProvider;
import io.cncfdemo.cluster.PlannedResource;
import io.cncfdemo.exception.InvalidInputException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * {@code plan()} with no credentials and no endpoint: every resource create() makes, priced from
 * the dated snapshot; nothing reaches Google (there is nothing to reach it with: the tests run
 * without credentials).
 */
class GcpPlanTest {

  @Test
  void isOnTheClassPath_underItsName() {
    assertThat(Providers.available())
        .filteredOn(p -> p.name().equals("gcp"))
        .singleElement()
        .isInstanceOf(GcpClusterProvider.class)
        .extracting(ClusterProvider::description)
        .asString()
        .startsWith("GCP: ");
  }

  @Test
  void plan_withoutCredentials_listsEveryResource_inCreationOrder_withCostsFromTheDatedSnapshot() {
    var plan = Cluster.on(gcp().project("cncfdemo-test")).minions(3).plan();

    assertThat(plan.provider()).isEqualTo("gcp");
    assertThat(plan.target()).isEqualTo("gcp().project(\"cncfdemo-test\").zone(\"us-central1-a\")");
    assertThat(plan.priceSource())
        .isEqualTo(
            "Compute Engine on-demand list prices, us-central1, snapshot of"
                + " 2026-11-01, transcribed by hand, not fetched (prices-2026-11.json)");
    assertThat(plan.resources())
        .extracting(PlannedResource::kind, PlannedResource::name)
        .containsExactly(
            tuple(
                "ServiceAccount", "cncfdemo-cncfdemo-nodes@cncfdemo-test.iam.gserviceaccount.com"),
            tuple("IamBinding", "roles/compute.instanceAdmin.v1"),
            tuple("IamBinding", "roles/compute.storageAdmin"),
            tuple("IamBinding", "roles/iam.serviceAccountUser"),
            tuple("Network", "cncfdemo-cncfdemo-net"),
            tuple("Subnetwork", "cncfdemo-cncfdemo-subnet"),
            tuple("Firewall", "cncfdemo-cncfdemo-access"),
            tuple("Firewall", "cncfdemo-cncfdemo-internal"),
            tuple("Firewall", "cncfdemo-cncfdemo-calico"),
            tuple("Firewall", "cncfdemo-cncfdemo-health-checks"),
            tuple("InstanceTemplate", "cncfdemo-cncfdemo-masters"),
            tuple("InstanceTemplate", "cncfdemo-cncfdemo-minions"),
            tuple("InstanceGroupManager", "cncfdemo-cncfdemo-masters"),
            tuple("Instance", "cncfdemo-cncfdemo-masters-*"),
            tuple("Disk", "cncfdemo-cncfdemo-masters-*"),
            tuple("ExternalIPv4", "cncfdemo-cncfdemo-masters-*"),
            tuple("InstanceGroupManager", "cncfdemo-cncfdemo-minions"),
            tuple("Instance", "cncfdemo-cncfdemo-minions-*"),
            tuple("Disk", "cncfdemo-cncfdemo-minions-*"),
            tuple("ExternalIPv4", "cncfdemo-cncfdemo-minions-*"),
            tuple("Address", "cncfdemo-cncfdemo-api"),
            tuple("HealthCheck", "cncfdemo-cncfdemo-api"),
            tuple("BackendService", "cncfdemo-cncfdemo-api"),
            tuple("ForwardingRule", "cncfdemo-cncfdemo-api"),
            tuple("ManagedZone", "cncfdemo-cncfdemo-zone"),
            tuple("ResourceRecordSet", "masters.cncfdemo.k8s"),
            tuple("ResourceRecordSet", "minions.cncfdemo.k8s"),
            tuple("ClusterAddon", "gcp-compute-persistent-disk-csi-driver"),
            tuple("ClusterAddon", "StorageClass pd-balanced"));
    assertThat(plan.resources())
        .filteredOn(r -> r.kind().equals("ClusterAddon"))
        .extracting(PlannedResource::detail, r -> r.hourlyCostUsd().signum())
        .containsExactly(
            tuple(
                "v1.18.0, applied by the first master after Calico, on the nodes' service account",
                0),
            tuple(
                "the default: pd.csi.storage.gke.io, type pd-balanced, WaitForFirstConsumer;"
                    + " its disks are billed as created",
                0));
    assertThat(plan.resources())
        .filteredOn(r -> r.kind().equals("Instance"))
        .extracting(PlannedResource::detail, r -> r.hourlyCostUsd().stripTrailingZeros())
        .containsExactly(
            tuple("1 x e2-standard-2", new BigDecimal("0.067006")),
            tuple("3 x e2-standard-2", new BigDecimal("0.201018")));
    assertThat(plan.resources())
        .filteredOn(r -> r.name().equals("cncfdemo-cncfdemo-access"))
        .singleElement()
        .extracting(PlannedResource::detail)
        .isEqualTo("TCP 22 and 6443 from (apiAccessCidr: required by create())");
    assertThat(plan.resources())
        .filteredOn(r -> r.name().equals("cncfdemo-cncfdemo-calico"))
        .singleElement()
        .extracting(PlannedResource::detail)
        .asString()
        .contains("UDP 4789", "protocol 4");
    // 4 x (e2-standard-2 0.067006 + external IPv4 0.005) + forwarding rule 0.025 + (4 x 30 GiB x
    // 0.10 + zone 0.20) a month
    var expected =
        new BigDecimal("0.072006")
            .multiply(BigDecimal.valueOf(4))
            .add(new BigDecimal("0.025"))
            .add(new BigDecimal("12.2").divide(BigDecimal.valueOf(730), 10, RoundingMode.HALF_UP));
    assertThat(plan.hourlyCostUsd()).isCloseTo(expected, Offset.offset(new BigDecimal("0.000001")));
    assertThat(plan.monthlyCostUsd()).isEqualByComparingTo("240.71");
    assertThat(plan.describe()).contains("total: 0.3297 USD/hour, 240.71 USD/month");
  }

  @Test
  void plan_perRole_namesTheMachineTypes_theRange_andTheServiceAccount() {
    var plan =
        Cluster.on(
                gcp()
                    .project("cncfdemo-test")
                    .zone("europe-west4-b")
                    .masterMachineType("e2-standard-4")
                    .machineType("e2-medium")
                    .apiAccessCidr("203.0.113.7/32")
                    .serviceAccount("cncfdemo-nodes@cncfdemo-test.iam.gserviceaccount.com"))
            .named("demo")
            .masters(3)
            .minions(2)
            .plan();

    assertThat(plan.resources())
        .filteredOn(r -> r.kind().equals("Instance"))
        .extracting(PlannedResource::detail, r -> r.hourlyCostUsd().stripTrailingZeros())
        .containsExactly(
            tuple("3 x e2-standard-4", new BigDecimal("0.442608")),
            tuple("2 x e2-medium", new BigDecimal("0.073768")));
    assertThat(plan.resources())
        .filteredOn(r -> r.kind().equals("Subnetwork"))
        .singleElement()
        .extracting(PlannedResource::detail)
        .isEqualTo("europe-west4, 10.240.0.0/16");
    assertThat(plan.resources())
        .filteredOn(r -> r.name().equals("cncfdemo-demo-access"))
        .singleElement()
        .extracting(PlannedResource::detail)
        .isEqualTo("TCP 22 and 6443 from 203.0.113.7/32");
    assertThat(plan.resources())
        .filteredOn(r -> r.kind().equals("InstanceTemplate"))
        .allSatisfy(
            r ->
                assertThat(r.detail())
                    .endsWith(
                        "service account cncfdemo-nodes@cncfdemo-test.iam.gserviceaccount.com"
                            + " with the cloud-platform scope"));
    assertThat(plan.resources())
        .as("a given service account is neither made nor bound, and the driver says what it needs")
        .noneMatch(r -> r.kind().equals("ServiceAccount") || r.kind().equals("IamBinding"))
        .filteredOn(r -> r.name().equals("gcp-compute-persistent-disk-csi-driver"))
        .singleElement()
        .extracting(PlannedResource::detail)
        .isEqualTo(
            "v1.18.0, applied by the first master after Calico, on the nodes' service account"
                + " (given: it needs roles/compute.instanceAdmin.v1, roles/compute.storageAdmin,"
                + " roles/iam.serviceAccountUser)");
  }

  @Test
  void plan_withAMachineTypeOrRegionNotInTheSnapshot_saysSo() {
    var plan = Cluster.on(gcp().zone("asia-south2-a").machineType("m3-ultramem-32")).plan();

    assertThat(plan.priceSource())
        .isEqualTo(
            "Compute Engine on-demand list prices, asia-south2, snapshot of 2026-11-01, transcribed"
                + " by hand, not fetched (prices-2026-11.json) (region not in the table: disks at"
                + " us-central1 prices); no price for e2-standard-2, m3-ultramem-32 in asia-south2,"
                + " counted as 0");
  }

  @Test
  void plan_ofAClusterNameTooLongForComputeEngineNames_isRefused() {
    var name = "a".repeat(41);

    assertThatThrownBy(() -> Cluster.on(gcp()).named(name).plan())
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "name must be at most 40 characters on gcp(), since Compute Engine names are at most"
                + " 63, was \""
                + name
                + "\"");
  }
}
