package io.cncfdemo.local.simulated;

import io.cncfdemo.exception.CncfDemoException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where the simulated control plane's binaries are: {@code -Dcncfdemo.k8s.bin=DIR}, else {@code
 * $CNCFDEMO_K8S_BIN}, else the cache directory that {@code scripts/k8s-binaries.sh} builds into
 * ({@code ${CNCFDEMO_K8S_CACHE:-~/.cache/cncfdemo/k8s}/<versions>/bin}).
 *
 * @param directory the directory holding all of {@link #NAMES} (and {@link #METRICS_SERVER} when
 *     metrics are on)
 */
record KubernetesBinaries(Path directory) {
  static final String PROPERTY = "cncfdemo.k8s.bin";
  static final String ENVIRONMENT = "CNCFDEMO_K8S_BIN";

  /** The versions the project's script builds; keep in step with scripts/k8s-binaries.sh. */
  static final String KUBERNETES_VERSION = "1.35.4";

  static final String KWOK_VERSION = "0.8.0";
  static final String ETCD_VERSION = "3.6.16";
  static final String METRICS_SERVER_VERSION = "0.9.0";
  static final List<String> NAMES =
      List.of("etcd", "kube-apiserver", "kube-controller-manager", "kube-scheduler", "kwok");

  /** Needed only for the resource metrics API ({@code local().metrics(true)}, the default). */
  static final String METRICS_SERVER = "metrics-server";

  static final String BUILD_COMMAND = "scripts/k8s-binaries.sh";

  /**
   * The binaries, or an error naming where they were looked for and the command that builds them.
   */
  static KubernetesBinaries locate(boolean metrics) {
    var explicit =
        Optional.ofNullable(System.getProperty(PROPERTY))
            .map(value -> "-D" + PROPERTY + "=" + value)
            .or(
                () ->
                    Optional.ofNullable(System.getenv(ENVIRONMENT))
                        .map(value -> ENVIRONMENT + "=" + value));
    var directory =
        Optional.ofNullable(System.getProperty(PROPERTY))
            .or(() -> Optional.ofNullable(System.getenv(ENVIRONMENT)))
            .filter(value -> !value.isBlank())
            .map(Path::of)
            .orElseGet(KubernetesBinaries::cacheDirectory);
    var wanted = new java.util.ArrayList<>(NAMES);
    if (metrics) {
      wanted.add(METRICS_SERVER);
    }
    var missing =
        wanted.stream().filter(name -> !Files.isExecutable(directory.resolve(name))).toList();
    if (!missing.isEmpty()) {
      throw new CncfDemoException(
          "the simulated control plane needs "
              + String.join(", ", missing)
              + " in "
              + directory
              + explicit.map(source -> " (from " + source + ")").orElse("")
              + ", and they are not there. Build them once (about 10 minutes, cached afterwards)"
              + " with: "
              + BUILD_COMMAND
              + " — or point -D"
              + PROPERTY
              + " or $"
              + ENVIRONMENT
              + " at a directory that has them");
    }
    return new KubernetesBinaries(directory);
  }

  /** The directory the project's script builds these versions into. */
  static Path cacheDirectory() {
    var root =
        Optional.ofNullable(System.getenv("CNCFDEMO_K8S_CACHE"))
            .filter(value -> !value.isBlank())
            .map(Path::of)
            .orElseGet(() -> Path.of(System.getProperty("user.home"), ".cache", "cncfdemo", "k8s"));
    return root.resolve(KUBERNETES_VERSION + "-kwok" + KWOK_VERSION + "-etcd" + ETCD_VERSION)
        .resolve("bin");
  }

  Path binary(String name) {
    return directory.resolve(name);
  }
}
