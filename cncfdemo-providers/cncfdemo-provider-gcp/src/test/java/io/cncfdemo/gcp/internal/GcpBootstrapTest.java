package io.cncfdemo.gcp.internal;

import static io.cncfdemo.Providers.gcp;
import static org.assertj.core.api.Assertions.assertThat;

import io.cncfdemo.bootstrap.CloudInitSchema;
import io.cncfdemo.bootstrap.JoinSecrets;
import io.cncfdemo.bootstrap.NodeBootstrap;
import io.cncfdemo.bootstrap.NodeRole;
import io.cncfdemo.cluster.ClusterSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The templates' user data: valid cloud-config, the GCP platform script, the secrets only where
 * they belong.
 */
class GcpBootstrapTest {
  static final ClusterSpec SPEC =
      ClusterSpec.on(gcp().project("cncfdemo-test").apiAccessCidr("203.0.113.7/32")).name("demo");
  static final GcpNames NAMES = new GcpNames("demo");
  static final JoinSecrets SECRETS = new JoinSecrets("abcdef.0123456789abcdef", "f".repeat(64));

  @TempDir Path dir;

  static String render(NodeRole role) {
    return GcpBootstrap.render(SPEC, NAMES, "cncfdemo-test", "us-central1", role, SECRETS);
  }

  @ParameterizedTest
  @EnumSource(NodeRole.class)
  void userData_passesCloudInitSchema(NodeRole role) throws Exception {
    var result = CloudInitSchema.validate(dir.resolve(role.tag() + ".yaml"), render(role));

    assertThat(result.output()).contains("Valid cloud-config");
    assertThat(result.exitCode()).as(result.output()).isZero();
  }

  @Test
  void userData_namesTheClusterInGoogleCloud_andUsesApt() {
    assertThat(render(NodeRole.MASTER))
        .contains(
            "PACKAGE_MANAGER='apt'",
            "PROJECT='cncfdemo-test'",
            "REGION='us-central1'",
            "MASTERS_GROUP='cncfdemo-demo-masters'",
            "API_EXTRA_SANS='10.240.0.10'",
            "MASTERS_RECORD='masters.demo.k8s'",
            "GUEST_NAMESPACE='cncfdemo'",
            "path: /usr/local/lib/cncfdemo/platform.sh",
            "claim_init()")
        .doesNotContain("yum_repos");
  }

  @Test
  void joinSecrets_areInARootOnlyFile_minionsGetTheTokenOnly_andAreReadBackFromATemplate() {
    var master = render(NodeRole.MASTER);
    var minion = render(NodeRole.MINION);

    assertThat(master)
        .contains(
            "path: /etc/cncfdemo/join.env",
            "permissions: '0600'",
            "JOIN_TOKEN='abcdef.0123456789abcdef'",
            "CERTIFICATE_KEY='" + "f".repeat(64) + "'");
    assertThat(minion)
        .contains("JOIN_TOKEN='abcdef.0123456789abcdef'")
        .doesNotContain("CERTIFICATE_KEY=");
    assertThat(GcpBootstrap.secretsOf(master)).contains(SECRETS);
    assertThat(GcpBootstrap.secretsOf(minion))
        .get()
        .extracting(JoinSecrets::joinToken)
        .isEqualTo("abcdef.0123456789abcdef");
    assertThat(GcpBootstrap.secretsOf("#cloud-config\n")).isEmpty();
  }

  @Test
  void platformScript_isValidBash_andDefinesEveryFunctionTheSharedScriptCalls() throws Exception {
    var script = dir.resolve("platform.sh");
    Files.writeString(script, NodeBootstrap.resource(GcpBootstrap.class, "platform.sh"));
    var process =
        new ProcessBuilder("bash", "-n", script.toString()).redirectErrorStream(true).start();
    var output = new String(process.getInputStream().readAllBytes());
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();

    assertThat(Files.readString(script))
        .contains(
            "secret() {",
            "wait_shared() {",
            "claim_init() {",
            "public_address() {",
            "publish() {",
            "before_init() {",
            "node_ready() {");
  }
}
