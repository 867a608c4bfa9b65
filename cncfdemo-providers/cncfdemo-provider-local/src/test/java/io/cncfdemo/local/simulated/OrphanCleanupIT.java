package io.cncfdemo.local.simulated;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A JVM killed with SIGKILL while it runs a simulated cluster leaves no control-plane process and,
 * after the next clean, no files.
 */
class OrphanCleanupIT {

  @Test
  void sigkillOfTheJvm_leavesNoOrphanProcess() throws Exception {
    var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    var child =
        new ProcessBuilder(
                java, "-cp", System.getProperty("java.class.path"), HoldClusterMain.class.getName())
            .redirectErrorStream(true)
            .start();
    Path directory = null;
    try (var reader =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.startsWith("READY ")) {
          directory = Path.of(line.substring(6));
          break;
        }
      }
      assertThat(directory).as("the child JVM started a cluster").isNotNull();
      assertThat(processesOf(directory)).hasSizeGreaterThanOrEqualTo(5);

      child.toHandle().destroyForcibly();
      child.waitFor(10, TimeUnit.SECONDS);

      var deadline = Instant.now().plus(Duration.ofSeconds(20));
      while (!processesOf(directory).isEmpty() && Instant.now().isBefore(deadline)) {
        Thread.sleep(200);
      }
      assertThat(processesOf(directory))
          .as("control-plane processes left after SIGKILL of their JVM")
          .isEmpty();
      assertThat(Files.exists(directory))
          .as("the dead JVM's directory is still there until cleaned")
          .isTrue();
    } finally {
      child.destroyForcibly();
    }

    SimulatedControlPlane.cleanStale();
    assertThat(Files.exists(directory))
        .as("the next clean removes the dead JVM's directory")
        .isFalse();
  }

  private static List<ProcessHandle> processesOf(Path directory) {
    var marker = directory.toString();
    return ProcessHandle.allProcesses()
        .filter(
            process ->
                process
                    .info()
                    .arguments()
                    .map(args -> String.join(" ", args).contains(marker))
                    .orElse(false))
        .toList();
  }
}
