package io.cncfdemo.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * examples/quickstart.jsh runs in JShell with the built jars on its class path, after the two
 * static imports: the plan, the demo's objects, then the deploy and the autoscaling story.
 */
class JShellScriptIT {

  @Test
  void quickstartScript_plansRendersDeploysAndBenchmarksTheDemo() throws Exception {
    var jshell = Path.of(System.getProperty("java.home"), "bin", "jshell").toString();
    var classPath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    var script =
        Path.of("").toAbsolutePath().getParent().resolve("examples/quickstart.jsh").toString();
    var process =
        new ProcessBuilder(
                jshell,
                "--class-path",
                classPath,
                "-R-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                script)
            .redirectErrorStream(true)
            .start();
    process.getOutputStream().close();
    var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("jshell finished").isTrue();

    assertThat(output)
        .as(output)
        .contains("Plan for cluster cncfdemo on local()", "kube-apiserver", "cncfdemo-minion-2")
        .contains("76 objects in the demo")
        .containsPattern(
            "countly-api 2 → (?:[3-9]|[1-9][0-9]) → 2 replicas by its HPA, [1-9][0-9]* BOINC pods"
                + " preempted")
        .contains("Report: ", "target/cncfdemo-report.html")
        .doesNotContain("Exception", "|  Error");
    assertThat(process.exitValue()).isZero();
  }
}
