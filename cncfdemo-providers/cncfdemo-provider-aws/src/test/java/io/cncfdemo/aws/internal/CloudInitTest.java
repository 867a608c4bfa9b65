package io.cncfdemo.aws.internal;

import static io.cncfdemo.Providers.aws;
import static org.assertj.core.api.Assertions.assertThat;

import io.cncfdemo.bootstrap.CloudInitSchema;
import io.cncfdemo.bootstrap.NodeBootstrap;
import io.cncfdemo.bootstrap.NodeRole;
import io.cncfdemo.cluster.ClusterSpec;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The rendered user data is valid cloud-config, as {@code cloud-init schema} (Debian package
 * cloud-init) says.
 */
class CloudInitTest {
  static final ClusterSpec SPEC =
      ClusterSpec.on(aws().apiAccessCidr("203.0.113.7/32")).name("demo");
  static final ClusterNames NAMES = new ClusterNames("demo", "us-west-2");

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(NodeRole.class)
  void userData_passesCloudInitSchema(NodeRole role) throws Exception {
    var result =
        CloudInitSchema.validate(
            dir.resolve(role.tag() + ".yaml"), CloudInit.render(SPEC, NAMES, role));

    assertThat(result.output()).contains("Valid cloud-config");
    assertThat(result.exitCode()).as(result.output()).isZero();
  }

  @Test
  void userData_namesTheRoleAndTheMastersRecord_andHoldsNoSecret() {
    var master = CloudInit.render(SPEC, NAMES, NodeRole.MASTER);
    var minion = CloudInit.render(SPEC, NAMES, NodeRole.MINION);

    assertThat(master)
        .startsWith("#cloud-config\n")
        .contains(
            "ROLE='master'",
            "MASTERS_RECORD='masters.demo.k8s'",
            "PARAMETER_PATH='/cncfdemo/demo'",
            "https://pkgs.k8s.io/core:/stable:/v1.35/rpm/",
            NodeBootstrap.CALICO_VERSION);
    assertThat(minion).contains("ROLE='minion'");
    assertThat(master + minion)
        .doesNotContainPattern("[a-z0-9]{6}\\.[a-z0-9]{16}")
        .doesNotContain("PRIVATE KEY");
  }

  @Test
  void octalLookingText_isQuoted_forCloudInitsYaml11() {
    assertThat(CloudInit.render(SPEC, NAMES, NodeRole.MASTER))
        .contains("permissions: '0644'", "permissions: '0755'");
  }

  @Test
  void patchVersion_isInstalledExactly_minorVersion_takesTheNewestPatch() {
    assertThat(CloudInit.render(SPEC.kubernetesVersion("1.34.2"), NAMES, NodeRole.MINION))
        .contains("KUBERNETES_PACKAGE_VERSION='1.34.2'", "/core:/stable:/v1.34/rpm/");
    assertThat(CloudInit.render(SPEC, NAMES, NodeRole.MINION))
        .contains("KUBERNETES_PACKAGE_VERSION=''");
  }
}
