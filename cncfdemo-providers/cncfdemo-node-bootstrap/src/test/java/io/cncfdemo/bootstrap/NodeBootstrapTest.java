package io.cncfdemo.bootstrap;

import static io.cncfdemo.Providers.aws;
import static org.assertj.core.api.Assertions.assertThat;

import io.cncfdemo.bootstrap.NodeBootstrap.PackageManager;
import io.cncfdemo.cluster.ClusterSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The shared user data: valid cloud-config with either package manager, the cloud's parts where
 * they belong.
 */
class NodeBootstrapTest {
  static final ClusterSpec SPEC = ClusterSpec.on(aws()).name("demo");

  @TempDir Path dir;

  static NodeBootstrap.Builder bootstrap(PackageManager packageManager) {
    return NodeBootstrap.builder()
        .spec(SPEC)
        .mastersRecord("masters.demo.k8s")
        .role(NodeRole.MASTER)
        .packageManager(packageManager)
        .platformScript("secret() { echo s; }\n");
  }

  @ParameterizedTest
  @EnumSource(PackageManager.class)
  void userData_passesCloudInitSchema(PackageManager packageManager) throws Exception {
    var userData =
        bootstrap(packageManager)
            .file("/etc/cncfdemo/extra.env", "0600", "A='b'\n")
            .build()
            .render();

    var result = CloudInitSchema.validate(dir.resolve(packageManager + ".yaml"), userData);

    assertThat(result.output()).contains("Valid cloud-config");
    assertThat(result.exitCode()).as(result.output()).isZero();
  }

  @Test
  void dnf_getsTheRepositoryFromCloudInit_apt_fromTheScript() {
    var dnf = bootstrap(PackageManager.DNF).build().render();
    var apt = bootstrap(PackageManager.APT).build().render();

    assertThat(dnf)
        .contains(
            "yum_repos:", "https://pkgs.k8s.io/core:/stable:/v1.35/rpm/", "PACKAGE_MANAGER='dnf'");
    assertThat(apt)
        .doesNotContain("yum_repos:")
        .contains(
            "PACKAGE_MANAGER='apt'",
            "KUBERNETES_MINOR='1.35'",
            "https://pkgs.k8s.io/core:/stable:/v$KUBERNETES_MINOR/deb/");
  }

  @Test
  void platformParts_settingsAndFiles_areWrittenWhereTheScriptFindsThem() {
    var text =
        bootstrap(PackageManager.APT)
            .setting("REGION", "westeurope")
            .file("/etc/cncfdemo/join.env", "0600", "X='y'\n")
            .build()
            .render();

    assertThat(text)
        .contains(
            "path: " + NodeBootstrap.PLATFORM_SCRIPT,
            "secret() { echo s; }",
            "REGION='westeurope'",
            "path: /etc/cncfdemo/join.env",
            "permissions: '0600'",
            ". /usr/local/lib/cncfdemo/platform.sh",
            "ROLE='master'",
            "MASTERS_RECORD='masters.demo.k8s'",
            NodeBootstrap.CALICO_VERSION,
            "calico-vxlan.yaml");
  }

  @Test
  void base64_isTheRenderedText() {
    var bootstrap = bootstrap(PackageManager.DNF).build();

    assertThat(new String(Base64.getDecoder().decode(bootstrap.base64()), StandardCharsets.UTF_8))
        .isEqualTo(bootstrap.render());
  }

  @Test
  void shellQuote_keepsAnyValueOneWord() {
    assertThat(NodeBootstrap.shellQuote("it's $(x)")).isEqualTo("'it'\\''s $(x)'");
  }

  @Test
  void joinSecrets_haveKubeadmsFormats_andAreNotPrinted() {
    var secrets = JoinSecrets.generate();

    assertThat(secrets.joinToken()).matches("[a-z0-9]{6}\\.[a-z0-9]{16}");
    assertThat(secrets.certificateKey()).matches("[0-9a-f]{64}");
    assertThat(secrets.toString())
        .doesNotContain(secrets.joinToken())
        .doesNotContain(secrets.certificateKey());
    assertThat(JoinSecrets.generate().joinToken()).isNotEqualTo(secrets.joinToken());
  }
}
