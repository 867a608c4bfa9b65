package io.cncfdemo.cli.common;

import io.cncfdemo.exception.CncfDemoException;
import io.cncfdemo.support.PrivateFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What the CLI keeps about one bootstrapped cluster, in {@code ~/.cncfdemo/clusters/<name>/}:
 * {@code provider}, {@code kubeconfig} (mode 0600), and for a simulated local cluster the {@code
 * pid} of the process that holds it, its {@code log}, and {@code ready} or {@code failed} once it
 * has started or given up.
 */
public final class ClusterState {
  static final String PROVIDER = "provider";
  static final String KUBECONFIG = "kubeconfig";
  static final String PID = "pid";
  static final String LOG = "log";
  static final String READY = "ready";
  static final String FAILED = "failed";

  private final Path directory;

  ClusterState(Path directory) {
    this.directory = directory;
  }

  public String name() {
    return directory.getFileName().toString();
  }

  public Path directory() {
    return directory;
  }

  public Path kubeconfig() {
    return directory.resolve(KUBECONFIG);
  }

  public Path log() {
    return directory.resolve(LOG);
  }

  Path readyFile() {
    return directory.resolve(READY);
  }

  Path failedFile() {
    return directory.resolve(FAILED);
  }

  /** The provider the cluster was bootstrapped with, e.g. {@code local}. */
  public String provider() {
    return read(PROVIDER).map(String::strip).orElse("unknown");
  }

  /** What the holder wrote when the cluster was ready (JSON), if it is. */
  public Optional<String> ready() {
    return read(READY);
  }

  /** Why the holder gave up, if it did. */
  public Optional<String> failure() {
    return read(FAILED).map(String::strip);
  }

  /**
   * The running process that holds a simulated cluster, if there is one and it is the one that
   * wrote its pid.
   */
  public Optional<ProcessHandle> holder() {
    return read(PID)
        .flatMap(
            text -> {
              var parts = text.strip().split(" ");
              var handle = ProcessHandle.of(Long.parseLong(parts[0]));
              long started = parts.length > 1 ? Long.parseLong(parts[1]) : 0;
              return handle
                  .filter(ProcessHandle::isAlive)
                  .filter(
                      process ->
                          started == 0
                              || process.info().startInstant().map(Instant::toEpochMilli).orElse(0L)
                                  == started);
            });
  }

  /** Records the provider the cluster is bootstrapped with. */
  public void writeProvider(String provider) {
    write(PROVIDER, provider + "\n");
  }

  /** Records this process as the holder of the cluster. */
  public void writeHolder(ProcessHandle process) {
    long started = process.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
    write(PID, process.pid() + " " + started + "\n");
  }

  /** Copies a kubeconfig here, readable by its owner only. */
  public void writeKubeconfig(Path source) {
    try {
      PrivateFiles.write(kubeconfig(), Files.readString(source));
    } catch (IOException e) {
      throw new CncfDemoException(
          "could not copy the kubeconfig " + source + ": " + e.getMessage(), e);
    }
  }

  /** Records that the cluster is ready, with what the holder reports about it (JSON). */
  public void writeReady(String json) {
    write(READY, json);
  }

  /** Records why the holder gave up. */
  public void writeFailed(String message) {
    write(FAILED, message + "\n");
  }

  /** Removes the directory and everything in it. */
  public void delete() {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      for (var path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new CncfDemoException("could not remove " + directory + ": " + e.getMessage(), e);
    }
  }

  private Optional<String> read(String file) {
    var path = directory.resolve(file);
    try {
      return Files.isRegularFile(path) ? Optional.of(Files.readString(path)) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * Writes whole files atomically (a temporary file moved in place), so a reader never sees half of
   * one.
   */
  private void write(String file, String text) {
    try {
      Files.createDirectories(directory);
      var temporary = Files.createTempFile(directory, "." + file, ".tmp");
      Files.writeString(temporary, text, StandardCharsets.UTF_8);
      Files.move(
          temporary,
          directory.resolve(file),
          StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new CncfDemoException(
          "could not write " + directory.resolve(file) + ": " + e.getMessage(), e);
    }
  }
}
