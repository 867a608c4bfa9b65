package io.cncfdemo.baremetal.internal;

import io.cncfdemo.cluster.BareMetalTarget;
import io.cncfdemo.exception.CncfDemoException;
import io.cncfdemo.exception.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The files an air-gapped install uploads, found on this machine: each one in the target's {@code
 * binaries} directory first, then where this project puts them — Kubernetes and etcd in the cache
 * of {@code scripts/k8s-binaries.sh} ({@code -Dcncfdemo.k8s.bin}, {@code $CNCFDEMO_K8S_BIN}),
 * containerd and runc on the {@code PATH} (Debian's packages), the CNI plugins in {@code
 * /usr/lib/cni} (Debian's containernetworking-plugins) or {@code /opt/cni/bin}.
 *
 * @param files every file by the name it gets on the hosts, CNI plugins as {@code cni/<name>}
 * @param kubernetesVersion what {@code kubelet --version} says, e.g. {@code 1.35.4}
 * @param architecture the machine the binaries are for, as {@code uname -m} names it ({@code
 *     x86_64}, {@code aarch64})
 */
public record Binaries(Map<String, Path> files, String kubernetesVersion, String architecture) {
  public static final List<String> MASTER =
      List.of("etcd", "kube-apiserver", "kube-controller-manager", "kube-scheduler");
  public static final List<String> MINION =
      List.of("kubelet", "kube-proxy", "containerd", "containerd-shim-runc-v2", "ctr", "runc");
  public static final List<String> CNI = List.of("bridge", "host-local", "loopback", "portmap");
  static final String PROPERTY = "cncfdemo.k8s.bin";
  static final String ENVIRONMENT = "CNCFDEMO_K8S_BIN";

  /** The versions scripts/k8s-binaries.sh builds; keep in step with it. */
  static final String CACHE_VERSIONS = "1.35.4-kwok0.8.0-etcd3.6.16";

  private static final Pattern KUBE_VERSION = Pattern.compile("Kubernetes v(\\d+\\.\\d+\\.\\d+)");
  private static final List<String> CNI_DIRECTORIES = List.of("/usr/lib/cni", "/opt/cni/bin");

  /** Finds every file; fails naming each one missing and where it was looked for. */
  public static Binaries locate(BareMetalTarget target) {
    var files = new LinkedHashMap<String, Path>();
    var missing = new ArrayList<String>();
    var given = target.binaries();
    var cache = kubernetesCache();
    for (var name : MASTER) {
      find(name, name, candidates(given, List.of(cache)), files, missing);
    }
    for (var name : MINION) {
      var defaults = name.startsWith("kube") ? List.of(cache) : pathDirectories();
      find(name, name, candidates(given, defaults), files, missing);
    }
    var cniDefaults = CNI_DIRECTORIES.stream().map(Path::of).toList();
    for (var name : CNI) {
      find(
          "cni/" + name,
          name,
          candidates(given.map(dir -> dir.resolve("cni")), cniDefaults),
          files,
          missing);
    }
    if (!missing.isEmpty()) {
      throw new CncfDemoException(
          "the air-gapped install uploads binaries from this machine, and these are missing: "
              + String.join("; ", missing)
              + ". Build the Kubernetes binaries with scripts/k8s-binaries.sh, install containerd,"
              + " runc and containernetworking-plugins (Debian: apt-get install containerd runc"
              + " containernetworking-plugins), or put them all in one directory and pass it as"
              + " bareMetal(...).binaries(dir) (CNI plugins in dir/cni)");
    }
    var version = kubernetesVersion(files.get("kubelet"));
    return new Binaries(Map.copyOf(files), version, architecture(files.get("kubelet")));
  }

  /**
   * Fails unless the binaries are of the version the cluster asks for ({@code 1.N} or {@code
   * 1.N.P}).
   */
  public Binaries checkVersion(String wanted) {
    var minor = kubernetesVersion.substring(0, kubernetesVersion.lastIndexOf('.'));
    if (!wanted.equals(minor) && !wanted.equals(kubernetesVersion)) {
      throw new InvalidInputException(
          "kubernetesVersion",
          wanted,
          minor
              + " or "
              + kubernetesVersion
              + ", the version of the binaries uploaded from "
              + files.get("kubelet").getParent());
    }
    return this;
  }

  public Path file(String name) {
    return Optional.ofNullable(files.get(name))
        .orElseThrow(() -> new IllegalArgumentException("no binary " + name));
  }

  /** The files a host of this role gets, by their names on the host. */
  public List<String> forRole(boolean master) {
    if (master) {
      return MASTER;
    }
    var all = new ArrayList<>(MINION);
    CNI.forEach(name -> all.add("cni/" + name));
    return all;
  }

  private static void find(
      String key,
      String name,
      List<Path> directories,
      Map<String, Path> files,
      List<String> missing) {
    for (var directory : directories) {
      var file = directory.resolve(name);
      if (Files.isRegularFile(file) && Files.isExecutable(file)) {
        files.put(key, file);
        return;
      }
    }
    missing.add(
        key
            + " (looked in "
            + String.join(", ", directories.stream().map(Path::toString).distinct().toList())
            + ")");
  }

  private static List<Path> candidates(Optional<Path> given, List<Path> defaults) {
    var all = new ArrayList<Path>();
    given.ifPresent(all::add);
    all.addAll(defaults);
    return all;
  }

  /**
   * Where scripts/k8s-binaries.sh puts Kubernetes and etcd, or where the system property or
   * variable points.
   */
  static Path kubernetesCache() {
    return Optional.ofNullable(System.getProperty(PROPERTY))
        .or(() -> Optional.ofNullable(System.getenv(ENVIRONMENT)))
        .filter(value -> !value.isBlank())
        .map(Path::of)
        .orElseGet(
            () ->
                Optional.ofNullable(System.getenv("CNCFDEMO_K8S_CACHE"))
                    .filter(value -> !value.isBlank())
                    .map(Path::of)
                    .orElseGet(
                        () -> Path.of(System.getProperty("user.home"), ".cache", "cncfdemo", "k8s"))
                    .resolve(CACHE_VERSIONS)
                    .resolve("bin"));
  }

  private static List<Path> pathDirectories() {
    var directories = new ArrayList<Path>();
    for (var entry :
        Optional.ofNullable(System.getenv("PATH")).orElse("").split(java.io.File.pathSeparator)) {
      if (!entry.isBlank()) {
        directories.add(Path.of(entry));
      }
    }
    for (var fallback : List.of("/usr/local/bin", "/usr/bin", "/usr/sbin", "/sbin")) {
      if (!directories.contains(Path.of(fallback))) {
        directories.add(Path.of(fallback));
      }
    }
    return directories;
  }

  /** Runs {@code kubelet --version} here: the binary's own word on its version. */
  static String kubernetesVersion(Path kubelet) {
    try {
      var process =
          new ProcessBuilder(kubelet.toString(), "--version").redirectErrorStream(true).start();
      String output;
      try (InputStream in = process.getInputStream()) {
        output = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      }
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
      var matcher = KUBE_VERSION.matcher(output);
      if (!matcher.find()) {
        throw new CncfDemoException(
            kubelet + " --version printed no Kubernetes version: " + output.strip());
      }
      return matcher.group(1);
    } catch (IOException e) {
      throw new CncfDemoException("could not run " + kubelet + " --version: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CncfDemoException("interrupted while running " + kubelet + " --version", e);
    }
  }

  /**
   * The machine an ELF executable is for, read from its header, named as {@code uname -m} names it.
   */
  static String architecture(Path executable) {
    try (var in = Files.newInputStream(executable)) {
      var header = in.readNBytes(20);
      if (header.length < 20
          || header[0] != 0x7f
          || header[1] != 'E'
          || header[2] != 'L'
          || header[3] != 'F') {
        throw new CncfDemoException(executable + " is not an ELF executable (a Linux binary)");
      }
      int machine = (header[18] & 0xff) | ((header[19] & 0xff) << 8);
      return switch (machine) {
        case 0x3e -> "x86_64";
        case 0xb7 -> "aarch64";
        case 0xf3 -> "riscv64";
        case 0x15 -> "ppc64le";
        case 0x16 -> "s390x";
        default -> "ELF machine " + machine;
      };
    } catch (IOException e) {
      throw new CncfDemoException("could not read " + executable + ": " + e.getMessage(), e);
    }
  }
}
