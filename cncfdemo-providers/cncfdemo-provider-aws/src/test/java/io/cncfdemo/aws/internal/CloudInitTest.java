package io.cncfdemo.aws.internal;

import static io.cncfdemo.Providers.aws;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.cncfdemo.cluster.ClusterSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The rendered user data is valid cloud-config, as {@code cloud-init schema} (Debian package cloud-init) says. */
class CloudInitTest {
  static final ClusterSpec SPEC = ClusterSpec.on(aws().apiAccessCidr("203.0.113.7/32")).name("demo");
  static final ClusterNames NAMES = new ClusterNames("demo", "us-west-2");

  @TempDir
  Path dir;

  @ParameterizedTest
  @EnumSource(Role.class)
  void userData_passesCloudInitSchema(Role role) throws Exception {
    var file = dir.resolve(role.tag() + ".yaml");
    Files.writeString(file, CloudInit.render(SPEC, NAMES, role));

    var result = run("cloud-init", "schema", "--config-file", file.toString());

    assertThat(result.output()).contains("Valid cloud-config");
    assertThat(result.exitCode()).as(result.output()).isZero();
  }

  @Test
  void userData_namesTheRoleAndTheMastersRecord_andHoldsNoSecret() {
    var master = CloudInit.render(SPEC, NAMES, Role.MASTER);
    var minion = CloudInit.render(SPEC, NAMES, Role.MINION);

    assertThat(master).startsWith("#cloud-config\n").contains("ROLE='master'", "MASTERS_RECORD='masters.demo.k8s'",
        "PARAMETER_PATH='/cncfdemo/demo'", "https://pkgs.k8s.io/core:/stable:/v1.35/rpm/", CloudInit.CALICO_VERSION);
    assertThat(minion).contains("ROLE='minion'");
    assertThat(master + minion).doesNotContainPattern("[a-z0-9]{6}\\.[a-z0-9]{16}").doesNotContain("PRIVATE KEY");
  }

  @Test
  void octalLookingText_isQuoted_forCloudInitsYaml11() {
    assertThat(CloudInit.render(SPEC, NAMES, Role.MASTER)).contains("permissions: '0644'", "permissions: '0755'");
  }

  @Test
  void patchVersion_isInstalledExactly_minorVersion_takesTheNewestPatch() {
    assertThat(CloudInit.render(SPEC.kubernetesVersion("1.34.2"), NAMES, Role.MINION))
        .contains("KUBERNETES_PACKAGE_VERSION='1.34.2'", "/core:/stable:/v1.34/rpm/");
    assertThat(CloudInit.render(SPEC, NAMES, Role.MINION)).contains("KUBERNETES_PACKAGE_VERSION=''");
  }

  @Test
  void shellQuote_keepsAnyValueOneWord() {
    assertThat(CloudInit.shellQuote("it's $(x)")).isEqualTo("'it'\\''s $(x)'");
  }

  record Result(int exitCode, String output) {}

  static Result run(String... command) throws IOException, InterruptedException {
    Process process;
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      return fail(command[0] + " is not installed: run scripts/install-moto (it installs the Debian package"
          + " cloud-init), or apt-get install cloud-init", e);
    }
    var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      return fail(String.join(" ", command) + " did not finish in 60 s");
    }
    return new Result(process.exitValue(), output);
  }
}
