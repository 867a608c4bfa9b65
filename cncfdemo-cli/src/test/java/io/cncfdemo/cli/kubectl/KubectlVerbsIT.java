package io.cncfdemo.cli.kubectl;

import static org.assertj.core.api.Assertions.assertThat;

import io.cncfdemo.cli.CliRun;
import io.cncfdemo.cli.Kubectl;
import io.cncfdemo.cluster.RunningCluster;
import io.cncfdemo.junit.LocalCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kubectl verbs against a simulated cluster, run in this JVM: what they print is what kubectl
 * prints for the same objects (tables compared with their AGE column masked, which moves between
 * the two runs).
 */
@LocalCluster(minions = 2, name = "cli")
class KubectlVerbsIT {
  @TempDir static Path directory;
  static String kubeconfig;

  @BeforeAll
  static void connect(RunningCluster cluster) {
    kubeconfig = cluster.kubeconfig().toString();
  }

  @Test
  void createConfigmap_onTheServer_thenGetAsYamlAndJson_printsWhatKubectlPrints()
      throws IOException {
    var files = Files.createDirectories(directory.resolve("files"));
    Files.writeString(files.resolve("app.properties"), "a=1\nb=2\n");
    Files.write(files.resolve("logo.bin"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0});
    var created =
        cncfdemo(
            "create",
            "configmap",
            "app.config",
            "--from-file=" + files,
            "--from-literal=mode=demo");
    assertThat(created.out()).isEqualTo("configmap/app.config created\n");
    assertThat(created.exitCode()).isZero();
    for (var output : List.of("yaml", "json")) {
      sameAsKubectl(false, "get", "configmap", "app.config", "-o", output);
    }
    sameAsKubectl(false, "get", "configmaps", "-o", "yaml");
    sameAsKubectl(false, "get", "namespace", "kube-system", "-o", "json");
    sameAsKubectl(false, "get", "nodes", "-o", "yaml");
    var secret =
        cncfdemo(
            "create", "secret", "generic", "db", "--from-literal=password=s3cret", "-o", "name");
    assertThat(secret.out()).isEqualTo("secret/db\n");
    sameAsKubectl(false, "get", "secret", "db", "-o", "yaml");
  }

  @Test
  void getTables_haveKubectlsColumnsAndLayout() {
    cncfdemo("create", "configmap", "table-a", "--from-literal=a=1");
    sameAsKubectl(true, "get", "configmaps");
    sameAsKubectl(true, "get", "cm", "-A");
    sameAsKubectl(true, "get", "nodes");
    sameAsKubectl(true, "get", "nodes", "-o", "wide");
    sameAsKubectl(true, "get", "namespaces");
    sameAsKubectl(true, "get", "priorityclasses.scheduling.k8s.io");
    sameAsKubectl(true, "get", "configmap/table-a", "-o", "name");
  }

  @Test
  void whatIsNotThere_isReportedAsKubectlReportsIt() {
    sameAsKubectl(false, "get", "configmap", "absent");
    sameAsKubectl(false, "get", "pods", "-n", "empty-namespace");
    sameAsKubectl(false, "delete", "configmap", "absent");
  }

  @Test
  void apply_createsConfiguresAndLeavesUnchanged_renderingTemplates_andServerSide()
      throws IOException {
    var manifests = Files.createDirectories(directory.resolve("manifests"));
    Files.writeString(
        manifests.resolve("cm.yaml"),
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: plain\ndata:\n  a: \"1\"\n");
    Files.writeString(
        manifests.resolve("web.yaml.j2"),
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: {{ name }}
        spec:
          replicas: {{ replicas | default(1) }}
          selector: {matchLabels: {app: {{ name }}}}
          template:
            metadata: {labels: {app: {{ name }}}}
            spec:
              containers:
              - name: web
                image: {{ image.repo }}:{{ image.tag }}
        """);
    var values =
        Files.writeString(
            directory.resolve("values.yaml"), "image:\n  repo: nginx\n  tag: \"1.27\"\n");
    var args =
        new ArrayList<>(
            List.of(
                "apply",
                "-f",
                manifests.toString(),
                "--set",
                "name=web",
                "--values",
                values.toString()));
    assertThat(cncfdemo(args).out())
        .isEqualTo("configmap/plain created\ndeployment.apps/web created\n");
    assertThat(cncfdemo(args).out())
        .isEqualTo("configmap/plain unchanged\ndeployment.apps/web unchanged\n");
    args.addAll(List.of("--set", "replicas=3"));
    assertThat(cncfdemo(args).out())
        .isEqualTo("configmap/plain unchanged\ndeployment.apps/web configured\n");
    assertThat(cncfdemo("get", "deployment", "web", "-o", "json").out())
        .contains("\"replicas\": 3");
    args.add("--server-side");
    assertThat(cncfdemo(args).out())
        .isEqualTo("configmap/plain serverside-applied\ndeployment.apps/web serverside-applied\n");

    var delete =
        cncfdemo(
            "delete",
            "-f",
            manifests.toString(),
            "--set",
            "name=web",
            "--values",
            values.toString());
    assertThat(delete.out())
        .isEqualTo("configmap \"plain\" deleted\ndeployment.apps \"web\" deleted\n");
    assertThat(delete.exitCode()).isZero();
    cncfdemo("create", "configmap", "twin-a", "--from-literal=a=1");
    cncfdemo("create", "configmap", "twin-b", "--from-literal=a=1");
    assertThat(cncfdemo("delete", "configmap", "twin-a").out())
        .isEqualTo(
            Kubectl.run(directory, "--kubeconfig", kubeconfig, "delete", "configmap", "twin-b")
                .out()
                .replace("twin-b", "twin-a"));
  }

  private static CliRun cncfdemo(List<String> args) {
    return cncfdemo(args.toArray(String[]::new));
  }

  private static CliRun cncfdemo(String... args) {
    var all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--kubeconfig", kubeconfig));
    return CliRun.run(directory, all.toArray(String[]::new));
  }

  private static void sameAsKubectl(boolean maskAge, String... args) {
    var ours = cncfdemo(args);
    var withConfig = new ArrayList<>(List.of("--kubeconfig", kubeconfig));
    withConfig.addAll(List.of(args));
    var theirs = Kubectl.run(directory, withConfig.toArray(String[]::new));
    assertThat(mask(ours.out(), maskAge))
        .as("output of %s", List.of(args))
        .isEqualTo(mask(theirs.out(), maskAge));
    assertThat(ours.err()).as("errors of %s", List.of(args)).isEqualTo(theirs.err());
    assertThat(ours.exitCode()).as("exit code of %s", List.of(args)).isEqualTo(theirs.exitCode());
  }

  /** Ages such as {@code 5s} or {@code 2m10s} become {@code AGE} padded to the same width. */
  private static String mask(String text, boolean maskAge) {
    return maskAge
        ? text.replaceAll("(?m)(?<= )\\d+[smhd](\\d+[smh])?(?= |$)", "AGE")
            .replaceAll("AGE +", "AGE ")
        : text;
  }
}
