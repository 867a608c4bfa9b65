package io.cncfdemo.azure;

import static io.cncfdemo.Providers.azure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.cncfdemo.Cluster;
import io.cncfdemo.Providers;
import io.cncfdemo.cluster.ClusterProvider;
import io.cncfdemo.cluster.PlannedResource;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * {@code plan()} with no credentials, no subscription and no endpoint: every resource create()
 * makes, priced from the dated table; nothing reaches Azure (there is nothing to reach it with).
 */
class AzurePlanTest {

  @Test
  void isOnTheClassPath_underItsName() {
    assertThat(Providers.available())
        .filteredOn(p -> p.name().equals("azure"))
        .singleElement()
        .isInstanceOf(AzureClusterProvider.class)
        .extracting(ClusterProvider::description)
        .asString()
        .startsWith("Azure: ");
  }

  @Test
  void
      plan_onTheDefaultProvider_withoutCredentials_listsEveryResource_withCostsFromTheDatedTable() {
    var plan = Cluster.on(azure()).minions(3).plan();

    assertThat(plan.provider()).isEqualTo("azure");
    assertThat(plan.priceSource())
        .isEqualTo(
            "Azure pay-as-you-go prices, westus2, table of 2026-11-01"
                + " (https://prices.azure.com/api/retail/prices)");
    assertThat(plan.resources())
        .extracting(PlannedResource::kind)
        .containsSubsequence(
            "ResourceGroup",
            "UserAssignedIdentity",
            "RoleAssignment",
            "VirtualNetwork",
            "Subnet",
            "Subnet",
            "NetworkSecurityGroup",
            "LoadBalancer",
            "PrivateDnsZone",
            "VirtualNetworkLink",
            "VirtualMachineScaleSet",
            "VirtualMachineScaleSet",
            "ARecordSet",
            "ARecordSet");
    assertThat(plan.resources())
        .filteredOn(r -> r.kind().equals("VirtualMachineScaleSet"))
        .extracting(
            PlannedResource::name,
            r -> r.detail().substring(0, r.detail().indexOf(',')),
            r -> r.hourlyCostUsd().stripTrailingZeros())
        .containsExactly(
            tuple("cncfdemo-masters", "1 x Standard_D2s_v5", new BigDecimal("0.096")),
            tuple("cncfdemo-minions", "3 x Standard_D2s_v5", new BigDecimal("0.288")));
    assertThat(plan.resources())
        .filteredOn(r -> r.kind().equals("NetworkSecurityGroup"))
        .singleElement()
        .extracting(PlannedResource::detail)
        .asString()
        .contains("(apiAccessCidr: required by create())", "UDP 4789");
    // 4 x (D2s_v5 0.096 + public IP 0.005) + load balancer 0.025 + (4 disks x 2.40 + zone 0.50) per
    // month
    var expected =
        new BigDecimal("0.101")
            .multiply(BigDecimal.valueOf(4))
            .add(new BigDecimal("0.025"))
            .add(new BigDecimal("10.1").divide(BigDecimal.valueOf(730), 10, RoundingMode.HALF_UP));
    assertThat(plan.hourlyCostUsd()).isCloseTo(expected, Offset.offset(new BigDecimal("0.000001")));
    assertThat(plan.monthlyCostUsd()).isEqualByComparingTo("323.27");
    assertThat(plan.describe()).contains("total: 0.4428 USD/hour, 323.27 USD/month");
  }

  @Test
  void plan_namesTheApiAccessRange_andTheRolesOfEachIdentity() {
    var plan =
        Cluster.on(azure().location("westeurope").apiAccessCidr("203.0.113.7/32"))
            .named("demo")
            .plan();

    assertThat(plan.resources())
        .filteredOn(r -> r.kind().equals("RoleAssignment"))
        .extracting(PlannedResource::name)
        .containsExactly(
            "demo-masters: Reader",
            "demo-masters: Tag Contributor",
            "demo-minions: Reader",
            "demo-cloud: Contributor");
    assertThat(plan.resources())
        .filteredOn(r -> r.kind().equals("ResourceGroup"))
        .extracting(PlannedResource::name)
        .containsExactly("cncfdemo-demo-westeurope");
    assertThat(plan.resources())
        .filteredOn(r -> r.kind().equals("NetworkSecurityGroup"))
        .extracting(PlannedResource::detail)
        .asString()
        .contains("SSH and TCP 6443 from 203.0.113.7/32");
  }

  @Test
  void plan_listsTheCloudsIdentity_theDiskCsiDriver_andItsDefaultStorageClass_atNoCost() {
    var plan = Cluster.on(azure().location("westeurope")).named("demo").plan();

    assertThat(plan.resources())
        .filteredOn(r -> r.kind().equals("UserAssignedIdentity"))
        .extracting(PlannedResource::name)
        .containsExactly("demo-masters", "demo-minions", "demo-cloud");
    assertThat(plan.resources())
        .filteredOn(r -> r.kind().equals("KubernetesAddon"))
        .extracting(PlannedResource::name, PlannedResource::detail, PlannedResource::hourlyCostUsd)
        .containsExactly(
            tuple(
                "azuredisk-csi-driver v1.33.0",
                "applied by the first master; cloud config (managed identity demo-cloud, no"
                    + " secret) in secret kube-system/azure-cloud-provider",
                BigDecimal.ZERO),
            tuple(
                "StorageClass managed-csi",
                "the default: disk.csi.azure.com, StandardSSD_LRS, WaitForFirstConsumer; disks are"
                    + " billed as they are made",
                BigDecimal.ZERO));
    assertThat(plan.describe())
        .contains("azuredisk-csi-driver v1.33.0", "StorageClass managed-csi", "demo-cloud");
  }

  @Test
  void plan_withASizeOrLocationNotInTheTable_saysSo() {
    var plan = Cluster.on(azure().location("brazilsouth").vmSize("Standard_M416ms_v2")).plan();

    assertThat(plan.priceSource())
        .isEqualTo(
            "Azure pay-as-you-go prices, brazilsouth, table of 2026-11-01"
                + " (https://prices.azure.com/api/retail/prices) (location not in the table: disks"
                + " at eastus prices); no price for Standard_D2s_v5, Standard_M416ms_v2 in"
                + " brazilsouth, counted as 0");
    assertThat(plan.resources())
        .filteredOn(
            r -> r.kind().equals("VirtualMachineScaleSet") && r.name().equals("cncfdemo-minions"))
        .singleElement()
        .extracting(PlannedResource::hourlyCostUsd)
        .isEqualTo(BigDecimal.ZERO);
  }
}
