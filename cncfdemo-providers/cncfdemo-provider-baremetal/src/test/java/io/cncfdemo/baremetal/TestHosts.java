package io.cncfdemo.baremetal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Real hosts on this machine for the integration tests, made by {@code hosts/testhosts.sh}: network
 * namespaces on bridges of the test range 10.233.0.0/16, each with its own mounts, host name, PIDs
 * and cgroups, and a real sshd that accepts a key made for the test run (for root, for {@code ops}
 * with sudo and for {@code nosudo} without). {@link #close()} removes them all, and so does the
 * next start after a run that was killed. One set of hosts exists at a time on the machine:
 * starting waits for a lock.
 */
public final class TestHosts implements AutoCloseable {
  private static final Path LOCK = Path.of("/run/lock/cncfdemo-testhosts.lock");
  private static final Path ROOT = Path.of("/tmp/cncfdemo-testhosts");

  private final Path scripts;
  private final Path keys;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final Map<String, String> addresses = new LinkedHashMap<>();
  private final Thread shutdownHook = new Thread(this::clean, "cncfdemo-testhosts-cleanup");

  private TestHosts() {
    requireRoot();
    try {
      scripts = Path.of(TestHosts.class.getResource("hosts/testhosts.sh").toURI()).getParent();
      Files.createDirectories(LOCK.getParent());
      lockChannel = FileChannel.open(LOCK, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      lock = lockChannel.lock();
      clean();
      keys = Files.createTempDirectory("cncfdemo-testhosts-keys");
      run(
          List.of(
              "ssh-keygen",
              "-q",
              "-t",
              "ed25519",
              "-N",
              "",
              "-C",
              "cncfdemo-test",
              "-f",
              keys.resolve("id_ed25519").toString()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /** No hosts yet: add bridges and hosts. */
  public static TestHosts create() {
    return new TestHosts();
  }

  /**
   * A bridge, with an address of this machine on it (the hosts on it are then reachable from here)
   * or without.
   */
  public TestHosts bridge(String name, String address) {
    var command =
        new ArrayList<>(List.of(scripts.resolve("testhosts.sh").toString(), "bridge", name));
    if (address != null) {
      command.add(address);
    }
    run(command);
    return this;
  }

  /**
   * A host with an interface on each of these bridges: {@code "br0=10.233.0.11/24"}; its address is
   * the first one.
   */
  public TestHosts host(String name, String... interfaces) {
    return host(name, Map.of(), interfaces);
  }

  /** A host that shows this text as its /proc/swaps, e.g. to be a host with swap on. */
  public TestHosts hostWithSwap(String name, String swaps, String... interfaces) {
    return host(name, Map.of("SWAP", swaps), interfaces);
  }

  private TestHosts host(String name, Map<String, String> environment, String... interfaces) {
    var command =
        new ArrayList<>(List.of(scripts.resolve("testhosts.sh").toString(), "host", name));
    command.addAll(List.of(interfaces));
    var env = new LinkedHashMap<>(environment);
    env.put("AUTHORIZED_KEY", publicKey().toString());
    run(command, env);
    var first = interfaces[0];
    addresses.put(name, first.substring(first.indexOf('=') + 1, first.indexOf('/')));
    return this;
  }

  /** Kills every process of a host: it is then unreachable, as a host that is down. */
  public void stop(String name) {
    run(List.of(scripts.resolve("testhosts.sh").toString(), "stop", name));
  }

  public String address(String name) {
    return addresses.get(name);
  }

  /** The private key every host accepts, for root, ops and nosudo. */
  public Path key() {
    return keys.resolve("id_ed25519");
  }

  public Path publicKey() {
    return keys.resolve("id_ed25519.pub");
  }

  /** The host key's fingerprint as {@code ssh-keygen -l} prints it. */
  public String fingerprint(String name) {
    var line = run(List.of("ssh-keygen", "-lf", hostKey(name).toString()));
    return line.split(" ")[1];
  }

  /** A known_hosts file with these hosts' keys, by address. */
  public Path knownHosts(String... names) {
    try {
      var text = new StringBuilder();
      for (var name : names) {
        var key = Files.readString(hostKey(name)).trim().split(" ");
        text.append(address(name))
            .append(' ')
            .append(key[0])
            .append(' ')
            .append(key[1])
            .append('\n');
      }
      return Files.writeString(keys.resolve("known_hosts-" + String.join("-", names)), text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Runs a command on a host as root, not over SSH: in the host's namespaces, as a look from
   * outside.
   */
  public String exec(String name, String command) {
    var pid = initPid(name);
    return run(
        List.of(
            "nsenter", "-t", pid, "-m", "-u", "-i", "-n", "-p", "-C", "--", "sh", "-c", command));
  }

  /** The host's directory on this machine, holding its /etc, /var, /opt, /run, ... */
  public Path directory(String name) {
    return ROOT.resolve(name);
  }

  private Path hostKey(String name) {
    return directory(name).resolve("etc/ssh/ssh_host_ed25519_key.pub");
  }

  private String initPid(String name) {
    for (var pid : run(List.of("ip", "netns", "pids", "cdbm-" + name)).split("\\s+")) {
      try {
        var status = Files.readAllLines(Path.of("/proc", pid, "status"));
        var nspid =
            status.stream().filter(line -> line.startsWith("NSpid:")).findFirst().orElse("");
        if (nspid.trim().endsWith("\t1") || nspid.trim().endsWith(" 1")) {
          return pid;
        }
      } catch (IOException e) {
        // gone meanwhile
      }
    }
    throw new IllegalStateException("host " + name + " has no init process");
  }

  private void clean() {
    run(List.of(scripts.resolve("testhosts.sh").toString(), "clean"));
  }

  private static String run(List<String> command) {
    return run(command, Map.of());
  }

  private static String run(List<String> command, Map<String, String> environment) {
    try {
      var builder = new ProcessBuilder(command).redirectErrorStream(true);
      builder.environment().putAll(environment);
      var process = builder.start();
      var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(2, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IllegalStateException(String.join(" ", command) + " did not finish");
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException(
            String.join(" ", command) + " failed (" + process.exitValue() + "): " + output);
      }
      return output;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void requireRoot() {
    var uid = run(List.of("id", "-u")).trim();
    if (!uid.equals("0")) {
      throw new IllegalStateException(
          "the bare-metal integration tests make network namespaces and run sshd: they"
              + " need root (CI runs them as root); run the unit tier with -DskipITs");
    }
  }

  /**
   * Removes every host; with {@code -Dcncfdemo.it.keep=SECONDS} first waits that long, for a look
   * at them.
   */
  @Override
  public void close() {
    var keep = Integer.getInteger("cncfdemo.it.keep", 0);
    if (keep > 0) {
      System.err.println("keeping the test hosts for " + keep + "s; their key is " + key());
      try {
        Thread.sleep(keep * 1000L);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    try {
      clean();
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } finally {
      try {
        lock.release();
        lockChannel.close();
        run(List.of("rm", "-rf", keys.toString()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
