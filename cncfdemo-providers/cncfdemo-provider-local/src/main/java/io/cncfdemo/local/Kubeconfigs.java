package io.cncfdemo.local;

import io.cncfdemo.cluster.LocalTarget;
import io.cncfdemo.exception.InvalidInputException;
import io.cncfdemo.support.Yaml;
import io.fabric8.kubernetes.api.model.Config;
import io.fabric8.kubernetes.api.model.NamedContext;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Finds and reads the kubeconfig of an existing cluster the way kubectl does: the given file,
 * $KUBECONFIG, ~/.kube/config.
 */
final class Kubeconfigs {
  private Kubeconfigs() {}

  /**
   * The file to read: the target's, else the first entry of {@code $KUBECONFIG}, else {@code
   * ~/.kube/config}.
   */
  static Path fileOf(LocalTarget target) {
    return target
        .kubeconfig()
        .orElseGet(
            () -> {
              var fromEnvironment =
                  Optional.ofNullable(System.getenv("KUBECONFIG"))
                      .filter(value -> !value.isBlank())
                      .map(value -> value.split(File.pathSeparator)[0]);
              return fromEnvironment
                  .map(Path::of)
                  .orElseGet(() -> Path.of(System.getProperty("user.home"), ".kube", "config"));
            });
  }

  /** The parsed file; an error naming the file when it is missing or not a kubeconfig. */
  static Config read(Path file) {
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new InvalidInputException("kubeconfig", file.toString(), "a readable kubeconfig file");
    }
    try {
      var config = Yaml.serialization().unmarshal(Files.readString(file), Config.class);
      if (config == null || config.getContexts() == null || config.getContexts().isEmpty()) {
        throw new InvalidInputException(
            "kubeconfig", file.toString(), "a kubeconfig file with at least one context");
      }
      return config;
    } catch (IOException | RuntimeException e) {
      if (e instanceof InvalidInputException invalid) {
        throw invalid;
      }
      throw new InvalidInputException(
          "kubeconfig",
          file.toString(),
          "a kubeconfig file in YAML ("
              + e.getClass().getSimpleName()
              + ": "
              + e.getMessage()
              + ")");
    }
  }

  /**
   * The context to use: the target's, which must be in the file, else the file's current context.
   */
  static NamedContext contextOf(LocalTarget target, Path file, Config config) {
    var wanted = target.context().orElse(config.getCurrentContext());
    if (wanted == null || wanted.isBlank()) {
      throw new InvalidInputException(
          "context",
          null,
          "one of the contexts in "
              + file
              + " ("
              + names(config)
              + "), since the file has no current-context");
    }
    return config.getContexts().stream()
        .filter(context -> wanted.equals(context.getName()))
        .findFirst()
        .orElseThrow(
            () ->
                new InvalidInputException(
                    "context", wanted, "one of the contexts in " + file + ": " + names(config)));
  }

  /** The server URL of a context's cluster, or {@code "unknown"}. */
  static String serverOf(Config config, NamedContext context) {
    var clusterName = context.getContext() == null ? null : context.getContext().getCluster();
    return config.getClusters() == null
        ? "unknown"
        : config.getClusters().stream()
            .filter(
                cluster -> cluster.getName().equals(clusterName) && cluster.getCluster() != null)
            .map(cluster -> cluster.getCluster().getServer())
            .findFirst()
            .orElse("unknown");
  }

  private static String names(Config config) {
    return config.getContexts().stream()
        .map(NamedContext::getName)
        .collect(Collectors.joining(", "));
  }
}
