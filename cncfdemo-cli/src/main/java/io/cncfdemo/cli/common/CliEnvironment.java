package io.cncfdemo.cli.common;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What the CLI reads from its surroundings, in one place so tests can give their own: the
 * environment variables, the home directory, and where its own state lives ({@code $CNCFDEMO_HOME},
 * else {@code ~/.cncfdemo}).
 *
 * @param variables the environment variables
 * @param userHome the user's home directory
 */
public record CliEnvironment(Map<String, String> variables, Path userHome) {
  /** Overrides the directory of the CLI's state, {@code ~/.cncfdemo} by default. */
  public static final String HOME_VARIABLE = "CNCFDEMO_HOME";

  public CliEnvironment {
    variables = Map.copyOf(variables);
  }

  /** The environment of this process. */
  public static CliEnvironment ofSystem() {
    return new CliEnvironment(System.getenv(), Path.of(System.getProperty("user.home")));
  }

  /** The value of an environment variable, when it is set and not blank. */
  public Optional<String> variable(String name) {
    return Optional.ofNullable(variables.get(name)).filter(value -> !value.isBlank());
  }

  /** The directory of the CLI's state: {@code $CNCFDEMO_HOME}, else {@code ~/.cncfdemo}. */
  public Path stateHome() {
    return variable(HOME_VARIABLE).map(Path::of).orElse(userHome.resolve(".cncfdemo"));
  }

  /**
   * The kubeconfig kubectl would read: the first file of {@code $KUBECONFIG}, else {@code
   * ~/.kube/config}.
   */
  public Path defaultKubeconfig() {
    return variable("KUBECONFIG")
        .map(value -> Path.of(value.split(File.pathSeparator)[0]))
        .orElse(userHome.resolve(".kube").resolve("config"));
  }

  /** An executable of this name on {@code $PATH}. */
  public Optional<Path> executable(String name) {
    return variable("PATH").stream()
        .flatMap(path -> java.util.Arrays.stream(path.split(File.pathSeparator)))
        .filter(directory -> !directory.isEmpty())
        .map(directory -> Path.of(directory, name))
        .filter(file -> Files.isRegularFile(file) && Files.isExecutable(file))
        .findFirst();
  }
}
