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
 * Every object of the full demo against the JSON schemas of the Kubernetes 1.32 API, strictly (an
 * unknown field is an error), with {@code kubernetes-validate}: the field-level check that an
 * offline {@code kubectl --dry-run=client} cannot make without a cluster's OpenAPI.
 */
class SchemaValidationTest {
  static final String INSTALL =
      "pip install kubernetes-validate==1.37.0 (PyPI; it ships the schemas of Kubernetes 1.25 to"
          + " 1.37)";

  @Test
  @DisplayName(
      "every object of the full demo and the cluster add-ons is valid for Kubernetes 1.32,"
          + " strictly")
  void fullDemo_isValidForKubernetes132_strictly(@TempDir Path dir) throws Exception {
    var validate = Tools.require("kubernetes-validate", INSTALL);
    var yaml = Files.writeString(dir.resolve("demo.yaml"), FullDemo.withAddons().toYaml());

    var result =
        Tools.run(
            List.of(
                validate.toString(),
                "--strict",
                "--kubernetes-version",
                "1.32.0",
                "--quiet",
                yaml.toString()),
            Map.of(),
            300);

    assertThat(result.exitCode()).as("kubernetes-validate said:%n%s", result.output()).isZero();
    assertThat(result.output())
        .as("kubernetes-validate said:%n%s", result.output())
        .doesNotContain("ERROR", "WARN");
  }

  @Test
  @DisplayName("kubernetes-validate rejects an unknown field, so the test above has teeth")
  void unknownField_isRejected(@TempDir Path dir) throws Exception {
    var validate = Tools.require("kubernetes-validate", INSTALL);
    var yaml =
        Files.writeString(
            dir.resolve("bad.yaml"),
            String.join(
                "\n",
                "apiVersion: v1",
                "kind: Service",
                "metadata: {name: x}",
                "spec: {ports: [{port: 80}], selectorr: {a: b}}",
                ""));

    var result =
        Tools.run(
            List.of(
                validate.toString(), "--strict", "--kubernetes-version", "1.32.0", yaml.toString()),
            Map.of(),
            300);

    assertThat(result.exitCode()).isNotZero();
    assertThat(result.output()).contains("selectorr");
  }
}
