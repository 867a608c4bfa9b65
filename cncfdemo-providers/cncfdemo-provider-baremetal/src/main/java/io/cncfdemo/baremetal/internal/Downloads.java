package io.cncfdemo.baremetal.internal;

import io.cncfdemo.exception.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a host downloads when it fetches the software itself: each release file with the URL of its
 * published SHA-256 sum, and which files of it go where. From upstream (dl.k8s.io, GitHub releases)
 * or from a mirror that keeps each upstream file under its host and path, as kubespray's {@code
 * files_repo} does.
 */
public final class Downloads {
  /** The pinned releases of what Kubernetes needs around it. */
  public static final String ETCD_VERSION = "3.6.16";

  public static final String CONTAINERD_VERSION = "1.7.27";
  public static final String RUNC_VERSION = "1.2.6";
  public static final String CNI_PLUGINS_VERSION = "1.6.2";

  /** The patch release downloaded when the cluster names only a minor version. */
  static final Map<String, String> PATCH_OF_MINOR = Map.of("1.35", "1.35.4");

  /**
   * One file to fetch.
   *
   * @param url where it is
   * @param sums where its SHA-256 sum is published: a file of just the sum, or of {@code sum name}
   *     lines
   * @param files what to install: for an archive each member by its target path, for a plain file
   *     itself
   */
  public record Download(String url, String sums, Map<String, String> files) {
    /**
     * The line {@code download.sh} reads: {@code URL SUMS-URL MEMBER=TARGET...} ({@code .} for a
     * plain file).
     */
    public String line() {
      var out = new StringBuilder(url).append(' ').append(sums);
      files.forEach((member, target) -> out.append(' ').append(member).append('=').append(target));
      return out.toString();
    }
  }

  private Downloads() {}

  /** The full Kubernetes version to download for the cluster's {@code 1.N} or {@code 1.N.P}. */
  public static String kubernetesVersion(String wanted) {
    if (wanted.chars().filter(c -> c == '.').count() == 2) {
      return wanted;
    }
    return Optional.ofNullable(PATCH_OF_MINOR.get(wanted))
        .orElseThrow(
            () ->
                new InvalidInputException(
                    "kubernetesVersion",
                    wanted,
                    "1.N.P, the patch release the hosts download (such as 1.35.4)"));
  }

  /** What a host of this role and machine ({@code uname -m}) downloads. */
  public static List<Download> of(
      boolean master, String machine, String kubernetesVersion, Optional<String> mirror) {
    var arch =
        switch (machine) {
          case "x86_64" -> "amd64";
          case "aarch64" -> "arm64";
          default ->
              throw new InvalidInputException(
                  "arch", machine, "x86_64 or aarch64 to download binaries for");
        };
    var kube = "https://dl.k8s.io/release/v" + kubernetesVersion + "/bin/linux/" + arch + "/";
    var github = "https://github.com/";
    var downloads = new ArrayList<Download>();
    var names =
        master
            ? Binaries.MASTER.stream().filter(name -> name.startsWith("kube")).toList()
            : List.of("kubelet", "kube-proxy");
    for (var name : names) {
      downloads.add(
          new Download(kube + name, kube + name + ".sha256", Map.of(".", Layout.BIN + "/" + name)));
    }
    if (master) {
      var etcd = github + "etcd-io/etcd/releases/download/v" + ETCD_VERSION + "/";
      var directory = "etcd-v" + ETCD_VERSION + "-linux-" + arch;
      downloads.add(
          new Download(
              etcd + directory + ".tar.gz",
              etcd + "SHA256SUMS",
              Map.of(directory + "/etcd", Layout.BIN + "/etcd")));
    } else {
      var containerd =
          github
              + "containerd/containerd/releases/download/v"
              + CONTAINERD_VERSION
              + "/containerd-"
              + CONTAINERD_VERSION
              + "-linux-"
              + arch
              + ".tar.gz";
      var members = new LinkedHashMap<String, String>();
      for (var name : List.of("containerd", "containerd-shim-runc-v2", "ctr")) {
        members.put("bin/" + name, Layout.BIN + "/" + name);
      }
      downloads.add(new Download(containerd, containerd + ".sha256sum", members));
      var runc = github + "opencontainers/runc/releases/download/v" + RUNC_VERSION + "/";
      downloads.add(
          new Download(
              runc + "runc." + arch, runc + "runc.sha256sum", Map.of(".", Layout.BIN + "/runc")));
      var cni =
          github
              + "containernetworking/plugins/releases/download/v"
              + CNI_PLUGINS_VERSION
              + "/cni-plugins-linux-"
              + arch
              + "-v"
              + CNI_PLUGINS_VERSION
              + ".tgz";
      var plugins = new LinkedHashMap<String, String>();
      for (var name : Binaries.CNI) {
        plugins.put("./" + name, Layout.CNI_BIN + "/" + name);
      }
      downloads.add(new Download(cni, cni + ".sha256", plugins));
    }
    return mirror
        .map(
            base ->
                downloads.stream()
                    .map(
                        download ->
                            new Download(
                                mirrored(base, download.url()),
                                mirrored(base, download.sums()),
                                download.files()))
                    .toList())
        .orElse(List.copyOf(downloads));
  }

  private static String mirrored(String base, String url) {
    return base + "/" + url.substring("https://".length());
  }
}
