package io.cncfdemo.cluster;

import static io.cncfdemo.Providers.bareMetal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cncfdemo.exception.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InventoryTest {
  @TempDir Path dir;
  Path file;

  @BeforeEach
  void keys() throws IOException {
    Files.createDirectories(dir.resolve("keys"));
    Files.writeString(dir.resolve("keys/ops"), "key");
    Files.writeString(dir.resolve("keys/node2"), "key");
    Files.writeString(dir.resolve("known_hosts"), "");
    file = dir.resolve("cluster.yaml");
  }

  private Inventory read(String yaml) throws IOException {
    Files.writeString(file, yaml);
    return Inventory.read(file);
  }

  @Test
  void anInventory_givesHostsAndDefaults() throws IOException {
    var inventory =
        read(
            """
            user: ops
            port: 2222
            key: keys/ops
            knownHosts: known_hosts
            bastion: {address: jump.example.com, user: jump, hostKey: SHA256:uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s}
            hourlyCost: 0.45
            hosts:
              - address: 10.0.0.11
                role: master
                hostname: cp1
              - address: 10.0.0.12
                port: 22
                user: ubuntu
                key: keys/node2
                labels: {rack: r1, example.com/disk: ssd}
              - 10.0.0.13
            """);

    var target = bareMetal(inventory);
    assertThat(target.hosts())
        .extracting("address")
        .containsExactly("10.0.0.11", "10.0.0.12", "10.0.0.13");
    assertThat(target.masters(3)).extracting("address").containsExactly("10.0.0.11");
    assertThat(target.minions(3)).extracting("address").containsExactly("10.0.0.12", "10.0.0.13");
    var second = target.hosts().get(1);
    assertThat(target.userOf(second)).isEqualTo("ubuntu");
    assertThat(target.portOf(second)).isEqualTo(22);
    assertThat(target.keyOf(second)).contains(dir.resolve("keys/node2"));
    assertThat(second.labels())
        .containsEntry("rack", "r1")
        .containsEntry("example.com/disk", "ssd");
    var third = target.hosts().get(2);
    assertThat(target.userOf(third)).isEqualTo("ops");
    assertThat(target.portOf(third)).isEqualTo(2222);
    assertThat(target.keyOf(third)).contains(dir.resolve("keys/ops"));
    assertThat(target.hosts().get(0).hostname()).contains("cp1");
    assertThat(target.knownHosts()).contains(dir.resolve("known_hosts"));
    assertThat(target.bastion().orElseThrow().describe()).isEqualTo("jump@jump.example.com");
    assertThat(target.hourlyCost()).isEqualByComparingTo("0.45");
    assertThat(target.describe()).isEqualTo("bareMetal(Inventory.read(\"" + file + "\"))");
    assertThat(read("hosts: [a]\nbastion: ops@jump:2200\n").bastion().orElseThrow().port())
        .hasValue(2200);
    assertThat(bareMetal(read("hosts: [a]\nmirror: http://mirror.lan/files/\n")).mirror())
        .contains("http://mirror.lan/files");
    assertThat(bareMetal(read("hosts: [a]\ndownloads: true\n")).downloads()).isTrue();
    assertThat(bareMetal(read("hosts: [a]\n")).downloads()).isFalse();
  }

  @Test
  void badYaml_namesTheLine() {
    assertThatThrownBy(() -> read("hosts:\n  - address: a\n   port: 22\n"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "inventory must be valid YAML (expected <block end>, but found '<block mapping start>',"
                + " line 3 column 4), was "
                + file);
    assertThatThrownBy(() -> read(""))
        .hasMessage(
            "inventory must be an inventory with a list of hosts (the file is empty), was " + file);
    assertThatThrownBy(() -> Inventory.read(dir.resolve("none.yaml")))
        .hasMessage(
            "inventory must be the path of an inventory file (nothing is there), was "
                + dir.resolve("none.yaml"));
  }

  @Test
  void unknownOrMissingSettings_areNamedWithTheirLine() {
    assertThatThrownBy(() -> read("user: ops\nhots: [a]\n"))
        .hasMessage(
            "setting (line 2 of "
                + file
                + ") must be one of bastion, downloads, hosts, hourlyCost, key, knownHosts,"
                + " mirror, port, user, was \"hots\"");
    assertThatThrownBy(() -> read("user: ops\n"))
        .hasMessage(
            "hosts (line 1 of "
                + file
                + ") must be a list of hosts, each an address or a mapping with address,"
                + " port, user, key, role, labels, hostKey, hostname, was null");
    assertThatThrownBy(() -> read("hosts: []\n"))
        .hasMessage("hosts (line 1 of " + file + ") must be a list of at least one host, was null");
    assertThatThrownBy(() -> read("hosts:\n  - adress: a\n"))
        .hasMessage(
            "hosts[0] setting (line 2 of "
                + file
                + ") must be one of address, hostKey, hostname, key, labels,"
                + " port, role, user, was \"adress\"");
    assertThatThrownBy(() -> read("hosts:\n  - role: master\n"))
        .hasMessage(
            "hosts[0].address (line 2 of "
                + file
                + ") must be a host name or an IP address such as"
                + " node1.example.com or 192.0.2.10, was null");
    assertThatThrownBy(() -> read("hosts:\n  - address: a\n    address: b\n"))
        .hasMessage(
            "hosts[0].address (line 3 of " + file + ") must be given once, was \"address\"");
  }

  @Test
  void badValues_areNamedWithTheirLine() {
    assertThatThrownBy(() -> read("hosts:\n  - a\n  - node 1\n"))
        .hasMessage(
            "hosts[1].address (line 3 of "
                + file
                + ") must be a host name or an IP address such as"
                + " node1.example.com or 192.0.2.10, was \"node 1\"");
    assertThatThrownBy(() -> read("hosts:\n  - address: a\n    port: 70000\n"))
        .hasMessage(
            "hosts[0].port (line 3 of " + file + ") must be between 1 and 65535, was 70000");
    assertThatThrownBy(() -> read("port: ssh\nhosts: [a]\n"))
        .hasMessage("port (line 1 of " + file + ") must be between 1 and 65535, was \"ssh\"");
    assertThatThrownBy(() -> read("hosts:\n  - address: a\n    user: Root!\n"))
        .hasMessage(
            "hosts[0].user (line 3 of "
                + file
                + ") must be a user name of a-z, 0-9, '_' and '-', starting with"
                + " a letter or '_', was \"Root!\"");
    assertThatThrownBy(() -> read("hosts:\n  - address: a\n    role: worker\n"))
        .hasMessage(
            "hosts[0].role (line 3 of " + file + ") must be master or minion, was \"worker\"");
    assertThatThrownBy(() -> read("hosts:\n  - address: a\n    hostKey: abc\n"))
        .hasMessage(
            "hosts[0].hostKey (line 3 of "
                + file
                + ") must be "
                + BareMetalChecks.FINGERPRINT_RULE
                + ", was \"abc\"");
    assertThatThrownBy(() -> read("hosts:\n  - address: a\n    labels: {rack: r 1}\n"))
        .hasMessage(
            "hosts[0].labels.rack (line 3 of "
                + file
                + ") must be "
                + BareMetalHost.LABEL_VALUE_RULE
                + ", was \"r 1\"");
    assertThatThrownBy(() -> read("hourlyCost: -2\nhosts: [a]\n"))
        .hasMessage(
            "hourlyCost (line 1 of "
                + file
                + ") must be "
                + BareMetalChecks.HOURLY_COST_RULE
                + ", was -2");
    assertThatThrownBy(() -> read("downloads: yes please\nhosts: [a]\n"))
        .hasMessage("downloads (line 1 of " + file + ") must be true or false, was \"yes please\"");
    assertThatThrownBy(() -> read("mirror: ftp://x\nhosts: [a]\n"))
        .hasMessage(
            "mirror (line 1 of "
                + file
                + ") must be an http:// or https:// URL such as"
                + " https://mirror.example.com/k8s-files, was \"ftp://x\"");
    assertThatThrownBy(() -> read("hosts:\n  - address: a\n    port: [22]\n"))
        .hasMessage("hosts[0].port (line 3 of " + file + ") must be between 1 and 65535, was null");
  }

  @Test
  void missingKeyFiles_areNamedWithTheirLine() {
    assertThatThrownBy(() -> read("hosts:\n  - address: a\n    key: keys/nope\n"))
        .hasMessage(
            "hosts[0].key (line 3 of "
                + file
                + ") must be the path of a private key file (nothing is there), was "
                + dir.resolve("keys/nope"));
    assertThatThrownBy(() -> read("knownHosts: keys\nhosts: [a]\n"))
        .hasMessage(
            "knownHosts (line 1 of "
                + file
                + ") must be the path of a known_hosts file (it is not a regular"
                + " file), was "
                + dir.resolve("keys"));
  }

  @Test
  void duplicateHostsAndNoMaster_areRejectedForTheFile() {
    assertThatThrownBy(() -> read("hosts: [a, b, a]\n"))
        .hasMessage(
            "hosts ("
                + file
                + ") must be hosts given once each (a:22 appears twice), was \"a, b, a\"");
    assertThatThrownBy(() -> read("hosts:\n  - {address: a, role: minion}\n  - b\n"))
        .hasMessage(
            "hosts ("
                + file
                + ") must be at least one host with role master, was \"a (minion), b (minion)\"");
  }
}
