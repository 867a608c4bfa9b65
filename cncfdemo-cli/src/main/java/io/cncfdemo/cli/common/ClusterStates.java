package io.cncfdemo.cli.common;

import io.cncfdemo.Cluster;
import io.cncfdemo.Providers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The clusters the CLI bootstrapped, one directory each under {@code ~/.cncfdemo/clusters/}. */
public final class ClusterStates {
  private ClusterStates() {}

  public static Path root(CliEnvironment environment) {
    return environment.stateHome().resolve("clusters");
  }

  /** Every cluster directory, sorted by name. */
  public static List<ClusterState> all(CliEnvironment environment) {
    var root = root(environment);
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> directories = Files.list(root)) {
      return directories.filter(Files::isDirectory).sorted().map(ClusterState::new).toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  /** The directory of the cluster of this name (which may not exist yet). */
  public static ClusterState named(CliEnvironment environment, String name) {
    var valid = Cluster.on(Providers.local()).named(name).spec().name();
    return new ClusterState(root(environment).resolve(valid));
  }

  /** The cluster of this name, if the CLI bootstrapped it. */
  public static Optional<ClusterState> find(CliEnvironment environment, String name) {
    var state = named(environment, name);
    return Files.isDirectory(state.directory()) ? Optional.of(state) : Optional.empty();
  }

  /** The kubeconfig of the only bootstrapped cluster, when there is exactly one and it has one. */
  public static Optional<Path> defaultKubeconfig(CliEnvironment environment) {
    var all = all(environment);
    return all.size() == 1 && Files.isRegularFile(all.get(0).kubeconfig())
        ? Optional.of(all.get(0).kubeconfig())
        : Optional.empty();
  }
}
