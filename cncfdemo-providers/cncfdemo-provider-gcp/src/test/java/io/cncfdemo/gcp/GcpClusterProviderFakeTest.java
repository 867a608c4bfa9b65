package io.cncfdemo.gcp;

import static io.cncfdemo.Providers.gcp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import com.google.gson.JsonParser;
import io.cncfdemo.Cluster;
import io.cncfdemo.cluster.PlannedResource;
import io.cncfdemo.exception.CncfDemoException;
import io.cncfdemo.gcp.fake.GcpFake;
import io.cncfdemo.gcp.internal.GcpPlan;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code create()} and {@code destroy()} with the real Compute Engine and Cloud DNS clients against
 * the fake: every resource is made, named and labelled, and matches the plan; destroy from a fresh
 * provider leaves nothing, as listing every collection of the fake shows. The kubeadm part
 * (instances running cloud-init) is beyond the fake: these creates stop where the library waits for
 * the admin kubeconfig.
 */
class GcpClusterProviderFakeTest {
  FakeGcp gcp;

  @TempDir Path kubeconfigs;

  @BeforeEach
  void start() throws Exception {
    gcp = new FakeGcp();
  }

  @AfterEach
  void stop() {
    gcp.close();
  }

  static Cluster cluster(String name) {
    return Cluster.on(gcp().project(FakeGcp.PROJECT).apiAccessCidr("203.0.113.7/32"))
        .named(name)
        .masters(1)
        .minions(3);
  }

  /**
   * Runs create() up to where it waits for the first master's kubeconfig, which no fake instance
   * publishes.
   */
  private void createInfrastructure(String name, GcpClusterProvider provider) {
    assertThatThrownBy(() -> cluster(name).using(provider).create())
        .isInstanceOf(CncfDemoException.class)
        .hasMessageContaining("no master published the admin kubeconfig")
        .hasMessageContaining(
            "run create() again to go on waiting, or destroy() to remove everything");
  }

  @Test
  void create_makesEveryResource_named_andLabelled() {
    var progress = new ArrayList<String>();
    createInfrastructure("alpha", gcp.provider(kubeconfigs).progress(progress::add).build());

    assertThat(gcp.counts())
        .containsOnly(
            entry("global/networks", 1),
            entry("regions/us-central1/subnetworks", 1),
            entry("global/firewalls", 4),
            entry("global/instanceTemplates", 2),
            entry("regions/us-central1/instanceGroupManagers", 2),
            entry("zones/us-central1-a/instances", 4),
            entry("zones/us-central1-a/disks", 4),
            entry("regions/us-central1/addresses", 1),
            entry("regions/us-central1/healthChecks", 1),
            entry("regions/us-central1/backendServices", 1),
            entry("regions/us-central1/forwardingRules", 1),
            entry("dns/managedZones", 1),
            entry("dns/cncfdemo-alpha-zone/rrsets", 4),
            entry("iam/serviceAccounts", 1));
    assertThat(gcp.inventory())
        .allSatisfy(
            (collection, names) -> {
              if (!collection.endsWith("/rrsets")) {
                assertThat(names)
                    .allMatch(n -> n.startsWith("cncfdemo-alpha-"), "prefixed in " + collection);
              }
            });
    assertThat(gcp.inventory().get("dns/cncfdemo-alpha-zone/rrsets"))
        .contains("masters.alpha.k8s. A", "minions.alpha.k8s. A");
    assertThat(progress)
        .contains(
            "network and subnetwork: done",
            "DNS records of the nodes: done",
            "minions.alpha.k8s lists 3 address(es)");
  }

  @Test
  void plan_equalsWhatCreateMade_typeByType() {
    createInfrastructure("beta", gcp.provider(kubeconfigs).build());
    var plan = cluster("beta").plan();

    var made = gcp.counts();
    var planned =
        plan.resources().stream()
            .filter(r -> !r.kind().equals(GcpPlan.CLUSTER_ADDON))
            .collect(
                Collectors.groupingBy(
                    PlannedResource::kind,
                    Collectors.summingInt(
                        r ->
                            r.name().endsWith("-*")
                                ? Integer.parseInt(r.detail().split(" ")[0])
                                : 1)));
    assertThat(planned)
        .containsOnly(
            entry(GcpPlan.NETWORK, made.get("global/networks")),
            entry(GcpPlan.SUBNETWORK, made.get("regions/us-central1/subnetworks")),
            entry(GcpPlan.FIREWALL, made.get("global/firewalls")),
            entry(GcpPlan.INSTANCE_TEMPLATE, made.get("global/instanceTemplates")),
            entry(
                GcpPlan.INSTANCE_GROUP_MANAGER,
                made.get("regions/us-central1/instanceGroupManagers")),
            entry(GcpPlan.INSTANCE, made.get("zones/us-central1-a/instances")),
            entry(GcpPlan.DISK, made.get("zones/us-central1-a/disks")),
            entry(GcpPlan.EXTERNAL_ADDRESS, made.get("zones/us-central1-a/instances")),
            entry(GcpPlan.ADDRESS, made.get("regions/us-central1/addresses")),
            entry(GcpPlan.HEALTH_CHECK, made.get("regions/us-central1/healthChecks")),
            entry(GcpPlan.BACKEND_SERVICE, made.get("regions/us-central1/backendServices")),
            entry(GcpPlan.FORWARDING_RULE, made.get("regions/us-central1/forwardingRules")),
            entry(GcpPlan.MANAGED_ZONE, made.get("dns/managedZones")),
            entry(GcpPlan.RECORD_SET, made.get("dns/cncfdemo-beta-zone/rrsets") - 2),
            entry(GcpPlan.SERVICE_ACCOUNT, made.get("iam/serviceAccounts")),
            entry(
                GcpPlan.IAM_BINDING,
                (int)
                    gcp.fake.iam().members().values().stream()
                        .filter(
                            members ->
                                members.contains(
                                    "serviceAccount:cncfdemo-beta-nodes@cncfdemo-test.iam.gserviceaccount.com"))
                        .count()));
    var names = gcp.inventory().values().stream().flatMap(List::stream).collect(Collectors.toSet());
    assertThat(plan.resources())
        .filteredOn(
            r ->
                !r.name().endsWith("-*")
                    && !r.kind().equals(GcpPlan.RECORD_SET)
                    && !r.kind().equals(GcpPlan.IAM_BINDING)
                    && !r.kind().equals(GcpPlan.CLUSTER_ADDON))
        .allSatisfy(r -> assertThat(names).contains(r.name()));
  }

  @Test
  void
      aSecondCreate_changesNothing_andDestroyFromAFreshProvider_leavesNothing_notEvenTheCloudIntegrationsRules() {
    createInfrastructure("gamma", gcp.provider(kubeconfigs).build());
    var before = gcp.inventory();
    gcp.fake.clearRequests();
    createInfrastructure("gamma", gcp.provider(kubeconfigs).build());
    assertThat(gcp.fake.requests()).noneMatch(GcpFake.Request::isWrite);
    assertThat(gcp.inventory()).isEqualTo(before);
    var rule =
        JsonParser.parseString(
                "{\"name\":\"k8s-fw-a1b2c3\",\"network\":\"projects/cncfdemo-test/global/networks/"
                    + "cncfdemo-gamma-net\",\"sourceRanges\":[\"0.0.0.0/0\"],\"allowed\":[{\"IPProtocol\":\"tcp\","
                    + "\"ports\":[\"80\"]}]}")
            .getAsJsonObject();
    gcp.fake.compute().insertDirectly("global/firewalls", rule);
    var other =
        JsonParser.parseString(
                "{\"name\":\"k8s-fw-elsewhere\",\"network\":\"projects/cncfdemo-test/global/"
                    + "networks/default\"}")
            .getAsJsonObject();
    gcp.fake.compute().insertDirectly("global/firewalls", other);

    var progress = new ArrayList<String>();
    var removed =
        gcp.provider(kubeconfigs)
            .progress(progress::add)
            .build()
            .destroyAndReport(cluster("gamma").spec());

    assertThat(gcp.inventory())
        .containsOnly(entry("global/firewalls", List.of("k8s-fw-elsewhere")));
    assertThat(removed)
        .contains(
            "Firewall k8s-fw-a1b2c3",
            "InstanceGroupManager cncfdemo-gamma-masters",
            "ManagedZone cncfdemo-gamma-zone",
            "ResourceRecordSet minions.gamma.k8s.",
            "Network cncfdemo-gamma-net",
            "ServiceAccount cncfdemo-gamma-nodes@cncfdemo-test.iam.gserviceaccount.com")
        .hasSize(22);
    assertThat(removed.get(removed.size() - 1))
        .isEqualTo("ServiceAccount cncfdemo-gamma-nodes@cncfdemo-test.iam.gserviceaccount.com");
    assertThat(progress).last().isEqualTo("cluster gamma deleted");
    assertThat(gcp.provider(kubeconfigs).build().destroyAndReport(cluster("gamma").spec()))
        .isEmpty();
  }

  @Test
  void aCreateInterruptedByAFailedOperation_orThrottled_isFinishedByTheNextOne_withoutDuplicates() {
    createInfrastructure("delta", gcp.provider(kubeconfigs).build());
    var uninterrupted = gcp.counts();
    gcp.provider(kubeconfigs).build().destroy(cluster("delta").spec());
    gcp.fake
        .compute()
        .failNextInsert(
            "instanceGroupManagers",
            "ZONE_RESOURCE_POOL_EXHAUSTED",
            "The zone 'projects/cncfdemo-test/zones/us-central1-a' does not have enough resources"
                + " available");

    assertThatThrownBy(() -> cluster("delta").using(gcp.provider(kubeconfigs).build()).create())
        .isInstanceOf(CncfDemoException.class)
        .hasMessage(
            "Compute Engine could not create managed instance group cncfdemo-delta-masters:"
                + " ZONE_RESOURCE_POOL_EXHAUSTED: The zone"
                + " 'projects/cncfdemo-test/zones/us-central1-a' does not have enough resources"
                + " available (after the step \"instance templates of the masters and the"
                + " minions\"). What was made so far is kept: run create() again to go on from"
                + " there, or destroy() to remove everything");
    gcp.fake.throttle(1);
    assertThatThrownBy(() -> cluster("delta").using(gcp.provider(kubeconfigs).build()).create())
        .isInstanceOf(CncfDemoException.class)
        .hasMessageStartingWith(
            "Google Cloud refused a read before anything was created (RESOURCE_EXHAUSTED")
        .hasMessageContaining("429");
    var templates = gcp.inventory().get("global/instanceTemplates");
    createInfrastructure("delta", gcp.provider(kubeconfigs).build());

    assertThat(gcp.counts()).isEqualTo(uninterrupted);
    assertThat(gcp.inventory().get("global/instanceTemplates")).isEqualTo(templates);
    var inserts =
        gcp.fake.requests().stream()
            .filter(GcpFake.Request::isInsert)
            .filter(r -> !r.path().endsWith("/changes"))
            // the identity's writes carry no name; NodeIdentityFakeTest counts them
            .filter(r -> !r.path().startsWith("/v1/projects/"))
            .collect(
                Collectors.groupingBy(
                    r ->
                        r.path()
                            + " "
                            + r.body().replaceAll("(?s).*?\"name\": ?\"([^\"]+)\".*", "$1"),
                    Collectors.counting()));
    assertThat(inserts)
        .as("each resource inserted once, the failed group twice")
        .allSatisfy(
            (what, count) ->
                assertThat(count)
                    .as(what)
                    .isEqualTo(
                        what.contains("instanceGroupManagers cncfdemo-delta-masters") ? 3L : 2L));
  }
}
