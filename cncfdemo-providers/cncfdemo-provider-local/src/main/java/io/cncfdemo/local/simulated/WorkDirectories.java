package io.cncfdemo.local.simulated;

import io.cncfdemo.exception.CncfDemoException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The working directories of simulated control planes: one per cluster under a root on tmpfs where
 * there is one ({@code /dev/shm}, fast for etcd), each with an {@code owner} file naming the JVM
 * that runs it. A directory whose JVM is gone (killed with SIGKILL, say) is stale: its processes
 * are ended and the directory removed before the next cluster starts.
 */
final class WorkDirectories {
  static final String OWNER_FILE = "owner";
  private static final Logger LOG = LoggerFactory.getLogger(WorkDirectories.class);

  private WorkDirectories() {}

  static Path root() {
    var override = System.getProperty("cncfdemo.local.workdir");
    if (override != null && !override.isBlank()) {
      return Path.of(override);
    }
    var shm = Path.of("/dev/shm");
    var base =
        Files.isDirectory(shm) && Files.isWritable(shm)
            ? shm
            : Path.of(System.getProperty("java.io.tmpdir"));
    return base.resolve("cncfdemo-local-" + System.getProperty("user.name", "user"));
  }

  /** A new, private (0700) directory for one cluster, owned by this JVM. */
  static Path create(String clusterName) {
    try {
      var root = Files.createDirectories(root());
      var directory =
          Files.createTempDirectory(
              root,
              clusterName + "-",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      var self = ProcessHandle.current();
      var started = self.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
      Files.writeString(directory.resolve(OWNER_FILE), self.pid() + " " + started + "\n");
      return directory;
    } catch (IOException e) {
      throw new CncfDemoException(
          "could not create a working directory under " + root() + ": " + e.getMessage(), e);
    }
  }

  /** Ends the processes of every stale directory and removes it; returns how many were cleaned. */
  static int cleanStale() {
    var root = root();
    if (!Files.isDirectory(root)) {
      return 0;
    }
    try (Stream<Path> directories = Files.list(root)) {
      var stale = directories.filter(Files::isDirectory).filter(WorkDirectories::isStale).toList();
      stale.forEach(WorkDirectories::clean);
      return stale.size();
    } catch (IOException e) {
      LOG.warn("could not look for stale control planes in {}: {}", root, e.getMessage());
      return 0;
    }
  }

  /** Removes a directory and everything in it. */
  static void delete(Path directory) {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      for (var path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      LOG.warn("could not remove {}: {}", directory, e.getMessage());
    }
  }

  private static boolean isStale(Path directory) {
    var owner = owner(directory);
    if (owner.isEmpty()) {
      return olderThanAMinute(directory);
    }
    var handle = ProcessHandle.of(owner.get()[0]);
    if (handle.isEmpty() || !handle.get().isAlive()) {
      return true;
    }
    long started = handle.get().info().startInstant().map(Instant::toEpochMilli).orElse(0L);
    return owner.get()[1] != 0 && started != 0 && Math.abs(started - owner.get()[1]) > 1000;
  }

  /**
   * A directory without an owner may be one another JVM has just made; only an old one is stale.
   */
  private static boolean olderThanAMinute(Path directory) {
    try {
      return Files.getLastModifiedTime(directory)
          .toInstant()
          .isBefore(Instant.now().minusSeconds(60));
    } catch (IOException e) {
      return false;
    }
  }

  private static Optional<long[]> owner(Path directory) {
    try {
      var parts = Files.readString(directory.resolve(OWNER_FILE)).trim().split(" ");
      return Optional.of(
          new long[] {Long.parseLong(parts[0]), parts.length > 1 ? Long.parseLong(parts[1]) : 0});
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static void clean(Path directory) {
    var marker = directory.toString();
    List<ProcessHandle> orphans =
        ProcessHandle.allProcesses()
            .filter(
                process ->
                    process
                        .info()
                        .arguments()
                        .map(args -> String.join(" ", args).contains(marker))
                        .orElse(false))
            .toList();
    orphans.forEach(ProcessHandle::destroy);
    orphans.forEach(
        process ->
            process
                .onExit()
                .completeOnTimeout(process, 5, java.util.concurrent.TimeUnit.SECONDS)
                .join());
    orphans.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    LOG.info(
        "cleaned a stale simulated control plane in {} ({} processes ended)",
        directory,
        orphans.size());
    delete(directory);
  }
}
