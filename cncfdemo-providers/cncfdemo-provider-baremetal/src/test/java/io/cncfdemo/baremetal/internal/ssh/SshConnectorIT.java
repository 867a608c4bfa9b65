package io.cncfdemo.baremetal.internal.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cncfdemo.baremetal.TestHosts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SSH client against real sshd on hosts this test makes: logins, sudo, uploads, host key
 * checks, a jump host.
 */
class SshConnectorIT {
  static final Duration TIMEOUT = Duration.ofSeconds(30);
  static TestHosts hosts;

  @TempDir Path dir;

  @BeforeAll
  static void hosts() {
    hosts =
        TestHosts.create()
            .bridge("br0", "10.233.0.1/24")
            .bridge("br1", null)
            .host("h1", "br0=10.233.0.11/24", "br1=10.233.1.11/24")
            .host("h2", "br1=10.233.1.12/24");
  }

  @AfterAll
  static void removeHosts() {
    if (hosts != null) {
      hosts.close();
    }
  }

  SshTarget target(String address, String user, Optional<String> pin, Optional<SshTarget> via) {
    return new SshTarget(address, 22, user, Optional.of(hosts.key()), pin, via);
  }

  @Test
  void root_runsCommandsAndScripts_andWritesFilesAtomically() {
    try (var connector = new SshConnector(Optional.of(hosts.knownHosts("h1")), Map.of())) {
      var session =
          connector.connect(target("10.233.0.11", "root", Optional.empty(), Optional.empty()));

      assertThat(session.exec("hostname", TIMEOUT).stdout()).isEqualTo("h1\n");
      var result =
          session.script("echo \"$1-$2\"; echo oops >&2; exit 3", List.of("a b", "it's"), TIMEOUT);
      assertThat(result.exitCode()).isEqualTo(3);
      assertThat(result.stdout()).isEqualTo("a b-it's\n");
      assertThat(result.stderr()).isEqualTo("oops\n");
      session.write("hello\n", "/opt/test/dir/file", "0640");
      assertThat(session.read("/opt/test/dir/file")).isEqualTo("hello\n");
      assertThat(hosts.exec("h1", "stat -c %a /opt/test/dir/file; ls /opt/test/dir"))
          .isEqualTo("640\nfile\n");
    }
  }

  @Test
  void aCommandPastItsTimeout_endsWithWhatItRan_andTheSessionStaysUsable() {
    try (var connector = new SshConnector(Optional.of(hosts.knownHosts("h1")), Map.of())) {
      var session =
          connector.connect(target("10.233.0.11", "root", Optional.empty(), Optional.empty()));

      assertThatThrownBy(() -> session.exec("sleep 30", Duration.ofSeconds(1)))
          .isInstanceOf(SshException.class)
          .hasMessage("root@10.233.0.11:22: gave up after 1s on: sleep 30");
      assertThat(session.exec("echo still here", TIMEOUT).stdout()).isEqualTo("still here\n");
    }
  }

  @Test
  void aSudoUser_runsScriptsAsRoot() throws Exception {
    var big = Files.write(dir.resolve("big"), new byte[8 * 1024 * 1024]);
    try (var connector = new SshConnector(Optional.of(hosts.knownHosts("h1")), Map.of())) {
      var session =
          connector.connect(target("10.233.0.11", "ops", Optional.empty(), Optional.empty()));

      assertThat(session.exec("id -un", TIMEOUT).stdout()).isEqualTo("ops\n");
      assertThat(session.script("id -u", List.of(), TIMEOUT).stdout()).isEqualTo("0\n");
      session.upload(big, "/opt/test/big", "0755");
      assertThat(session.exec("sha256sum /opt/test/big", TIMEOUT).stdout())
          .startsWith("2daeb1f36095b44b318410b3f4e8b5d989dcc7bb023d1426c492dab0a3053e74 ");
    }
  }

  @Test
  void pinnedKeys_areAccepted_andAnyOtherKeyIsRefusedWithItsFingerprint() {
    var fingerprint = hosts.fingerprint("h1");
    try (var connector = new SshConnector(Optional.empty(), Map.of("10.233.0.11", fingerprint))) {
      var session =
          connector.connect(
              target("10.233.0.11", "root", Optional.of(fingerprint), Optional.empty()));
      assertThat(session.exec("hostname", TIMEOUT).stdout()).isEqualTo("h1\n");
    }
    var wrong = "SHA256:uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s";
    try (var connector = new SshConnector(Optional.empty(), Map.of("10.233.0.11", wrong))) {
      assertThatThrownBy(
              () ->
                  connector.connect(
                      target("10.233.0.11", "root", Optional.of(wrong), Optional.empty())))
          .isInstanceOf(SshException.class)
          .hasMessage(
              "root@10.233.0.11:22: the host key "
                  + fingerprint
                  + " (ssh-ed25519) does not match the pinned "
                  + wrong
                  + "; refused. If the host was reinstalled, pin its new key; otherwise the"
                  + " connection may be intercepted");
    }
  }

  @Test
  void anUnknownKey_isRefused_neverAccepted() throws Exception {
    var knownHosts = Files.writeString(dir.resolve("known_hosts"), "");
    try (var connector = new SshConnector(Optional.of(knownHosts), Map.of())) {
      assertThatThrownBy(
              () ->
                  connector.connect(
                      target("10.233.0.11", "root", Optional.empty(), Optional.empty())))
          .hasMessageStartingWith(
              "root@10.233.0.11:22: the host key "
                  + hosts.fingerprint("h1")
                  + " (ssh-ed25519) is"
                  + " not in the known_hosts file "
                  + knownHosts
                  + " and not pinned; refused.")
          .hasMessageContaining(".hostKey(\"10.233.0.11\", \"" + hosts.fingerprint("h1") + "\")");
    }
    assertThat(Files.readString(knownHosts)).isEmpty();
  }

  @Test
  void aHostBehindABastion_isReachedThroughIt_andOnlyThroughIt() {
    try (var connector = new SshConnector(Optional.of(hosts.knownHosts("h1", "h2")), Map.of())) {
      var bastion = target("10.233.0.11", "ops", Optional.empty(), Optional.empty());
      var session =
          connector.connect(target("10.233.1.12", "root", Optional.empty(), Optional.of(bastion)));
      assertThat(session.exec("hostname", TIMEOUT).stdout()).isEqualTo("h2\n");

      assertThatThrownBy(
              () ->
                  connector.connect(
                      target("10.233.1.12", "root", Optional.empty(), Optional.empty())))
          .hasMessageStartingWith("root@10.233.1.12:22: cannot connect");
    }
  }

  @Test
  void unreachableHostsAndRefusedLogins_saySo() throws Exception {
    var otherKey = dir.resolve("other");
    new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", otherKey.toString())
        .start()
        .waitFor();
    try (var connector = new SshConnector(Optional.of(hosts.knownHosts("h1")), Map.of())) {
      assertThatThrownBy(
              () ->
                  connector.connect(
                      target("10.233.0.99", "root", Optional.empty(), Optional.empty())))
          .hasMessageStartingWith("root@10.233.0.99:22: cannot connect");
      var wrongKey =
          new SshTarget(
              "10.233.0.11", 22, "root", Optional.of(otherKey), Optional.empty(), Optional.empty());
      assertThatThrownBy(() -> connector.connect(wrongKey))
          .hasMessage(
              "root@10.233.0.11:22: the server refused the login of root with the key "
                  + otherKey
                  + " (is its public key in the user's authorized_keys?)");
    }
  }
}
