package io.cncfdemo.baremetal.internal.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import com.jcraft.jsch.HostKeyRepository;
import com.jcraft.jsch.JSch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostKeyPolicyTest {
  /** A key made with ssh-keygen -t ed25519; ssh-keygen -lf printed the fingerprint below for it. */
  static final String PUBLIC_KEY =
      "AAAAC3NzaC1lZDI1NTE5AAAAIFZa5SLoD/ng05L+rVR7RDP1gXadZ0tDVqyeApZt9HDI";

  static final String FINGERPRINT = "SHA256:oBMI5WedXgF7zgbI37Qvu1R09TYqH7ieYvgCTdRJrrs";
  static final String OTHER = "SHA256:uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s";
  static final byte[] KEY = Base64.getDecoder().decode(PUBLIC_KEY);
  static final SshTarget HOST =
      new SshTarget("10.0.0.11", 22, "root", Optional.empty(), Optional.empty(), Optional.empty());

  @TempDir Path dir;

  @Test
  void fingerprintAndType_areThoseSshKeygenPrints() {
    assertThat(HostKeyPolicy.fingerprint(KEY)).isEqualTo(FINGERPRINT);
    assertThat(HostKeyPolicy.type(KEY)).isEqualTo("ssh-ed25519");
  }

  @Test
  void aPinnedKey_isAcceptedWhenItMatches_andRefusedWithBothFingerprintsWhenNot() {
    var matching =
        new HostKeyPolicy(Map.of("10.0.0.11", FINGERPRINT), Optional.empty(), Optional.empty());
    assertThat(matching.check("10.0.0.11", KEY)).isEqualTo(HostKeyRepository.OK);
    assertThat(matching.refusal(HOST)).isEmpty();

    var other = new HostKeyPolicy(Map.of("10.0.0.11", OTHER), Optional.empty(), Optional.empty());
    assertThat(other.check("10.0.0.11", KEY)).isEqualTo(HostKeyRepository.CHANGED);
    assertThat(other.refusal(HOST))
        .contains(
            "the host key "
                + FINGERPRINT
                + " (ssh-ed25519) does not match the pinned "
                + OTHER
                + "; refused. If the host was reinstalled, pin its new key; otherwise the"
                + " connection may be intercepted");
  }

  @Test
  void anUnknownKey_isRefusedWithItsFingerprint_andNeverAdded() throws Exception {
    var knownHosts = Files.writeString(dir.resolve("known_hosts"), "");
    var policy = policy(knownHosts, Map.of());

    assertThat(policy.check("10.0.0.11", KEY)).isEqualTo(HostKeyRepository.NOT_INCLUDED);
    assertThat(policy.refusal(HOST))
        .contains(
            "the host key "
                + FINGERPRINT
                + " (ssh-ed25519) is not in the known_hosts"
                + " file "
                + knownHosts
                + " and not pinned; refused. If it is the host's key (on the host: ssh-keygen -lf"
                + " /etc/ssh/ssh_host_ed25519_key.pub), pin it with .hostKey(\"10.0.0.11\", \""
                + FINGERPRINT
                + "\") or hostKey:"
                + " in the inventory, or add it to known_hosts");
    policy.add(new com.jcraft.jsch.HostKey("10.0.0.11", KEY), null);
    assertThat(policy.check("10.0.0.11", KEY)).isEqualTo(HostKeyRepository.NOT_INCLUDED);
    assertThat(Files.readString(knownHosts)).isEmpty();
  }

  @Test
  void knownHosts_acceptsItsKey_andRefusesAnotherForTheSameHost() throws Exception {
    var knownHosts =
        Files.writeString(
            dir.resolve("known_hosts"),
            "10.0.0.11 ssh-ed25519 "
                + PUBLIC_KEY
                + "\n"
                + "[10.0.0.12]:2222 ssh-ed25519"
                + " AAAAC3NzaC1lZDI1NTE5AAAAIOdT1m2s6cxwwEfoJJvFx9Zg5lVP6pUGLnbwZD6oiZgw\n");
    var policy = policy(knownHosts, Map.of());

    assertThat(policy.check("10.0.0.11", KEY)).isEqualTo(HostKeyRepository.OK);
    assertThat(policy.getHostKey("10.0.0.11", null)).hasSize(1);
    assertThat(policy.check("[10.0.0.12]:2222", KEY)).isEqualTo(HostKeyRepository.CHANGED);
    var second =
        new SshTarget(
            "10.0.0.12", 2222, "root", Optional.empty(), Optional.empty(), Optional.empty());
    assertThat(policy.refusal(second))
        .hasValueSatisfying(
            message ->
                assertThat(message)
                    .startsWith(
                        "the host key "
                            + FINGERPRINT
                            + " (ssh-ed25519) differs from the key "
                            + knownHosts
                            + " has for [10.0.0.12]:2222; refused. If the host was reinstalled,"
                            + " remove the old entry (ssh-keygen -R '[10.0.0.12]:2222')"));
  }

  private static HostKeyPolicy policy(Path knownHosts, Map<String, String> pins) throws Exception {
    var jsch = new JSch();
    jsch.setKnownHosts(knownHosts.toString());
    return new HostKeyPolicy(
        pins, Optional.of(jsch.getHostKeyRepository()), Optional.of(knownHosts.toString()));
  }
}
