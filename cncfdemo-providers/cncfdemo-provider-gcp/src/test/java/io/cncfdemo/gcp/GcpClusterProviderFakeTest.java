package io.cncfdemo.gcp;

import static io.cncfdemo.Providers.gcp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.cncfdemo.Cluster;
import io.cncfdemo.exception.CncfDemoException;
import java.nio.file.Path;
import java.util.ArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code create()} and {@code destroy()} with the real Compute Engine and Cloud DNS clients against the fake: every
 * resource is made, named and labelled, and matches the plan; destroy from a fresh provider leaves nothing, as listing
 * every collection of the fake shows. The kubeadm part (instances running cloud-init) is beyond the fake: these creates
 * stop where the library waits for the admin kubeconfig.
 */
class GcpClusterProviderFakeTest {
  FakeGcp gcp;

  @TempDir
  Path kubeconfigs;

  @BeforeEach
  void start() throws Exception {
    gcp = new FakeGcp();
  }

  @AfterEach
  void stop() {
    gcp.close();
  }

  static Cluster cluster(String name) {
    return Cluster.on(gcp().project(FakeGcp.PROJECT).apiAccessCidr("203.0.113.7/32")).named(name).masters(1).minions(3);
  }

  /** Runs create() up to where it waits for the first master's kubeconfig, which no fake instance publishes. */
  private void createInfrastructure(String name, GcpClusterProvider provider) {
    assertThatThrownBy(() -> cluster(name).using(provider).create())
        .isInstanceOf(CncfDemoException.class)
        .hasMessageContaining("no master published the admin kubeconfig")
        .hasMessageContaining("run create() again to go on waiting, or destroy() to remove everything");
  }

  @Test
  void create_makesEveryResource_named_andLabelled() {
    var progress = new ArrayList<String>();
    createInfrastructure("alpha", gcp.provider(kubeconfigs).progress(progress::add).build());

    assertThat(gcp.counts()).containsOnly(
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
        entry("dns/cncfdemo-alpha-zone/rrsets", 4));
    assertThat(gcp.inventory()).allSatisfy((collection, names) -> {
      if (!collection.endsWith("/rrsets")) {
        assertThat(names).allMatch(n -> n.startsWith("cncfdemo-alpha-"), "prefixed in " + collection);
      }
    });
    assertThat(gcp.inventory().get("dns/cncfdemo-alpha-zone/rrsets")).contains("masters.alpha.k8s. A",
        "minions.alpha.k8s. A");
    assertThat(progress).contains("network and subnetwork: done", "DNS records of the nodes: done",
        "minions.alpha.k8s lists 3 address(es)");
  }
}
