package io.cncfdemo.aws.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.cncfdemo.bootstrap.NodeBootstrap;
import io.cncfdemo.bootstrap.NodeRole;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The EBS CSI driver and the default StorageClass that the first master applies: the files as
 * golden YAML, their place in the masters' user data, and {@code cluster_addons} of {@code
 * platform.sh} run by bash with kubectl and dnf recorded.
 */
class ClusterAddonsTest {
  static final ClusterNames NAMES = CloudInitTest.NAMES;

  @TempDir Path dir;

  @Test
  void kustomization_isTheGoldenOne_pinningTheUpstreamOverlay() {
    assertThat(ClusterAddons.kustomization())
        .isEqualTo(golden("aws-ebs-csi-driver-kustomization.yaml"))
        .contains(
            "github.com/kubernetes-sigs/aws-ebs-csi-driver/deploy/kubernetes/overlays/stable/"
                + "?ref=v1.49.0");
  }

  @Test
  void storageClass_isTheGoldenOne_defaultEncryptedGp3_taggedWithTheCluster() {
    assertThat(ClusterAddons.storageClass(NAMES))
        .isEqualTo(golden("storage-class-gp3.yaml"))
        .contains(
            "storageclass.kubernetes.io/is-default-class: 'true'",
            "provisioner: ebs.csi.aws.com",
            "encrypted: 'true'",
            "tagSpecification_1: KubernetesCluster=demo",
            "volumeBindingMode: WaitForFirstConsumer");
  }

  @Test
  void mastersUserData_holdsTheFilesAndTheVersion_minionsDoesNot() {
    var master = CloudInit.render(CloudInitTest.SPEC, NAMES, NodeRole.MASTER);
    var minion = CloudInit.render(CloudInitTest.SPEC, NAMES, NodeRole.MINION);

    assertThat(master)
        .contains(
            "path: " + ClusterAddons.KUSTOMIZATION,
            "path: " + ClusterAddons.STORAGE_CLASS_FILE,
            "EBS_CSI_DRIVER_VERSION='v1.49.0'",
            "ADDONS_DIRECTORY='/etc/cncfdemo/addons'",
            "kubectl apply -k \"$ADDONS_DIRECTORY/aws-ebs-csi-driver\"");
    assertThat(minion).doesNotContain(ClusterAddons.DIRECTORY + "/");
  }

  @Test
  void clusterAddons_installsGit_andAppliesTheDriverThenTheStorageClass_fromTheWrittenFiles()
      throws Exception {
    for (var file : ClusterAddons.files(NAMES).entrySet()) {
      var path = dir.resolve(file.getKey().substring(ClusterAddons.DIRECTORY.length() + 1));
      Files.createDirectories(path.getParent());
      Files.writeString(path, file.getValue());
    }
    var platform = dir.resolve("platform.sh");
    Files.writeString(platform, NodeBootstrap.resource(CloudInit.class, "platform.sh"));
    var script =
        String.join(
            "\n",
            "set -euo pipefail",
            ". " + platform,
            "log() { echo \"log $*\"; }",
            "dnf() { echo \"dnf $*\"; }",
            // kubectl's last argument is what it applies: it must exist
            "kubectl() { echo \"kubectl $*\"; [ -e \"${@: -1}\" ]; }",
            "EBS_CSI_DRIVER_VERSION=v1.49.0 ADDONS_DIRECTORY=" + dir + " cluster_addons");
    var process =
        new ProcessBuilder(List.of("bash", "-c", script)).redirectErrorStream(true).start();
    var output =
        new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
            .replace(dir.toString(), "D");
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();

    assertThat(process.exitValue()).as(output).isZero();
    assertThat(output)
        .isEqualTo(
            String.join(
                "\n",
                "log AWS EBS CSI driver v1.49.0, default StorageClass gp3",
                "dnf install -y git-core",
                "kubectl apply -k D/aws-ebs-csi-driver",
                "kubectl apply -f D/storage-class-gp3.yaml",
                ""));
  }

  private static String golden(String name) {
    return NodeBootstrap.resource(ClusterAddonsTest.class, name);
  }
}
