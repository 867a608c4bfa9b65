package io.cncfdemo.examples.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resident memory of processes, from {@code /proc/<pid>/status} (Linux). */
final class ProcessMemory {
  private ProcessMemory() {}

  /** The summed VmRSS of the processes, in KiB; processes that are gone count 0. */
  static long residentKib(Iterable<Long> pids) {
    long total = 0;
    for (long pid : pids) {
      total += residentKib(pid);
    }
    return total;
  }

  /** VmRSS of one process in KiB, 0 when it is gone. */
  static long residentKib(long pid) {
    try {
      for (var line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException e) {
      return 0;
    }
    return 0;
  }

  /** This JVM's VmRSS in KiB. */
  static long jvmKib() {
    return residentKib(ProcessHandle.current().pid());
  }
}
