package io.cncfdemo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scripts/cncfdemo}'s start-up cache, on the shaded jar: the first command trains it (a
 * class-data archive on Java 17-24, an AOT cache on 25 and later), later ones start from it, the
 * output is the same with and without it and nothing extra reaches standard error; a rebuilt jar
 * gets a new cache in place of the old one.
 */
class StartupCacheIT {
  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
  private static final Path LAUNCHER = ROOT.resolve("scripts/cncfdemo");
  private static final Path JAR = ROOT.resolve("cncfdemo-cli/target/cncfdemo.jar");
  private static final String YAML =
      """
      apiVersion: v1
      data:
        a: b
      kind: ConfigMap
      metadata:
        creationTimestamp: null
        name: x
      """;
  private static final String[] CREATE = {
    "create", "configmap", "x", "--from-literal=a=b", "--dry-run=client", "-o", "yaml"
  };

  @TempDir Path cacheHome;

  record Run(int code, String out, String err) {}

  @Test
  void firstCommandTrainsTheCache_laterOnesStartFromIt_withTheSameOutput() throws Exception {
    var first = run(Map.of(), CREATE);
    assertThat(first).isEqualTo(new Run(0, YAML, ""));
    var caches = caches();
    // a class-data archive (.jsa) or, when the java the script finds is 25 or later, an AOT cache
    assertThat(caches)
        .singleElement()
        .satisfies(file -> assertThat(file.toString()).matches(".*\\.(jsa|aot)$"));

    assertThat(run(Map.of(), CREATE)).isEqualTo(new Run(0, YAML, ""));
    assertThat(run(Map.of("CNCFDEMO_STARTUP_CACHE", "off"), CREATE))
        .isEqualTo(new Run(0, YAML, ""));
    assertThat(caches()).isEqualTo(caches);
    var help = run(Map.of(), "--help");
    assertThat(help.code()).isZero();
    assertThat(help.out()).startsWith("Usage: cncfdemo [-hV] [COMMAND]").contains("  plan ");
    assertThat(help.err()).isEmpty();
  }

  @Test
  void onJava25_anAotCache() throws Exception {
    var java25 = java25();
    Assumptions.assumeTrue(java25.isPresent(), "no JDK 25 on this machine");

    var variables = Map.of("CNCFDEMO_JAVA", java25.get().toString());
    assertThat(run(variables, CREATE)).isEqualTo(new Run(0, YAML, ""));
    assertThat(caches())
        .singleElement()
        .satisfies(file -> assertThat(file.toString()).endsWith(".aot"));
    assertThat(run(variables, CREATE)).isEqualTo(new Run(0, YAML, ""));
  }

  @Test
  void aRebuiltJar_getsANewCache_inPlaceOfTheOld(@TempDir Path jars) throws Exception {
    var jar = Files.copy(JAR, jars.resolve("cncfdemo.jar"));
    var variables = Map.of("CNCFDEMO_JAR", jar.toString());
    assertThat(run(variables, CREATE).code()).isZero();
    var before = caches();

    Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60)));
    assertThat(run(variables, CREATE)).isEqualTo(new Run(0, YAML, ""));

    var after = caches();
    assertThat(after).hasSize(1).doesNotContainAnyElementsOf(before);
  }

  private List<Path> caches() throws IOException {
    var directory = cacheHome.resolve("cncfdemo/startup");
    try (Stream<Path> files = Files.list(directory)) {
      return files
          .filter(file -> file.toString().endsWith(".jsa") || file.toString().endsWith(".aot"))
          .sorted()
          .toList();
    }
  }

  /** A JDK 25 or later of /usr/lib/jvm, by its release file. */
  private static Optional<Path> java25() throws IOException {
    var jvms = Path.of("/usr/lib/jvm");
    if (!Files.isDirectory(jvms)) {
      return Optional.empty();
    }
    try (Stream<Path> homes = Files.list(jvms)) {
      for (var home : homes.sorted().toList()) {
        var release = home.resolve("release");
        if (Files.isRegularFile(release) && Files.isExecutable(home.resolve("bin/java"))) {
          var version =
              Files.readAllLines(release).stream()
                  .filter(line -> line.startsWith("JAVA_VERSION=\""))
                  .map(line -> line.replaceAll("JAVA_VERSION=\"([0-9]+).*", "$1"))
                  .findFirst();
          if (version.isPresent() && Integer.parseInt(version.get()) >= 25) {
            return Optional.of(home.resolve("bin/java"));
          }
        }
      }
    }
    return Optional.empty();
  }

  private Run run(Map<String, String> variables, String... args) throws Exception {
    var command = new ArrayList<String>();
    command.add(LAUNCHER.toString());
    command.addAll(List.of(args));
    var builder = new ProcessBuilder(command);
    var environment = new HashMap<String, String>();
    environment.put("XDG_CACHE_HOME", cacheHome.toString());
    environment.put("CNCFDEMO_HOME", cacheHome.resolve("state").toString());
    environment.putAll(variables);
    builder.environment().remove("CNCFDEMO_JAVA");
    builder.environment().remove("CNCFDEMO_JAVA_OPTS");
    builder.environment().putAll(environment);
    var process = builder.start();
    var err =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
    var out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("the command ends").isTrue();
    return new Run(process.exitValue(), out, err.get());
  }
}
