package io.cncfdemo.cluster;

import static io.cncfdemo.Providers.bareMetal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cncfdemo.exception.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BareMetalTargetTest {
  static final String FINGERPRINT = "SHA256:uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s";

  @TempDir Path dir;

  @Test
  void settings_areKeptAndDescribedAsWritten() throws IOException {
    var key = Files.writeString(dir.resolve("id_ed25519"), "key");
    var target =
        bareMetal("10.0.0.11", "10.0.0.12")
            .sshUser("ops")
            .sshPort(2222)
            .sshKey(key)
            .bastion("jump@bastion.example.com:2200")
            .hourlyCost(0.45)
            .hostKey("10.0.0.12", FINGERPRINT);

    assertThat(target.sshUser()).isEqualTo("ops");
    assertThat(target.sshKey()).contains(key);
    assertThat(target.hourlyCost()).isEqualByComparingTo("0.45");
    assertThat(target.hosts().get(1).hostKey()).contains(FINGERPRINT);
    assertThat(target.bastion().orElseThrow().describe())
        .isEqualTo("jump@bastion.example.com:2200");
    assertThat(target.describe())
        .isEqualTo(
            "bareMetal(\"10.0.0.11\", \"10.0.0.12\").sshUser(\"ops\").sshPort(2222)"
                + ".bastion(\"jump@bastion.example.com:2200\")");
    assertThat(target.hostKey("bastion.example.com", FINGERPRINT).bastion().orElseThrow().hostKey())
        .contains(FINGERPRINT);
  }

  @Test
  void withoutRoles_theFirstMastersHostsAreMasters() {
    var target = bareMetal("a", "b", "c");

    assertThat(target.masters(1)).extracting("address").containsExactly("a");
    assertThat(target.minions(1)).extracting("address").containsExactly("b", "c");
    assertThat(target.masters(2)).extracting("address").containsExactly("a", "b");
    assertThat(target.userOf(target.hosts().get(0))).isEqualTo("root");
    assertThat(target.portOf(target.hosts().get(0).port(2200))).isEqualTo(2200);
  }

  @Test
  void badKeysAndFiles_areRejectedNamingTheField() throws IOException {
    var missing = dir.resolve("nope");
    assertThatThrownBy(() -> bareMetal("a").sshKey(missing))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "sshKey must be the path of a private key file (nothing is there), was " + missing);
    assertThatThrownBy(() -> bareMetal("a").sshKey(dir))
        .hasMessage(
            "sshKey must be the path of a private key file (it is not a regular file), was " + dir);
    assertThatThrownBy(() -> bareMetal("a").sshKey(null))
        .hasMessage("sshKey must be the path of a private key file, was null");
    assertThatThrownBy(() -> bareMetal("a").knownHosts(missing))
        .hasMessage(
            "knownHosts must be the path of a known_hosts file (nothing is there), was " + missing);
    assertThatThrownBy(() -> bareMetal("a").images(missing))
        .hasMessage(
            "images must be the path of an image archive (nothing is there), was " + missing);
    assertThatThrownBy(() -> bareMetal("a").binaries(missing))
        .hasMessage(
            "binaries must be the path of a directory of binaries (there is none), was " + missing);
    assertThatThrownBy(() -> BareMetalHost.of("a").key(missing))
        .hasMessage(
            "key must be the path of a private key file (nothing is there), was " + missing);
  }

  @Test
  void duplicateHosts_areRejected() {
    assertThatThrownBy(() -> bareMetal("a", "b", "a"))
        .hasMessage("hosts must be hosts given once each (a:22 appears twice), was \"a, b, a\"");
  }

  @Test
  void hostKeys_mustBeSha256Fingerprints_ofTheHosts() {
    assertThatThrownBy(
            () ->
                bareMetal("a").hostKey("a", "MD5:16:27:ac:a5:76:28:2d:36:63:1b:56:4d:eb:df:a6:48"))
        .hasMessage(
            "hostKey must be an SSH host key fingerprint as ssh-keygen -l prints it: SHA256: and 43"
                + " base64 characters, such as SHA256:uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s,"
                + " was \"MD5:16:27:ac:a5:76:28:2d:36:63:1b:56:4d:eb:df:a6:48\"");
    assertThatThrownBy(() -> bareMetal("a").hostKey("a", "SHA256:short"))
        .hasMessageEndingWith("was \"SHA256:short\"");
    assertThatThrownBy(() -> bareMetal("a", "b").bastion("j").hostKey("c", FINGERPRINT))
        .hasMessage("hostKey must be one of the hosts a, b or the bastion j, was \"c\"");
  }

  @Test
  void bastion_isWrittenAsForSshJ() {
    assertThatThrownBy(() -> bareMetal("a").bastion("ops@"))
        .hasMessage(
            "bastion must be [user@]host[:port], such as ops@jump.example.com:22, was \"ops@\"");
    assertThatThrownBy(() -> bareMetal("a").bastion("ops@jump:0"))
        .hasMessage("bastion port must be between 1 and 65535, was 0");
    assertThatThrownBy(() -> bareMetal("a").bastion("ops@jump:ssh"))
        .hasMessage("bastion port must be between 1 and 65535, was \"ssh\"");
    assertThatThrownBy(() -> bareMetal("a").bastion("Ops@jump"))
        .hasMessage(
            "bastion user must be a user name of a-z, 0-9, '_' and '-', starting with a letter or"
                + " '_', was \"Ops\"");
    assertThat(bareMetal("a").bastion("[2001:db8::1]:2222").bastion().orElseThrow().address())
        .isEqualTo("2001:db8::1");
  }

  @Test
  void theSoftware_isUploaded_orDownloadedByTheHosts() {
    assertThat(bareMetal("a").downloads()).isFalse();
    assertThat(bareMetal("a").fromInternet().describe())
        .isEqualTo("bareMetal(\"a\").fromInternet()");
    var mirrored = bareMetal("a").fromMirror("https://mirror.example.com/k8s/");
    assertThat(mirrored.downloads()).isTrue();
    assertThat(mirrored.mirror()).contains("https://mirror.example.com/k8s");
    assertThat(mirrored.describe())
        .isEqualTo("bareMetal(\"a\").fromMirror(\"https://mirror.example.com/k8s\")");
    assertThatThrownBy(() -> bareMetal("a").fromMirror("mirror.example.com"))
        .hasMessage(
            "mirror must be an http:// or https:// URL such as"
                + " https://mirror.example.com/k8s-files, was \"mirror.example.com\"");
  }

  @Test
  void hourlyCost_isAPriceOfZeroOrMore() {
    assertThatThrownBy(() -> bareMetal("a").hourlyCost(-1))
        .hasMessage(
            "hourlyCost must be a price in USD per host and hour from 0 to 10000, such as 0.45, was"
                + " -1.0");
    assertThatThrownBy(() -> bareMetal("a").hourlyCost(Double.NaN)).hasMessageEndingWith("was NaN");
  }

  @Test
  void hostSettings_areCheckedLikeTheTargets() {
    assertThatThrownBy(() -> BareMetalHost.of("a").label("bad key!", "v"))
        .hasMessage("label must be " + BareMetalHost.LABEL_KEY_RULE + ", was \"bad key!\"");
    assertThatThrownBy(() -> BareMetalHost.of("a").label("example.com/rack", "r 1"))
        .hasMessage(
            "label example.com/rack must be " + BareMetalHost.LABEL_VALUE_RULE + ", was \"r 1\"");
    assertThat(BareMetalHost.of("a").label("example.com/rack", "r1").labels())
        .containsEntry("example.com/rack", "r1");
    assertThatThrownBy(() -> BareMetalHost.of("a").hostname("Node_1"))
        .hasMessageStartingWith("hostname must be a lowercase RFC 1123 subdomain");
    assertThatThrownBy(() -> BareMetalHost.of("a").port(70000))
        .hasMessage("port must be between 1 and 65535, was 70000");
  }
}
