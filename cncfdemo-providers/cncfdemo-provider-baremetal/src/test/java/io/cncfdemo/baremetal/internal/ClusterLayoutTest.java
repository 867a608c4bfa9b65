package io.cncfdemo.baremetal.internal;

import static io.cncfdemo.Providers.bareMetal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cncfdemo.Cluster;
import io.cncfdemo.cluster.BareMetalHost;
import io.cncfdemo.cluster.ClusterSpec;
import io.cncfdemo.cluster.Inventory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterLayoutTest {
  @Test
  void minions_getTheirOwnSlash24_ofThePodRange() {
    var node =
        (java.util.function.IntFunction<ClusterLayout.Node>)
            index ->
                new ClusterLayout.Node(BareMetalHost.of("a"), BareMetalHost.Role.MINION, index);
    assertThat(node.apply(0).podSubnet()).isEqualTo("10.244.0.0/24");
    assertThat(node.apply(0).podGateway()).isEqualTo("10.244.0.1");
    assertThat(node.apply(255).podSubnet()).isEqualTo("10.244.255.0/24");
    assertThat(node.apply(256).podSubnet()).isEqualTo("10.245.0.0/24");
    assertThat(node.apply(1023).podSubnet()).isEqualTo("10.247.255.0/24");
    assertThat(Cidr.contains(ClusterLayout.POD_CIDR, "10.247.255.7")).isTrue();
    assertThat(Cidr.contains(ClusterLayout.POD_CIDR, "10.248.0.1")).isFalse();
    assertThat(Cidr.contains(ClusterLayout.SERVICE_CIDR, "not an address")).isFalse();
  }

  @Test
  void theMastersName_resolvesToTheFirstMaster() {
    var layout =
        ClusterLayout.of(Cluster.on(bareMetal("10.0.0.11", "10.0.0.12")).named("lab").spec());
    assertThat(layout.mastersName()).isEqualTo("masters.lab.k8s");
    assertThat(layout.apiServerUrl()).isEqualTo("https://masters.lab.k8s:6443");
    assertThat(layout.externalApiServerUrl()).isEqualTo("https://10.0.0.11:6443");
  }

  @Test
  void rolesDecide_andAMasterCountThatDisagrees_isRejected(@TempDir Path dir) throws Exception {
    var file =
        Files.writeString(
            dir.resolve("cluster.yaml"), "hosts: [a, {address: b, role: master}, c]\n");
    var withRoles = bareMetal(Inventory.read(file));
    assertThat(ClusterLayout.of(ClusterSpec.on(withRoles)).masters())
        .extracting(ClusterLayout.Node::address)
        .containsExactly("b");
    assertThatThrownBy(() -> ClusterLayout.of(ClusterSpec.on(withRoles).masters(2)))
        .hasMessage(
            "masters must be 1, the hosts with role master of bareMetal(Inventory.read(\""
                + file
                + "\")) (or"
                + " leave it unset), was 2");
  }
}
