package io.cncfdemo.cli.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cncfdemo.cli.CliRun;
import io.cncfdemo.cli.common.UsageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Jinja templates of apply -f: values from files and --set, strict about undefined variables,
 * errors that locate.
 */
class TemplatesTest {
  @TempDir Path directory;

  @Test
  void rendersValuesFromFilesAndSet_laterOnesWin_setNestsAndTypes() throws IOException {
    var values =
        Files.writeString(
            directory.resolve("values.yaml"),
            "image:\n  repo: nginx\n  tag: '1.26'\nreplicas: 1\n");
    var merged =
        TemplateValues.of(List.of(values), List.of("image.tag=1.27", "replicas=3", "debug=true"));
    var out =
        new Templates(merged)
            .render(
                "t.j2",
                "image: {{ image.repo }}:{{ image.tag }}\n"
                    + "replicas: {{ replicas + 1 }}\n"
                    + "{% if debug %}debug: on{% endif %}\n"
                    + "pull: {{ pull | default('IfNotPresent') }}\n");
    assertThat(out).isEqualTo("image: nginx:1.27\nreplicas: 4\ndebug: on\npull: IfNotPresent\n");
  }

  @Test
  void anUndefinedVariable_isAnErrorNamingTemplateLineAndVariable_neverAnEmptyString() {
    assertThatThrownBy(
            () ->
                new Templates(Map.of("name", "web"))
                    .render("deploy.yaml.j2", "name: {{ name }}\nreplicas: {{ replicas }}\n"))
        .isInstanceOf(TemplateException.class)
        .hasMessageStartingWith("template deploy.yaml.j2, line 2: undefined variable 'replicas'");
  }

  @Test
  void anUndefinedProperty_namesThePath() {
    assertThatThrownBy(
            () ->
                new Templates(Map.of("image", Map.of("repo", "nginx")))
                    .render("t.j2", "a\n{{ image.tag }}"))
        .hasMessageStartingWith("template t.j2, line 2: undefined variable 'image.tag'");
  }

  @Test
  void aSyntaxError_namesTemplateLineAndProblem() {
    assertThatThrownBy(() -> new Templates(Map.of()).render("t.j2", "a: 1\nb: {% if true %}x\n"))
        .isInstanceOf(TemplateException.class)
        .hasMessage(
            "template t.j2, line 2: syntax error: Syntax error in '{% if true %}': Missing end tag:"
                + " endif for tag defined as: {% if true %}");
    assertThatThrownBy(() -> new Templates(Map.of()).render("t.j2", "a: {{ 1 + }}"))
        .hasMessageStartingWith("template t.j2, line 1: syntax error: Error parsing '1 +'");
  }

  @Test
  void aValuesFileThatIsNotYaml_namesFileLineAndColumn() throws IOException {
    var bad = Files.writeString(directory.resolve("bad.yaml"), "a: 1\nimage: [nginx\n");
    assertThatThrownBy(() -> TemplateValues.of(List.of(bad), List.of()))
        .isInstanceOf(TemplateException.class)
        .hasMessageStartingWith("values file " + bad + ": line 2, column ")
        .hasMessageContaining(": not valid YAML: ");
  }

  @Test
  void aValuesFileThatIsNotAMapping_orMissing_isRefusedInWords() throws IOException {
    var list = Files.writeString(directory.resolve("list.yaml"), "- a\n- b\n");
    assertThatThrownBy(() -> TemplateValues.of(List.of(list), List.of()))
        .hasMessage("values file " + list + ": must be a mapping of names to values, is a list");
    var missing = directory.resolve("missing.yaml");
    assertThatThrownBy(() -> TemplateValues.of(List.of(missing), List.of()))
        .hasMessageStartingWith("values file " + missing + ": cannot be read: ");
  }

  @Test
  void setWithoutEquals_isBadUsage() {
    assertThatThrownBy(() -> TemplateValues.of(List.of(), List.of("replicas")))
        .isInstanceOf(UsageException.class)
        .hasMessage("--set must be KEY=VALUE, was replicas");
  }

  @Test
  void applyOfABadTemplate_failsBeforeConnecting_withExitCode1AndTheMessage() throws IOException {
    var template =
        Files.writeString(
            directory.resolve("cm.yaml.j2"), "kind: ConfigMap\nmetadata:\n  name: {{ name }}\n");
    var run =
        CliRun.run(
            directory,
            "apply",
            "-f",
            template.toString(),
            "--kubeconfig",
            directory.resolve("none").toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .startsWith("error: template " + template + ", line 3: undefined variable 'name'");
  }
}
