package io.cncfdemo.baremetal.internal;

import io.cncfdemo.baremetal.internal.ClusterLayout.Node;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The rules a host must meet before anything is installed, applied to its {@link HostFacts}: each
 * broken rule is one problem, in words, with what fixes it.
 */
public final class HostChecks {
  /**
   * The most a host's clock may differ from this machine's: certificates are valid from the moment
   * they are made.
   */
  public static final Duration MAX_CLOCK_SKEW = Duration.ofSeconds(30);

  public static final long MIN_FREE_KB = 2L * 1024 * 1024;

  /** The ports each role listens on, with the service that owns each. */
  public static final Map<String, String> MASTER_PORTS =
      Map.of(
          "2379",
          "etcd",
          "2380",
          "etcd",
          "6443",
          "kube-apiserver",
          "10257",
          "kube-controller-manager",
          "10259",
          "kube-scheduler");

  public static final Map<String, String> MINION_PORTS =
      Map.of("10248", "kubelet", "10250", "kubelet", "10249", "kube-proxy", "10256", "kube-proxy");

  /** Commands the bootstrap runs on every host, and on minions in addition. */
  public static final List<String> COMMANDS =
      List.of(
          "sh",
          "cat",
          "mkdir",
          "mv",
          "rm",
          "sha256sum",
          "ip",
          "mount",
          "umount",
          "openssl",
          "setsid",
          "sleep");

  public static final List<String> MINION_COMMANDS =
      List.of("iptables", "iptables-save", "iptables-restore", "sysctl");

  /** Commands a host needs to download the software itself. */
  public static final List<String> DOWNLOAD_COMMANDS = List.of("curl", "tar", "install");

  private static final Pattern NODE_NAME =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

  private HostChecks() {}

  /**
   * The problems of one host.
   *
   * @param node the host in its role
   * @param facts what the facts script found
   * @param cluster the cluster's name
   * @param architecture what the uploaded binaries are built for, or empty when the host downloads
   *     its own
   * @param skew how far the host's clock is ahead of this machine's (negative: behind)
   */
  public static List<String> problems(
      Node node,
      HostFacts facts,
      String cluster,
      java.util.Optional<String> architecture,
      Duration skew) {
    var problems = new ArrayList<String>();
    if (!facts.get("os").equals("Linux")) {
      problems.add("its operating system is " + facts.get("os") + "; Kubernetes nodes run Linux");
      return problems;
    }
    if (architecture.isPresent() && !facts.get("arch").equals(architecture.get())) {
      problems.add(
          "it is an "
              + facts.get("arch")
              + " machine and the binaries to upload are built for "
              + architecture.get());
    }
    if (architecture.isEmpty() && !List.of("x86_64", "aarch64").contains(facts.get("arch"))) {
      problems.add(
          "it is an "
              + facts.get("arch")
              + " machine, and releases are downloaded for x86_64 and aarch64 only");
    }
    var owner = facts.get("cluster");
    if (!owner.isEmpty() && !owner.equals(cluster)) {
      problems.add(
          "it already belongs to the cncfdemo cluster "
              + owner
              + "; destroy that one first or choose another host");
    }
    if (!facts.list("ports_in_use").isEmpty()) {
      problems.add(
          "port(s) "
              + String.join(", ", facts.list("ports_in_use"))
              + " are in use by another program"
              + " (ss -ltnp shows which)");
    }
    if (Math.abs(skew.toSeconds()) > MAX_CLOCK_SKEW.toSeconds()) {
      problems.add(
          "its clock is "
              + Math.abs(skew.toSeconds())
              + " s "
              + (skew.isNegative() ? "behind" : "ahead of")
              + " this machine's (at most "
              + MAX_CLOCK_SKEW.toSeconds()
              + " s may be): sync it, e.g. with chrony");
    }
    if (!facts.list("missing").isEmpty()) {
      problems.add(
          "these commands are missing: "
              + String.join(", ", facts.list("missing"))
              + " (Debian and Ubuntu:"
              + " apt-get install openssl iptables iproute2 procps)");
    }
    var free = facts.number("free_kb");
    if (free >= 0 && free < MIN_FREE_KB) {
      problems.add(
          "only "
              + free / 1024
              + " MiB are free under /var/lib; it needs at least "
              + MIN_FREE_KB / 1024 / 1024
              + " GiB");
    }
    for (var address : facts.list("addresses")) {
      var ip =
          address.substring(0, address.indexOf('/') < 0 ? address.length() : address.indexOf('/'));
      if (Cidr.contains(ClusterLayout.POD_CIDR, ip)
          || Cidr.contains(ClusterLayout.SERVICE_CIDR, ip)) {
        problems.add(
            "its address "
                + address
                + " lies in the cluster's pod range "
                + ClusterLayout.POD_CIDR
                + " or service range "
                + ClusterLayout.SERVICE_CIDR);
      }
    }
    if (!node.isMaster()) {
      minionProblems(facts, problems);
    }
    var name =
        node.host().hostname().orElse(facts.get("hostname").toLowerCase(java.util.Locale.ROOT));
    if (!NODE_NAME.matcher(name).matches() || name.length() > 253) {
      problems.add(
          "its host name "
              + facts.get("hostname")
              + " is no valid node name (a lowercase RFC 1123 subdomain):"
              + " set hostname: in the inventory");
    }
    return problems;
  }

  private static void minionProblems(HostFacts facts, List<String> problems) {
    if (facts.number("swaps") > 0) {
      problems.add(
          "swap is on ("
              + facts.number("swaps")
              + " area(s) in /proc/swaps) and the kubelet does not start"
              + " with swap: turn it off with swapoff -a and remove it from /etc/fstab");
    }
    if (facts.get("overlay").equals("no")) {
      problems.add(
          "the overlay file system is neither loaded nor loadable (modprobe overlay), and"
              + " containerd needs it");
    }
    if (facts.get("br_netfilter").equals("no")) {
      problems.add(
          "the br_netfilter module is neither loaded nor loadable (modprobe br_netfilter), and"
              + " kube-proxy needs it for pods on the same bridge");
    }
    if (!facts.is("memory_cgroup")) {
      problems.add(
          "the memory cgroup controller is off (enable it on the kernel command line:"
              + " cgroup_enable=memory), and the kubelet needs it");
    }
  }

  /** The node name of a host: the inventory's {@code hostname}, else the host's own, lowercase. */
  public static String nodeName(Node node, HostFacts facts) {
    return node.host().hostname().orElse(facts.get("hostname").toLowerCase(java.util.Locale.ROOT));
  }
}
