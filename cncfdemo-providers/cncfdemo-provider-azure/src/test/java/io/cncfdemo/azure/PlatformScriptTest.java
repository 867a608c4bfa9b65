package io.cncfdemo.azure;

import static io.cncfdemo.Providers.azure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.cncfdemo.Cluster;
import io.cncfdemo.azure.fake.FakeImds;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Azure part of the node bootstrap ({@code platform.sh}, as the custom data carries it, with
 * the settings the library wrote) run by bash, curl and python3 against the ARM fake and a fake
 * instance metadata service: the first master is the first by name once all masters exist, its
 * public address comes from ARM, the CA hash goes out as a tag of its VM and comes back to a
 * minion, the secrets come from the root-only file, every ARM call carries the node's identity
 * token. kubeadm itself, and the real metadata service, are beyond these tests.
 */
class PlatformScriptTest {
  static FakeAzure azure;
  static FakeImds imds;
  static Path work;
  static Path pem;

  @BeforeAll
  static void createCluster(@TempDir Path directory) throws Exception {
    work = directory;
    azure = new FakeAzure();
    imds = FakeImds.start();
    pem = azure.arm.certificatePem(directory.resolve("arm-fake.pem"));
    var cluster =
        Cluster.on(azure().location("westus2").apiAccessCidr("203.0.113.7/32"))
            .named("nodes")
            .masters(2)
            .minions(1);
    assertThatThrownBy(() -> cluster.using(azure.provider(directory).build()).create())
        .hasMessageContaining("the first master did not write");
  }

  @AfterAll
  static void stop() throws Exception {
    imds.close();
    azure.close();
  }

  static List<JsonNode> vms(String scaleSet) {
    return azure.arm.state().all().values().stream()
        .filter(r -> r.path("type").asText().equals("Microsoft.Compute/virtualMachines"))
        .filter(r -> r.path("name").asText().startsWith(scaleSet + "_"))
        .sorted(java.util.Comparator.comparing(r -> r.path("name").asText()))
        .toList();
  }

  /**
   * Runs {@code commands} after sourcing the node's settings and platform script, as the VM {@code
   * vm} of {@code scaleSet}.
   */
  static Result node(String scaleSet, JsonNode vm, String commands) throws Exception {
    imds.as(vm.path("id").asText());
    var dir = Files.createDirectories(work.resolve(scaleSet));
    var env =
        write(
            dir.resolve("cluster.env"),
            azure.nodes.file(scaleSet, "/etc/cncfdemo/cluster.env").orElseThrow());
    var join =
        write(
            dir.resolve("join.env"),
            azure.nodes.file(scaleSet, "/etc/cncfdemo/join.env").orElseThrow());
    var platform =
        write(
            dir.resolve("platform.sh"),
            azure.nodes.file(scaleSet, "/usr/local/lib/cncfdemo/platform.sh").orElseThrow());
    var script =
        "set -euo pipefail\nlog() { echo \"log: $*\" >&2; }\n. "
            + env
            + "\nADMIN_KUBECONFIG="
            + dir.resolve("admin.conf")
            + "\n. "
            + platform
            + "\n"
            + commands
            + "\n";
    // run where the node's own files are, never in the module's directory
    var builder =
        new ProcessBuilder("bash", "-c", script)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    builder.environment().put("ARM_ENDPOINT", azure.arm.endpoint().toString().replaceAll("/$", ""));
    builder.environment().put("IMDS_ENDPOINT", imds.endpoint().toString());
    builder.environment().put("JOIN_ENV", join.toString());
    builder.environment().put("CURL_CA_BUNDLE", pem.toString());
    var process = builder.start();
    var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Result(process.exitValue(), output.strip());
  }

  record Result(int exitCode, String output) {}

  static Path write(Path file, String text) throws IOException {
    return Files.writeString(file, text);
  }

  @Test
  void theFirstMasterByName_claimsInit_theOtherDoesNot() throws Exception {
    var masters = vms("nodes-masters");
    assertThat(masters).hasSize(2);

    assertThat(node("nodes-masters", masters.get(0), "claim_init && echo first"))
        .isEqualTo(new Result(0, "first"));
    assertThat(node("nodes-masters", masters.get(1), "claim_init || echo not-first"))
        .isEqualTo(new Result(0, "not-first"));
    assertThat(imds.tokenClients())
        .isNotEmpty()
        .allSatisfy(client -> assertThat(client).matches("[0-9a-f-]{36}"));
    assertThat(azure.arm.requests())
        .filteredOn(r -> r.authorization() != null && r.authorization().startsWith("Bearer imds-"))
        .isNotEmpty()
        .allMatch(r -> r.method().equals("GET") || r.method().equals("PATCH"));
  }

  @Test
  void publicAddress_isTheMastersStandardPublicIp_readFromArm() throws Exception {
    var master = vms("nodes-masters").get(0);
    var ip =
        azure.arm.state().all().values().stream()
            .filter(r -> r.path("name").asText().equals(master.path("name").asText() + "-public"))
            .findFirst()
            .orElseThrow()
            .path("properties")
            .path("ipAddress")
            .asText();

    assertThat(node("nodes-masters", master, "public_address")).isEqualTo(new Result(0, ip));
  }

  @Test
  void theCaHash_publishedAsATagOfTheFirstMastersVm_reachesAMinion() throws Exception {
    var master = vms("nodes-masters").get(0);
    assertThat(
            node(
                    "nodes-masters",
                    master,
                    "echo sha256:0123abcd > hash; publish ca-cert-hash hash shared")
                .exitCode())
        .isZero();
    assertThat(
            azure
                .arm
                .state()
                .all()
                .get(master.path("id").asText())
                .path("tags")
                .path("cncfdemo-ca-cert-hash")
                .asText())
        .isEqualTo("sha256:0123abcd");
    assertThat(
            azure
                .arm
                .state()
                .all()
                .get(master.path("id").asText())
                .path("tags")
                .path("KubernetesCluster")
                .asText())
        .as("merged, not replaced")
        .isEqualTo("nodes");

    assertThat(node("nodes-minions", vms("nodes-minions").get(0), "wait_shared ca-cert-hash"))
        .isEqualTo(new Result(0, "sha256:0123abcd"));
  }

  @Test
  void secrets_comeFromTheRootOnlyFile_andMinionsHaveNoCertificateKey() throws Exception {
    var token =
        azure
            .nodes
            .file("nodes-masters", "/etc/cncfdemo/join.env")
            .orElseThrow()
            .lines()
            .findFirst()
            .orElseThrow();

    assertThat(
            "JOIN_TOKEN='"
                + node("nodes-masters", vms("nodes-masters").get(0), "secret join-token").output()
                + "'")
        .isEqualTo(token);
    assertThat(
            node("nodes-masters", vms("nodes-masters").get(0), "secret certificate-key").output())
        .matches("[0-9a-f]{64}");
    assertThat(
            node("nodes-minions", vms("nodes-minions").get(0), "secret certificate-key").exitCode())
        .isNotZero();
  }

  @Test
  void theAdminKubeconfig_staysOnTheMaster_readableByRootOnly() throws Exception {
    var result =
        node(
            "nodes-masters",
            vms("nodes-masters").get(0),
            "echo 'apiVersion: v1' > conf; publish admin-kubeconfig conf secret; cat"
                + " \"$ADMIN_KUBECONFIG\"");

    assertThat(result).isEqualTo(new Result(0, "apiVersion: v1"));
    var file = work.resolve("nodes-masters").resolve("admin.conf");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
  }

  @Test
  void clusterAddons_putTheCloudConfigInTheDriversSecret_applyThePinnedDriver_thenTheStorageClass()
      throws Exception {
    var dir = Files.createDirectories(work.resolve("nodes-masters"));
    var cloudConfig = azure.nodes.file("nodes-masters", "/etc/kubernetes/azure.json").orElseThrow();
    write(dir.resolve("azure.json"), cloudConfig);
    write(
        dir.resolve("storageclass.yaml"),
        azure.nodes.file("nodes-masters", "/etc/cncfdemo/storageclass.yaml").orElseThrow());
    // kubectl as the first master would run it, played by a script that notes each call and
    // keeps what it reads from stdin (the secret's manifest, made by "create --dry-run")
    var kubectl = Files.createDirectories(dir.resolve("bin")).resolve("kubectl");
    write(
        kubectl,
        """
        #!/bin/bash
        echo "kubectl $*" >> kubectl.log
        case "$*" in
          *--from-file=cloud-config=*)
            for arg in "$@"; do
              case "$arg" in --from-file=cloud-config=*) cat "${arg#--from-file=cloud-config=}" ;; esac
            done ;;
          "apply -f -") cat > applied-from-stdin ;;
        esac
        """);
    Files.setPosixFilePermissions(kubectl, PosixFilePermissions.fromString("rwxr-xr-x"));

    var result =
        node(
            "nodes-masters",
            vms("nodes-masters").get(0),
            "rm -f kubectl.log; PATH=\"$PWD/bin:$PATH\" CLOUD_CONFIG_FILE=azure.json"
                + " STORAGE_CLASS_FILE=storageclass.yaml cluster_addons");

    assertThat(result).isEqualTo(new Result(0, ""));
    var release =
        "kubectl apply -f https://raw.githubusercontent.com/kubernetes-sigs/azuredisk-csi-driver/"
            + "v1.33.0/deploy/v1.33.0/";
    var calls = Files.readAllLines(dir.resolve("kubectl.log"));
    assertThat(calls.subList(0, 2))
        .as("the two sides of a pipe")
        .containsExactlyInAnyOrder(
            "kubectl -n kube-system create secret generic azure-cloud-provider"
                + " --from-file=cloud-config=azure.json --dry-run=client -o yaml",
            "kubectl apply -f -");
    assertThat(calls.subList(2, calls.size()))
        .containsExactly(
            release + "crd-csi-snapshot.yaml",
            release + "csi-azuredisk-driver.yaml",
            release + "rbac-csi-azuredisk-controller.yaml",
            release + "rbac-csi-azuredisk-node.yaml",
            release + "csi-azuredisk-controller.yaml",
            release + "csi-azuredisk-node.yaml",
            "kubectl apply -f storageclass.yaml");
    assertThat(Files.readString(dir.resolve("applied-from-stdin"))).isEqualTo(cloudConfig);
    var cloudIdentity =
        azure.arm.state().all().values().stream()
            .filter(r -> r.path("name").asText().equals("nodes-cloud"))
            .findFirst()
            .orElseThrow();
    assertThat(cloudConfig)
        .contains(
            "\"userAssignedIdentityID\" : \""
                + cloudIdentity.path("properties").path("clientId").asText()
                + "\"",
            "\"useManagedIdentityExtension\" : true");
  }
}
