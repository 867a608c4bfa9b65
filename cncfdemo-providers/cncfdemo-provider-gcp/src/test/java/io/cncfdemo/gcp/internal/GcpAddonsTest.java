package io.cncfdemo.gcp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.cncfdemo.bootstrap.NodeBootstrap;
import io.cncfdemo.bootstrap.NodeRole;
import io.cncfdemo.support.Yaml;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.storage.StorageClass;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cluster add-ons of a gcp() cluster: the pinned CSI driver's kustomization, the default
 * StorageClass, and what {@code cluster_addons} does with them on the first master.
 */
class GcpAddonsTest {
  @TempDir Path dir;

  @Test
  void storageClass_isTheDefault_balancedPersistentDisks_boundWhenAPodUsesTheClaim() {
    var storageClass =
        Yaml.serialization()
            .unmarshal(
                GcpAddons.files().get(GcpAddons.DIRECTORY + "/storage-class.yaml"),
                StorageClass.class);

    assertThat(storageClass.getMetadata().getName()).isEqualTo("pd-balanced");
    assertThat(storageClass.getMetadata().getAnnotations())
        .containsEntry("storageclass.kubernetes.io/is-default-class", "true");
    assertThat(storageClass.getProvisioner()).isEqualTo("pd.csi.storage.gke.io");
    assertThat(storageClass.getParameters()).isEqualTo(Map.of("type", "pd-balanced"));
    assertThat(storageClass.getVolumeBindingMode()).isEqualTo("WaitForFirstConsumer");
    assertThat(storageClass.getReclaimPolicy()).isEqualTo("Delete");
  }

  @Test
  void driver_isThePinnedRelease_withTheControllerOnTheNodesServiceAccount() {
    var files = GcpAddons.files();
    var kustomization =
        Yaml.serialization()
            .unmarshal(
                files.get(GcpAddons.DIRECTORY + "/pd-csi/kustomization.yaml"),
                GenericKubernetesResource.class);

    assertThat(kustomization.getAdditionalProperties().get("resources"))
        .isEqualTo(
            List.of(
                "https://github.com/kubernetes-sigs/gcp-compute-persistent-disk-csi-driver"
                    + "/deploy/kubernetes/overlays/stable-master?ref=v1.18.0"));
    assertThat(kustomization.getAdditionalProperties().get("patches"))
        .isEqualTo(List.of(Map.of("path", "node-credentials.yaml")));
    var patch = files.get(GcpAddons.DIRECTORY + "/pd-csi/node-credentials.yaml");
    assertThat(patch)
        .contains(
            "name: csi-gce-pd-controller",
            "name: GOOGLE_APPLICATION_CREDENTIALS\n              $patch: delete",
            "mountPath: /etc/cloud-sa\n              $patch: delete",
            "name: cloud-sa-volume\n          $patch: delete");
  }

  @Test
  void mastersCarryTheAddons_minionsDoNot() {
    var master = GcpBootstrapTest.render(NodeRole.MASTER);
    var minion = GcpBootstrapTest.render(NodeRole.MINION);

    assertThat(master)
        .contains(
            "PD_CSI_VERSION='v1.18.0'",
            "ADDONS_DIR='/etc/cncfdemo/addons'",
            "path: /etc/cncfdemo/addons/pd-csi/kustomization.yaml",
            "path: /etc/cncfdemo/addons/pd-csi/node-credentials.yaml",
            "path: /etc/cncfdemo/addons/storage-class.yaml",
            "provisioner: pd.csi.storage.gke.io");
    assertThat(minion).doesNotContain("path: /etc/cncfdemo/addons/");
  }

  @Test
  void clusterAddons_appliesTheNamespace_theDriver_andTheStorageClass() throws Exception {
    var calls = dir.resolve("kubectl.log");
    var bin = Files.createDirectories(dir.resolve("bin"));
    var kubectl = bin.resolve("kubectl");
    Files.writeString(kubectl, "#!/bin/bash\necho \"$*\" >> '" + calls + "'\ncat >/dev/null\n");
    assertThat(kubectl.toFile().setExecutable(true)).isTrue();
    var joinEnv = Files.writeString(dir.resolve("join.env"), "");
    var platform =
        Files.writeString(
            dir.resolve("platform.sh"), NodeBootstrap.resource(GcpBootstrap.class, "platform.sh"));
    var script = "set -euo pipefail; log() { :; }; . '" + platform + "'; cluster_addons </dev/null";
    var process = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true);
    process
        .environment()
        .putAll(
            Map.of(
                "PATH",
                bin + ":" + System.getenv("PATH"),
                "JOIN_ENV",
                joinEnv.toString(),
                "ADDONS_DIR",
                GcpAddons.DIRECTORY,
                "PD_CSI_VERSION",
                GcpAddons.PD_CSI_VERSION));
    var started = process.start();
    var output = new String(started.getInputStream().readAllBytes());
    assertThat(started.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(started.exitValue()).as(output).isZero();

    var lines = Files.readAllLines(calls);
    // the two ends of the namespace's pipe run at once
    assertThat(lines.subList(0, 2))
        .containsExactlyInAnyOrder(
            "create namespace gce-pd-csi-driver --dry-run=client -o yaml", "apply -f -");
    assertThat(lines.subList(2, lines.size()))
        .containsExactly(
            "apply -k /etc/cncfdemo/addons/pd-csi",
            "apply -f /etc/cncfdemo/addons/storage-class.yaml");
  }
}
