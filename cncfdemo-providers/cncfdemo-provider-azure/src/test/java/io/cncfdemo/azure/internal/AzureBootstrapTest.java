package io.cncfdemo.azure.internal;

import static io.cncfdemo.Providers.azure;
import static org.assertj.core.api.Assertions.assertThat;

import io.cncfdemo.bootstrap.CloudInitSchema;
import io.cncfdemo.bootstrap.JoinSecrets;
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
 * The scale sets' custom data: valid cloud-config, the Azure platform script, the secrets only
 * where they belong.
 */
class AzureBootstrapTest {
  static final ClusterSpec SPEC =
      ClusterSpec.on(azure().location("westeurope").apiAccessCidr("203.0.113.7/32")).name("demo");
  static final AzureNames NAMES = new AzureNames("demo", "westeurope");
  static final String SUBSCRIPTION = "00000000-1111-2222-3333-444444444444";
  static final CloudConfig CLOUD_CONFIG =
      new CloudConfig(
          "72f988bf-0000-0000-0000-000000000000",
          SUBSCRIPTION,
          NAMES,
          "5a1c1d1e-0000-4000-8000-00000000c10d");
  static final JoinSecrets SECRETS = new JoinSecrets("abcdef.0123456789abcdef", "f".repeat(64));

  @TempDir Path dir;

  static String render(NodeRole role) {
    return AzureBootstrap.render(
        SPEC, NAMES, SUBSCRIPTION, role, "client-id", CLOUD_CONFIG, SECRETS);
  }

  @ParameterizedTest
  @EnumSource(NodeRole.class)
  void customData_passesCloudInitSchema(NodeRole role) throws Exception {
    var result = CloudInitSchema.validate(dir.resolve(role.tag() + ".yaml"), render(role));

    assertThat(result.output()).contains("Valid cloud-config");
    assertThat(result.exitCode()).as(result.output()).isZero();
  }

  @Test
  void customData_namesTheClusterInAzure_andUsesApt() {
    var master = render(NodeRole.MASTER);

    assertThat(master)
        .contains(
            "PACKAGE_MANAGER='apt'",
            "RESOURCE_GROUP='cncfdemo-demo-westeurope'",
            "MASTERS_SCALE_SET='demo-masters'",
            "IDENTITY_CLIENT_ID='client-id'",
            "API_EXTRA_SANS='10.0.0.250'",
            "MASTERS_RECORD='masters.demo.k8s'",
            "path: /usr/local/lib/cncfdemo/platform.sh",
            "claim_init()")
        .doesNotContain("yum_repos");
  }

  @Test
  void joinSecrets_areInARootOnlyFile_andMinionsGetTheTokenOnly() {
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
  }

  @Test
  void platformScript_isValidBash_andDefinesEveryFunctionTheSharedScriptCalls() throws Exception {
    var script = dir.resolve("platform.sh");
    Files.writeString(
        script, io.cncfdemo.bootstrap.NodeBootstrap.resource(AzureBootstrap.class, "platform.sh"));
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
