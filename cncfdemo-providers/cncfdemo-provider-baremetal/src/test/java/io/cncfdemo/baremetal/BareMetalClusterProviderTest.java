package io.cncfdemo.baremetal;

import static io.cncfdemo.Providers.bareMetal;
import static io.cncfdemo.Providers.local;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cncfdemo.Cluster;
import io.cncfdemo.Providers;
import io.cncfdemo.cluster.ClusterProvider;
import io.cncfdemo.cluster.ClusterSpec;
import io.cncfdemo.cluster.Inventory;
import io.cncfdemo.cluster.PlannedResource;
import io.cncfdemo.exception.InvalidInputException;
import java.nio.file.Path;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BareMetalClusterProviderTest {
  @TempDir Path dir;

  BareMetalClusterProvider provider() {
    return BareMetalClusterProvider.builder().kubeconfigDirectory(dir).build();
  }

  @Test
  void isFoundByServiceLoader_underItsName() {
    assertThat(ServiceLoader.load(ClusterProvider.class))
        .extracting(ClusterProvider::name)
        .contains("baremetal");
    assertThat(Providers.named("baremetal").providerName()).isEqualTo("baremetal");
  }

  @Test
  void plan_listsPerHostWhatIsInstalledAndStarted_atNoCost() {
    var plan =
        Cluster.on(bareMetal("10.0.0.11", "10.0.0.12", "10.0.0.13").sshUser("ops"))
            .named("lab")
            .using(provider())
            .plan();

    assertThat(plan.resources())
        .filteredOn(r -> r.kind().equals("host"))
        .extracting(PlannedResource::name, PlannedResource::detail)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("10.0.0.11", "master, ssh ops@10.0.0.11:22"),
            org.assertj.core.groups.Tuple.tuple("10.0.0.12", "minion, ssh ops@10.0.0.12:22"),
            org.assertj.core.groups.Tuple.tuple("10.0.0.13", "minion, ssh ops@10.0.0.13:22"));
    assertThat(plan.resources())
        .extracting(PlannedResource::name)
        .contains(
            "10.0.0.11:etcd",
            "10.0.0.11:kube-apiserver",
            "10.0.0.12:containerd",
            "10.0.0.12:kubelet",
            "10.0.0.13:kube-proxy",
            "10.0.0.13:cncfdemo0",
            "every host:/etc/hosts");
    assertThat(plan.resources())
        .filteredOn(r -> r.name().equals("10.0.0.13:cncfdemo0"))
        .singleElement()
        .extracting(PlannedResource::detail)
        .isEqualTo("pod subnet 10.244.1.0/24, routes to the other minions' pod subnets");
    assertThat(plan.resources())
        .filteredOn(r -> r.name().equals("every host:/etc/hosts"))
        .singleElement()
        .extracting(PlannedResource::detail)
        .isEqualTo("masters.lab.k8s -> 10.0.0.11");
    assertThat(plan.hourlyCostUsd()).isZero();
    assertThat(plan.priceSource())
        .isEqualTo(
            "your own servers: no price declared (bareMetal(...).hourlyCost(usdPerHostHour)"
                + " sets one)");
    assertThat(plan.describe()).contains("this machine:" + dir.resolve("lab.kubeconfig"));
  }

  @Test
  void plan_pricesTheHostsAtTheDeclaredHourlyCost() {
    var plan =
        Cluster.on(bareMetal("a", "b", "c", "d").hourlyCost(0.45).bastion("jump"))
            .using(provider())
            .plan();

    assertThat(plan.hourlyCostUsd()).isEqualByComparingTo("1.80");
    assertThat(plan.monthlyCostUsd()).isEqualByComparingTo("1314.00");
    assertThat(plan.priceSource()).isEqualTo("your declared price: 0.45 USD per host-hour");
    assertThat(plan.resources().get(0).detail()).isEqualTo("master, ssh root@a:22 via jump");
  }

  @Test
  void theHostsDecide_andCountsThatDisagreeAreRejected() {
    var target = bareMetal("a", "b", "c");
    assertThat(Cluster.on(target).masters(2).using(provider()).plan().resources())
        .filteredOn(r -> r.kind().equals("host"))
        .extracting(PlannedResource::detail)
        .containsExactly("master, ssh root@a:22", "master, ssh root@b:22", "minion, ssh root@c:22");
    assertThatThrownBy(() -> Cluster.on(target).minions(5).using(provider()).plan())
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "minions must be 2, the hosts of bareMetal(\"a\", \"b\", \"c\") after the master(s) (or"
                + " leave it unset), was 5");
    assertThatThrownBy(() -> Cluster.on(bareMetal("a")).using(provider()).plan())
        .hasMessage("hosts must be at least 2: the 1 master(s) and at least one minion, was 1");
    assertThatThrownBy(() -> provider().plan(ClusterSpec.on(local())))
        .hasMessage("target must be a bareMetal(...) target, was \"local()\"");
  }

  @Test
  void theCncfCommunityClusterPreset_isAFleetOfAThousandHosts() {
    var inventory = Inventory.read(Path.of("examples/cncf-community-cluster.yaml"));
    var cluster = Cluster.on(bareMetal(inventory)).named("cncf").using(provider());

    assertThat(inventory.hosts()).hasSize(1000);
    var plan = cluster.plan();
    assertThat(plan.resources())
        .filteredOn(r -> r.kind().equals("host") && r.detail().startsWith("master"))
        .hasSize(3);
    assertThat(plan.resources())
        .filteredOn(r -> r.kind().equals("host") && r.detail().startsWith("minion"))
        .hasSize(997);
    assertThat(plan.resources())
        .filteredOn(r -> r.name().equals("10.40.25.47:cncfdemo0"))
        .singleElement()
        .extracting(PlannedResource::detail)
        .isEqualTo("pod subnet 10.247.228.0/24, routes to the other minions' pod subnets");
    assertThat(inventory.hosts().get(999).labels())
        .containsEntry("topology.kubernetes.io/zone", "rack-25");
  }
}
