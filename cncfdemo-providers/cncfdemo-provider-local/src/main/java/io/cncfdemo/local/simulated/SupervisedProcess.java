package io.cncfdemo.local.simulated;

import io.cncfdemo.exception.CncfDemoException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One control-plane process, started under a small bash watchdog that ends it when this JVM ends
 * for any reason, SIGKILL included: the watchdog waits on {@code tail --pid=<jvm>} and on the
 * process, whichever ends first. Its output goes to a log file whose last lines are quoted when it
 * fails.
 */
final class SupervisedProcess {
  private static final Logger LOG = LoggerFactory.getLogger(SupervisedProcess.class);
  private static final Duration GRACE = Duration.ofSeconds(5);

  /**
   * $1 is the JVM's pid, the rest the command. TERM or INT to the watchdog is passed on to the
   * process; when the JVM goes, the process gets TERM, then KILL after a grace period.
   */
  private static final String WATCHDOG =
      String.join(
          "\n",
          "jvm=$1; shift",
          "\"$@\" & child=$!",
          "tail --pid=\"$jvm\" -f /dev/null & watch=$!",
          "trap 'kill -TERM $child 2>/dev/null; wait $child; kill $watch 2>/dev/null; exit 143'"
              + " TERM INT",
          "wait -n $child $watch",
          "if kill -0 $child 2>/dev/null; then",
          "  kill -TERM $child; for i in 1 2 3 4 5 6 7 8 9 10; do kill -0 $child 2>/dev/null ||"
              + " exit 0; sleep 0.5; done",
          "  kill -KILL $child 2>/dev/null; exit 137",
          "fi",
          "wait $child; code=$?; kill $watch 2>/dev/null; exit $code");

  private final String name;
  private final Process process;
  private final Path log;

  private SupervisedProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  /** Starts {@code command} with its output in {@code log}. */
  static SupervisedProcess start(String name, List<String> command, Path log) {
    var full =
        new ArrayList<String>(
            List.of(
                "bash",
                "-c",
                WATCHDOG,
                "cncfdemo-watchdog",
                Long.toString(ProcessHandle.current().pid())));
    full.addAll(command);
    try {
      Files.createDirectories(log.getParent());
      var process =
          new ProcessBuilder(full)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
              .start();
      LOG.debug("started {} (watchdog pid {}): {}", name, process.pid(), command);
      return new SupervisedProcess(name, process, log);
    } catch (IOException e) {
      throw new CncfDemoException(
          "could not start " + name + " (" + command.get(0) + "): " + e.getMessage(), e);
    }
  }

  String name() {
    return name;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** The pid of the supervised command itself (not the watchdog), when it runs. */
  long pid() {
    return process
        .toHandle()
        .children()
        .filter(child -> child.info().command().map(c -> !c.endsWith("/tail")).orElse(true))
        .findFirst()
        .map(ProcessHandle::pid)
        .orElse(process.pid());
  }

  /** Fails, quoting the end of the log, if the process has exited. */
  void checkAlive() {
    if (!process.isAlive()) {
      throw new CncfDemoException(
          name
              + " exited with code "
              + process.exitValue()
              + "; the end of its log ("
              + log
              + "):\n"
              + tail(30));
    }
  }

  /**
   * Stops the process: TERM through the watchdog, then KILL of whatever is left after the grace
   * period.
   */
  void stop() {
    stopAll(List.of(this));
  }

  /**
   * Stops several processes at once: TERM to each, in the order given, then waits for all of them
   * together, so that stopping takes the longest grace period rather than their sum.
   */
  static void stopAll(List<SupervisedProcess> stopping) {
    var descendants = new ArrayList<ProcessHandle>();
    var alive = stopping.stream().filter(SupervisedProcess::isAlive).toList();
    for (var supervised : alive) {
      descendants.addAll(supervised.process.toHandle().descendants().toList());
      supervised.process.destroy();
    }
    long deadline = System.nanoTime() + GRACE.toNanos();
    try {
      for (var supervised : alive) {
        long left = Math.max(0, deadline - System.nanoTime());
        if (!supervised.process.waitFor(left, TimeUnit.NANOSECONDS)) {
          LOG.warn("{} did not stop within {}s; killing it", supervised.name, GRACE.toSeconds());
          supervised.process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
          supervised.process.destroyForcibly().waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      alive.forEach(supervised -> supervised.process.destroyForcibly());
    }
    descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
  }

  /** The last lines of the log. */
  String tail(int lines) {
    try {
      var all = Files.readAllLines(log);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }
}
