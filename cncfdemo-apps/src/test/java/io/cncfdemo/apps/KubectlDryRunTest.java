package io.cncfdemo.apps;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kubectl apply --dry-run=client} of the full demo, against {@link DiscoveryServer}: kubectl
 * parses every document, maps each kind and apiVersion to a resource that Kubernetes 1.32 serves,
 * scopes it (namespaced or not) and builds the object it would create. It does not validate fields
 * (that needs the cluster's OpenAPI, which the real control-plane tests bring); see {@code
 * SchemaValidationTest} for that.
 */
class KubectlDryRunTest {
  static final String INSTALL =
      "a kubectl client of 1.32 or newer, e.g. apt-get install -y kubectl where a Kubernetes apt"
          + " repository is configured, or the kubectl of the Google Cloud SDK";

  @Test
  @DisplayName("kubectl apply --dry-run=client accepts every object of the full demo")
  void kubectlApplyDryRun_acceptsEveryObject(@TempDir Path dir) throws Exception {
    var kubectl = Tools.require("kubectl", INSTALL);
    var compiled = FullDemo.compiled();
    var yaml = dir.resolve("demo.yaml");
    Files.writeString(yaml, compiled.toYaml());
    try (var server = DiscoveryServer.start()) {
      var result = dryRun(kubectl, server, dir, yaml, "-o", "name");

      assertThat(result.exitCode()).as("kubectl said:%n%s", result.output()).isZero();
      var applied = result.output().lines().filter(line -> line.contains("/")).toList();
      assertThat(applied)
          .as("kubectl said:%n%s", result.output())
          .hasSize(compiled.objects().size());
      assertThat(applied)
          .contains(
              "deployment.apps/countly-api",
              "statefulset.apps/mongo-shard-2",
              "job.batch/mongo-sharding-init",
              "horizontalpodautoscaler.autoscaling/countly-api",
              "clusterrole.rbac.authorization.k8s.io/cncfdemo-prometheus");
    }
  }

  @Test
  @DisplayName(
      "kubectl rejects a kind that Kubernetes 1.32 no longer serves, so the test above has teeth")
  void kubectlApplyDryRun_rejectsARemovedApiVersion(@TempDir Path dir) throws Exception {
    var kubectl = Tools.require("kubectl", INSTALL);
    var yaml = dir.resolve("old.yaml");
    Files.writeString(
        yaml,
        String.join(
            "\n",
            "apiVersion: policy/v1beta1",
            "kind: PodDisruptionBudget",
            "metadata: {name: old, namespace: cncfdemo}",
            "spec: {maxUnavailable: 1}",
            ""));
    try (var server = DiscoveryServer.start()) {
      var result = dryRun(kubectl, server, dir, yaml);

      assertThat(result.exitCode()).isNotZero();
      assertThat(result.output()).contains("PodDisruptionBudget").contains("policy/v1beta1");
    }
  }

  /**
   * {@code kubectl apply --dry-run=client --validate=false -f yaml}, with a kubeconfig for {@code
   * server}.
   */
  static Tools.Result dryRun(
      Path kubectl, DiscoveryServer server, Path dir, Path yaml, String... more) throws Exception {
    var kubeconfig = dir.resolve("kubeconfig");
    Files.writeString(
        kubeconfig,
        String.join(
            "\n",
            "apiVersion: v1",
            "kind: Config",
            "clusters: [{name: local, cluster: {server: \"" + server.url() + "\"}}]",
            "users: [{name: nobody, user: {}}]",
            "contexts: [{name: local, context: {cluster: local, user: nobody}}]",
            "current-context: local",
            ""));
    var command =
        new java.util.ArrayList<>(
            List.of(
                kubectl.toString(),
                "apply",
                "--dry-run=client",
                "--validate=false",
                "--cache-dir",
                dir.resolve("cache").toString(),
                "-f",
                yaml.toString()));
    command.addAll(List.of(more));
    return Tools.run(command, Map.of("KUBECONFIG", kubeconfig.toString()), 120);
  }
}
