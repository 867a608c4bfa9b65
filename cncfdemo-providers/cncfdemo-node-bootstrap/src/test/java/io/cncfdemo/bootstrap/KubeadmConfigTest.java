package io.cncfdemo.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.cncfdemo.bootstrap.NodeBootstrap.PackageManager;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node with an external cloud provider: the kubeadm templates as golden YAML for both API
 * versions, their place in the user data (and nothing of them without the option), and the script's
 * {@code kubeadm_config} run by bash, filling in the node's values.
 */
class KubeadmConfigTest {
  static final KubeadmConfig CONFIG = new KubeadmConfig("1.35", "masters.demo.k8s", List.of());

  @TempDir Path dir;

  @Test
  void templates_areTheGoldenOnes_v1beta4_withKubeletsExtraArgsAsAList() {
    assertThat(CONFIG.init()).isEqualTo(golden("kubeadm-init-v1beta4.yaml"));
    assertThat(CONFIG.join(true)).isEqualTo(golden("kubeadm-join-control-plane-v1beta4.yaml"));
    assertThat(CONFIG.join(false)).isEqualTo(golden("kubeadm-join-v1beta4.yaml"));
  }

  @Test
  void kubernetes130_readsV1beta3_withKubeletsExtraArgsAsAMap() {
    var config = new KubeadmConfig("1.30", "masters.demo.k8s", List.of("10.0.0.250"));

    assertThat(config.init()).isEqualTo(golden("kubeadm-init-v1beta3.yaml"));
    assertThat(config.join(false)).isEqualTo(golden("kubeadm-join-v1beta3.yaml"));
  }

  @Test
  void userData_withAnExternalCloudProvider_holdsTheTemplatesAndTheSetting_withoutIt_neither() {
    var external =
        NodeBootstrapTest.bootstrap(PackageManager.DNF).externalCloudProvider().build().render();
    var plain = NodeBootstrapTest.bootstrap(PackageManager.DNF).build().render();

    assertThat(external)
        .contains(
            "CLOUD_PROVIDER='external'",
            "KUBEADM_CONFIG_DIRECTORY='/etc/cncfdemo/kubeadm'",
            "path: /etc/cncfdemo/kubeadm/init.yaml",
            "path: /etc/cncfdemo/kubeadm/join-control-plane.yaml",
            "path: /etc/cncfdemo/kubeadm/join.yaml",
            "value: external");
    assertThat(plain)
        .doesNotContain("CLOUD_PROVIDER='external'", "/etc/cncfdemo/kubeadm/", "value: external");
  }

  @Test
  void kubeadmConfig_fillsInTheNodesValues_intoAFileOnlyRootReads() throws Exception {
    for (var template : CONFIG.templates().entrySet()) {
      Files.writeString(dir.resolve(template.getKey() + ".yaml"), template.getValue());
    }
    var script = NodeBootstrap.resource(NodeBootstrap.class, "bootstrap.sh");
    var function =
        Pattern.compile("(?ms)^kubeadm_config\\(\\) \\{.*?^\\}$")
            .matcher(script)
            .results()
            .findFirst()
            .orElseThrow()
            .group()
            .replace("/run/", dir + "/");
    var run =
        String.join(
            "\n",
            "set -euo pipefail",
            function,
            "KUBEADM_CONFIG_DIRECTORY=" + dir,
            "token=abcdef.0123456789abcdef certificate_key=00ff hash=sha256:1234",
            "public_ip=203.0.113.9 version=v1.35.1",
            "node_name=ip-10-0-1-2.us-west-2.compute.internal",
            "provider_id=aws:///us-west-2a/i-0123456789abcdef0",
            "file=\"$(kubeadm_config init)\"",
            "stat -c %a \"$file\"",
            "cat \"$file\"");
    var process = new ProcessBuilder("bash", "-c", run).redirectErrorStream(true).start();
    var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();

    assertThat(process.exitValue()).as(output).isZero();
    assertThat(output).isEqualTo("600\n" + golden("kubeadm-init-filled.yaml"));
  }

  private static String golden(String name) {
    return NodeBootstrap.resource(KubeadmConfigTest.class, name);
  }
}
