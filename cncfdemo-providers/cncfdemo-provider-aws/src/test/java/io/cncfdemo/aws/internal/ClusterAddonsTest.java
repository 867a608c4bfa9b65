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
 * The cloud controller manager, the EBS CSI driver and the default StorageClass that the first
 * master applies: the files as golden YAML, their place in the masters' user data, and {@code
 * cluster_addons} of {@code platform.sh} run by bash with kubectl and dnf recorded; the node's name
 * and provider ID as {@code platform.sh} reads them from a recorded instance metadata service.
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
  void cloudControllerManager_isTheGoldenOne_pinningTheUpstreamBaseAndImage_withTheClustersName() {
    assertThat(CloudControllerManager.kustomization("v1.35.0", "demo"))
        .isEqualTo(golden("aws-cloud-controller-manager-kustomization.yaml"))
        .contains(
            "github.com/kubernetes/cloud-provider-aws/examples/existing-cluster/base/?ref=v1.35.0",
            "image: registry.k8s.io/provider-aws/cloud-controller-manager:v1.35.0",
            "- --cluster-name=demo",
            "- --configure-cloud-routes=false");
  }

  @Test
  void cloudControllerManager_releaseMatchesTheClustersMinor() {
    assertThat(CloudControllerManager.release("1.35")).isEqualTo("v1.35.0");
    assertThat(CloudControllerManager.release("1.34.2")).isEqualTo("v1.34.3");
    assertThat(CloudControllerManager.release("1.30")).isEqualTo("v1.30.8");
    assertThat(CloudControllerManager.RELEASES)
        .allSatisfy((minor, release) -> assertThat(release).startsWith("v" + minor + "."));
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
            "path: " + CloudControllerManager.KUSTOMIZATION,
            "path: " + ClusterAddons.KUSTOMIZATION,
            "path: " + ClusterAddons.STORAGE_CLASS_FILE,
            "EBS_CSI_DRIVER_VERSION='v1.49.0'",
            "CLOUD_CONTROLLER_MANAGER_VERSION='v1.35.0'",
            "CLOUD_PROVIDER='external'",
            "ADDONS_DIRECTORY='/etc/cncfdemo/addons'",
            "kubectl apply -k \"$ADDONS_DIRECTORY/aws-ebs-csi-driver\"");
    assertThat(minion)
        .doesNotContain(ClusterAddons.DIRECTORY + "/")
        .contains("CLOUD_PROVIDER='external'", "path: /etc/cncfdemo/kubeadm/join.yaml");
  }

  @Test
  void nodeNameAndProviderId_comeFromTheInstanceMetadata() throws Exception {
    var output =
        run(
            "imds() { case \"$1\" in local-hostname) echo ip-10-0-17-4.us-west-2.compute.internal;;"
                + " placement/availability-zone) echo us-west-2b;; instance-id) echo"
                + " i-0123456789abcdef0;; *) return 1;; esac; }",
            "node_name",
            "provider_id");

    assertThat(output)
        .isEqualTo(
            "ip-10-0-17-4.us-west-2.compute.internal\naws:///us-west-2b/i-0123456789abcdef0\n");
  }

  @Test
  void clusterAddons_installsGit_andAppliesTheManagerThenTheDriverThenTheStorageClass_fromTheFiles()
      throws Exception {
    for (var file : ClusterAddons.files(CloudInitTest.SPEC, NAMES).entrySet()) {
      var path = dir.resolve(file.getKey().substring(ClusterAddons.DIRECTORY.length() + 1));
      Files.createDirectories(path.getParent());
      Files.writeString(path, file.getValue());
    }
    var output =
        run(
            "log() { echo \"log $*\"; }",
            "dnf() { echo \"dnf $*\"; }",
            // kubectl's last argument is what it applies: it must exist
            "kubectl() { echo \"kubectl $*\"; [ -e \"${@: -1}\" ]; }",
            "EBS_CSI_DRIVER_VERSION=v1.49.0 CLOUD_CONTROLLER_MANAGER_VERSION=v1.35.0"
                + " ADDONS_DIRECTORY="
                + dir
                + " cluster_addons");

    assertThat(output)
        .isEqualTo(
            String.join(
                "\n",
                "log AWS cloud controller manager v1.35.0, AWS EBS CSI driver v1.49.0, default"
                    + " StorageClass gp3",
                "dnf install -y git-core",
                "kubectl apply -k D/aws-cloud-controller-manager",
                "kubectl apply -k D/aws-ebs-csi-driver",
                "kubectl apply -f D/storage-class-gp3.yaml",
                ""));
  }

  /** {@code platform.sh} sourced by bash, then {@code lines}; its output, the directory as D. */
  private String run(String... lines) throws Exception {
    var platform = dir.resolve("platform.sh");
    Files.writeString(platform, NodeBootstrap.resource(CloudInit.class, "platform.sh"));
    var script = "set -euo pipefail\n. " + platform + "\n" + String.join("\n", lines);
    var process =
        new ProcessBuilder(List.of("bash", "-c", script)).redirectErrorStream(true).start();
    var output =
        new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
            .replace(dir.toString(), "D");
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    return output;
  }

  private static String golden(String name) {
    return NodeBootstrap.resource(ClusterAddonsTest.class, name);
  }
}
