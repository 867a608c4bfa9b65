package io.cncfdemo.azure;

import static io.cncfdemo.Providers.azure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.JsonNode;
import io.cncfdemo.Cluster;
import io.cncfdemo.azure.internal.AzurePlan;
import io.cncfdemo.cluster.PlannedResource;
import io.cncfdemo.exception.CncfDemoException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code create()} and {@code destroy()} with the real SDK against the ARM fake: every resource is
 * made and tagged and matches the plan; a create interrupted by a failed operation resumes to the
 * state of an uninterrupted one; a second create changes nothing; destroy from a fresh provider
 * leaves nothing, as listing the fake shows. The kubeadm part (VMs running cloud-init) is beyond
 * the fake: these creates stop where the library waits for the admin kubeconfig.
 */
class AzureClusterProviderFakeTest {
  static final String LOCATION = "westeurope";
  static FakeAzure azure;

  @TempDir Path kubeconfigs;

  @BeforeAll
  static void start() throws Exception {
    azure = new FakeAzure();
  }

  @AfterAll
  static void stop() throws Exception {
    azure.close();
  }

  static Cluster cluster(String name) {
    return Cluster.on(azure().location(LOCATION).apiAccessCidr("203.0.113.7/32"))
        .named(name)
        .masters(1)
        .minions(3);
  }

  /**
   * Runs create() up to where it waits for the first master's kubeconfig, which no fake VM writes.
   */
  private void createInfrastructure(String name, AzureClusterProvider provider) {
    assertThatThrownBy(() -> cluster(name).using(provider).create())
        .isInstanceOf(CncfDemoException.class)
        .hasMessageContaining("the first master did not write /etc/cncfdemo/admin.conf")
        .hasMessageContaining(
            "run create() again to go on waiting, or destroy() to remove everything");
  }

  static Map<String, List<String>> inventory(String cluster) {
    return ClusterInventory.of(azure.arm, cluster, LOCATION);
  }

  @Test
  void create_makesEveryResource_tagged_andWhatThePlanSays_typeByType() {
    var progress = new ArrayList<String>();
    createInfrastructure("alpha", azure.provider(kubeconfigs).progress(progress::add).build());

    var made = inventory("alpha");
    assertThat(ClusterInventory.counts(made))
        .containsOnly(
            entry("Microsoft.Resources/resourceGroups", 1),
            entry("Microsoft.ManagedIdentity/userAssignedIdentities", 3),
            entry("Microsoft.Authorization/roleAssignments", 4),
            entry("Microsoft.Network/virtualNetworks", 1),
            entry("Microsoft.Network/networkSecurityGroups", 1),
            entry("Microsoft.Network/loadBalancers", 1),
            entry("Microsoft.Network/privateDnsZones", 1),
            entry("Microsoft.Network/privateDnsZones/virtualNetworkLinks", 1),
            entry("Microsoft.Compute/virtualMachineScaleSets", 2),
            entry("Microsoft.Compute/virtualMachines", 4),
            entry("Microsoft.Network/networkInterfaces", 4),
            entry("Microsoft.Network/publicIPAddresses", 4),
            entry("Microsoft.Compute/disks", 4),
            entry("Microsoft.Network/privateDnsZones/A", 2));
    assertThat(made.get("Microsoft.Compute/virtualMachineScaleSets"))
        .containsExactly("alpha-masters", "alpha-minions");
    assertThat(made.get("Microsoft.Network/privateDnsZones/A"))
        .containsExactly("masters", "minions");
    assertThat(progress)
        .contains(
            "VM scale sets of the masters and the minions: done", "DNS records of the nodes: done");

    var all = azure.arm.state().all();
    var tracked =
        all.values().stream()
            .filter(r -> r.path("id").asText().contains("cncfdemo-alpha-"))
            .filter(
                r ->
                    !r.path("type").asText().startsWith("Microsoft.Authorization")
                        && !r.path("type").asText().endsWith("/A"))
            .toList();
    assertThat(tracked)
        .hasSize(27)
        .allSatisfy(
            r ->
                assertThat(r.path("tags").path("KubernetesCluster").asText())
                    .as(r.path("id").asText())
                    .isEqualTo("alpha"));
    assertThat(tracked)
        .filteredOn(r -> r.path("type").asText().endsWith("virtualMachineScaleSets"))
        .extracting(r -> r.path("tags").path("Role").asText())
        .containsExactly("master", "minion");

    var plan = cluster("alpha").using(azure.provider(kubeconfigs).build()).plan();
    assertThat(planned(plan.resources()))
        .isEqualTo(
            Map.ofEntries(
                entry(AzurePlan.RESOURCE_GROUP, 1),
                entry(AzurePlan.IDENTITY, 3),
                entry(AzurePlan.ROLE_ASSIGNMENT, 4),
                entry(AzurePlan.VIRTUAL_NETWORK, 1),
                entry(AzurePlan.SUBNET, 2),
                entry(AzurePlan.SECURITY_GROUP, 1),
                entry(AzurePlan.LOAD_BALANCER, 1),
                entry(AzurePlan.DNS_ZONE, 1),
                entry(AzurePlan.DNS_LINK, 1),
                entry(AzurePlan.SCALE_SET, 2),
                entry(AzurePlan.VIRTUAL_MACHINE, 4),
                entry(AzurePlan.NETWORK_INTERFACE, 4),
                entry(AzurePlan.DISK, 4),
                entry(AzurePlan.PUBLIC_IP, 4),
                entry(AzurePlan.DNS_RECORD, 2),
                entry(AzurePlan.CLUSTER_ADDON, 2)));
    var madeByKind = new TreeMap<String, Integer>();
    ClusterInventory.counts(made).forEach((type, count) -> madeByKind.put(KINDS.get(type), count));
    madeByKind.put(AzurePlan.SUBNET, subnets("alpha"));
    var armResources = planned(plan.resources());
    armResources.remove(AzurePlan.CLUSTER_ADDON); // applied in the cluster by the first master
    assertThat(madeByKind).isEqualTo(armResources);

    cluster("alpha").using(azure.provider(kubeconfigs).build()).destroy();
  }

  @Test
  void create_givesEveryNodeTheCloudsIdentity_ContributorOnTheGroup_andDestroyRemovesBoth()
      throws Exception {
    createInfrastructure("gamma", azure.provider(kubeconfigs).build());
    var group =
        "/subscriptions/" + FakeAzure.SUBSCRIPTION + "/resourceGroups/cncfdemo-gamma-westeurope";
    var identityId =
        group + "/providers/Microsoft.ManagedIdentity/userAssignedIdentities/gamma-cloud";
    var identity = azure.arm.state().all().get(identityId);
    assertThat(identity).as(identityId).isNotNull();
    var principal = identity.path("properties").path("principalId").asText();
    var clientId = identity.path("properties").path("clientId").asText();

    var assignments = roleAssignmentsOf(principal);
    assertThat(assignments)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.path("id").asText())
                  .startsWith(group + "/providers/Microsoft.Authorization/roleAssignments/");
              assertThat(a.path("properties").path("roleDefinitionId").asText())
                  .isEqualTo(
                      "/subscriptions/"
                          + FakeAzure.SUBSCRIPTION
                          + "/providers/Microsoft.Authorization/roleDefinitions/"
                          + "b24988ac-6180-42a0-ab88-20f7382dd24c");
            });
    for (var scaleSet : List.of("gamma-masters", "gamma-minions")) {
      var body =
          azure
              .arm
              .state()
              .all()
              .get(group + "/providers/Microsoft.Compute/virtualMachineScaleSets/" + scaleSet);
      var attached = new ArrayList<String>();
      body.path("identity")
          .path("userAssignedIdentities")
          .fieldNames()
          .forEachRemaining(attached::add);
      var own = group + "/providers/Microsoft.ManagedIdentity/userAssignedIdentities/" + scaleSet;
      if (scaleSet.endsWith("-masters")) {
        assertThat(attached).as(scaleSet).containsExactly(own, identityId);
      } else {
        assertThat(attached)
            .as("the minions, where workloads run, never carry it")
            .containsExactly(own);
      }
    }
    var cloudConfig =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(
                azure.nodes.file("gamma-masters", "/etc/kubernetes/azure.json").orElseThrow());
    assertThat(cloudConfig.path("userAssignedIdentityID").asText()).isEqualTo(clientId);
    assertThat(cloudConfig.path("tenantId").asText())
        .isEqualTo(identity.path("properties").path("tenantId").asText());
    assertThat(cloudConfig.path("resourceGroup").asText()).isEqualTo("cncfdemo-gamma-westeurope");
    assertThat(azure.nodes.file("gamma-minions", "/etc/kubernetes/azure.json")).isEmpty();

    cluster("gamma").using(azure.provider(kubeconfigs).build()).destroy();

    assertThat(inventory("gamma")).isEmpty();
    assertThat(azure.arm.state().all()).doesNotContainKey(identityId);
    assertThat(roleAssignmentsOf(principal)).isEmpty();
  }

  /** Every role assignment the fake holds, anywhere, for this principal. */
  static List<JsonNode> roleAssignmentsOf(String principalId) {
    return azure.arm.state().all().values().stream()
        .filter(r -> r.path("type").asText().equals("Microsoft.Authorization/roleAssignments"))
        .filter(r -> r.path("properties").path("principalId").asText().equals(principalId))
        .toList();
  }

  @Test
  void destroy_fromAFreshProvider_leavesNothing_asListingTheFakeShows_andReportsWhatItRemoved() {
    createInfrastructure("beta", azure.provider(kubeconfigs).build());
    var stray =
        "/subscriptions/"
            + FakeAzure.SUBSCRIPTION
            + "/resourceGroups/shared/providers/Microsoft.Network/"
            + "publicIPAddresses/beta-extra";
    var tags =
        io.cncfdemo.azure.fake.ArmFake.object()
            .put("type", "Microsoft.Network/publicIPAddresses")
            .put("name", "beta-extra")
            .put("location", LOCATION);
    tags.putObject("tags").put("KubernetesCluster", "beta");
    azure
        .arm
        .state()
        .seed(
            "/subscriptions/" + FakeAzure.SUBSCRIPTION + "/resourceGroups/shared",
            io.cncfdemo.azure.fake.ArmFake.object()
                .put("name", "shared")
                .put("type", "Microsoft.Resources/resourceGroups"));
    azure.arm.state().seed(stray, tags);
    var elsewhere =
        "/subscriptions/" + FakeAzure.SUBSCRIPTION + "/resourceGroups/cncfdemo-beta-westus2";
    var otherCluster =
        io.cncfdemo.azure.fake.ArmFake.object()
            .put("name", "cncfdemo-beta-westus2")
            .put("type", "Microsoft.Resources/resourceGroups")
            .put("location", "westus2");
    otherCluster.putObject("tags").put("KubernetesCluster", "beta");
    azure.arm.state().seed(elsewhere, otherCluster);

    var removed = azure.provider(kubeconfigs).build().destroyAndReport(cluster("beta").spec());

    assertThat(inventory("beta")).isEmpty();
    assertThat(azure.arm.state().all())
        .doesNotContainKey(stray)
        .containsKey("/subscriptions/" + FakeAzure.SUBSCRIPTION + "/resourceGroups/shared")
        .as("the cluster of the same name in westus2")
        .containsKey(elsewhere);
    assertThat(removed)
        .contains(
            "Microsoft.Resources/resourceGroups cncfdemo-beta-westeurope",
            "Microsoft.Compute/virtualMachineScaleSets beta-minions",
            "Microsoft.Network/publicIPAddresses beta-extra");

    assertThat(azure.provider(kubeconfigs).build().destroyAndReport(cluster("beta").spec()))
        .isEmpty();
    assertThat(inventory("beta")).isEmpty();
    azure.arm.state().remove(elsewhere);
  }

  @Test
  void create_interruptedByAFailedOperation_resumes_toTheStateOfAnUninterruptedCreate() {
    azure.arm.failNextPut(
        path -> path.contains("/loadBalancers/"),
        "InternalServerError",
        "An unexpected error occured while processing the request.");
    assertThatThrownBy(() -> cluster("resumed").using(azure.provider(kubeconfigs).build()).create())
        .isInstanceOf(CncfDemoException.class)
        .hasMessage(
            "Azure refused a request after the step \"network security group\""
                + " (InternalServerError: An unexpected error occured while processing the"
                + " request.). What was made so far is kept: run create() again to go on from"
                + " there, or destroy() to remove everything");
    assertThat(inventory("resumed"))
        .containsKey("Microsoft.Network/loadBalancers")
        .doesNotContainKey("Microsoft.Compute/virtualMachineScaleSets");

    createInfrastructure("resumed", azure.provider(kubeconfigs).build());
    createInfrastructure("straight", azure.provider(kubeconfigs).build());

    assertThat(ClusterInventory.normalized(inventory("resumed"), "resumed"))
        .isEqualTo(ClusterInventory.normalized(inventory("straight"), "straight"));
    assertThat(azure.arm.state().all().values())
        .filteredOn(r -> r.path("name").asText().equals("resumed-api"))
        .singleElement()
        .extracting(r -> r.path("properties").path("provisioningState").asText())
        .isEqualTo("Succeeded");
    cluster("resumed").using(azure.provider(kubeconfigs).build()).destroy();
    cluster("straight").using(azure.provider(kubeconfigs).build()).destroy();
  }

  @Test
  void create_interruptedBetweenTheScaleSets_resumesWithTheJoinSecretsTheMastersHave() {
    azure.arm.failNextPut(
        path -> path.endsWith("/virtualMachineScaleSets/between-minions"),
        "AllocationFailed",
        "Allocation failed. We do not have sufficient capacity for the requested VM size in this"
            + " region.");
    assertThatThrownBy(() -> cluster("between").using(azure.provider(kubeconfigs).build()).create())
        .hasMessageContaining("AllocationFailed: Allocation failed.");
    assertThat(inventory("between").get("Microsoft.Compute/virtualMachines")).hasSize(1);

    createInfrastructure("between", azure.provider(kubeconfigs).build());

    var masters = azure.nodes.file("between-masters", "/etc/cncfdemo/join.env").orElseThrow();
    var minions = azure.nodes.file("between-minions", "/etc/cncfdemo/join.env").orElseThrow();
    assertThat(masters.lines().findFirst()).isEqualTo(minions.lines().findFirst());
    assertThat(minions).startsWith("JOIN_TOKEN='").doesNotContain("CERTIFICATE_KEY");
    assertThat(inventory("between").get("Microsoft.Compute/virtualMachines")).hasSize(4);
    assertThat(azure.arm.requests())
        .anyMatch(
            r ->
                r.method().equals("POST")
                    && r.path().endsWith("/runCommand")
                    && r.body().contains("cat /etc/cncfdemo/join.env"));
    cluster("between").using(azure.provider(kubeconfigs).build()).destroy();
  }

  @Test
  void create_runTwice_changesNothing_andLeavesTheScaleSetsAlone() {
    createInfrastructure("twice", azure.provider(kubeconfigs).build());
    var first = inventory("twice");
    int before = azure.arm.requests().size();

    createInfrastructure("twice", azure.provider(kubeconfigs).build());

    assertThat(inventory("twice")).isEqualTo(first);
    var second = azure.arm.requests().subList(before, azure.arm.requests().size());
    assertThat(second)
        .noneMatch(r -> r.isWrite() && r.path().contains("/virtualMachineScaleSets/"));
    cluster("twice").using(azure.provider(kubeconfigs).build()).destroy();
  }

  @Test
  void create_withMoreMinions_scalesTheMinions_andTheirRecordFollows() {
    createInfrastructure("scaled", azure.provider(kubeconfigs).build());
    assertThat(minionsRecord("scaled")).hasSize(3);

    assertThatThrownBy(
            () -> cluster("scaled").minions(5).using(azure.provider(kubeconfigs).build()).create())
        .hasMessageContaining("the first master did not write");

    assertThat(inventory("scaled").get("Microsoft.Compute/virtualMachines")).hasSize(6);
    assertThat(minionsRecord("scaled")).hasSize(5).allMatch(ip -> ip.startsWith("10.0.16."));
    assertThat(azure.arm.requests())
        .anyMatch(r -> r.method().equals("PATCH") && r.path().endsWith("/scaled-minions"));
    cluster("scaled").using(azure.provider(kubeconfigs).build()).destroy();
  }

  @Test
  void throttling_isWaitedOut_asRetryAfterSays() {
    azure.arm.throttle(2);

    createInfrastructure("throttled", azure.provider(kubeconfigs).build());

    assertThat(inventory("throttled")).containsKey("Microsoft.Compute/virtualMachineScaleSets");
    cluster("throttled").using(azure.provider(kubeconfigs).build()).destroy();
  }

  static final Map<String, String> KINDS =
      Map.ofEntries(
          entry("Microsoft.Resources/resourceGroups", AzurePlan.RESOURCE_GROUP),
          entry("Microsoft.ManagedIdentity/userAssignedIdentities", AzurePlan.IDENTITY),
          entry("Microsoft.Authorization/roleAssignments", AzurePlan.ROLE_ASSIGNMENT),
          entry("Microsoft.Network/virtualNetworks", AzurePlan.VIRTUAL_NETWORK),
          entry("Microsoft.Network/networkSecurityGroups", AzurePlan.SECURITY_GROUP),
          entry("Microsoft.Network/loadBalancers", AzurePlan.LOAD_BALANCER),
          entry("Microsoft.Network/privateDnsZones", AzurePlan.DNS_ZONE),
          entry("Microsoft.Network/privateDnsZones/virtualNetworkLinks", AzurePlan.DNS_LINK),
          entry("Microsoft.Compute/virtualMachineScaleSets", AzurePlan.SCALE_SET),
          entry("Microsoft.Compute/virtualMachines", AzurePlan.VIRTUAL_MACHINE),
          entry("Microsoft.Network/networkInterfaces", AzurePlan.NETWORK_INTERFACE),
          entry("Microsoft.Compute/disks", AzurePlan.DISK),
          entry("Microsoft.Network/publicIPAddresses", AzurePlan.PUBLIC_IP),
          entry("Microsoft.Network/privateDnsZones/A", AzurePlan.DNS_RECORD));

  /**
   * The plan's resources per kind; a line of instances ("3 x ...", "3 VM(s) ...") counts as that
   * many.
   */
  static Map<String, Integer> planned(List<PlannedResource> resources) {
    var out = new TreeMap<String, Integer>();
    for (var resource : resources) {
      int count =
          resource.name().endsWith("-*") ? Integer.parseInt(resource.detail().split(" ")[0]) : 1;
      out.merge(resource.kind(), count, Integer::sum);
    }
    return out;
  }

  static int subnets(String cluster) {
    return azure.arm.state().all().values().stream()
        .filter(
            r ->
                r.path("name").asText().equals(cluster + "-vnet")
                    && r.path("type").asText().endsWith("virtualNetworks"))
        .findFirst()
        .orElseThrow()
        .path("properties")
        .path("subnets")
        .size();
  }

  static List<String> minionsRecord(String cluster) {
    var record =
        azure.arm.state().all().entrySet().stream()
            .filter(e -> e.getKey().endsWith(cluster + ".k8s/A/minions"))
            .findFirst()
            .orElseThrow()
            .getValue();
    var out = new ArrayList<String>();
    record
        .path("properties")
        .path("aRecords")
        .forEach(a -> out.add(a.path("ipv4Address").asText()));
    return out;
  }
}
