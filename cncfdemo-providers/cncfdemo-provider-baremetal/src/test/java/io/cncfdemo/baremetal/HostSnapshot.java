package io.cncfdemo.baremetal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a test host is like, looked at from outside (in its namespaces, not over SSH): its
 * processes, the files in its own directories, its mounts, iptables chains and rules, network
 * links, routes and the sysctls the bootstrap sets. Two snapshots of a host are equal when nothing
 * that matters changed between them.
 *
 * @param sections each kind of thing, as sorted lines
 */
public record HostSnapshot(List<String> sections) {
  /**
   * What SSH logins and these looks themselves leave behind, and the host's own init; not the
   * bootstrap's doing. A process that is exiting shows as {@code [name]} (its command line already
   * released: the host has its own PID namespace, so no kernel thread is listed), then as {@code
   * [name] <defunct>} until its parent reaps it: a session's sshd, the init's {@code sleep}.
   */
  private static final Pattern NOISE =
      Pattern.compile(
          "^(sleep 1|ps -eo args=|sh -c ps -eo args=|sshd: .*|\\[[^]]+\\]( <defunct>)?"
              + "|/usr/sbin/sshd .*|bash .*host-init\\.sh.*)$");

  public static HostSnapshot take(TestHosts hosts, String host) {
    var sections = new ArrayList<String>();
    var processes =
        hosts
            .exec(host, "ps -eo args=")
            .lines()
            .filter(line -> !NOISE.matcher(line).matches())
            .sorted()
            .toList();
    sections.add("processes:\n" + String.join("\n", processes));
    sections.add(
        "files:\n"
            + hosts.exec(
                host,
                "find /etc /opt /var /run /root /home /srv /tmp -xdev \\( -path /var/log/sshd.log"
                    + " -o -path /run/sudo -o -path /var/lib/sudo -o -path /run/sshd \\) -prune -o"
                    + " -printf '%p %y %m %s\\n"
                    + "' | sort"));
    sections.add(
        "etc contents:\n"
            + hosts.exec(host, "find /etc -xdev -type f -exec md5sum {} + | sort -k 2"));
    sections.add("mounts:\n" + hosts.exec(host, "awk '{ print $5 }' /proc/self/mountinfo | sort"));
    sections.add(
        "iptables:\n"
            + hosts.exec(
                host,
                "for t in filter nat mangle raw; do iptables-save -t $t"
                    + " | grep -v '^#' | sed 's/\\[[0-9]*:[0-9]*\\]//'; done"));
    sections.add(
        "links:\n"
            + hosts.exec(host, "ip -o link | awk -F': ' '{ print $2 }' | sed 's/@.*//' | sort"));
    sections.add("routes:\n" + hosts.exec(host, "ip route | sort"));
    sections.add(
        "sysctls:\n"
            + hosts.exec(
                host,
                "for f in /proc/sys/net/ipv4/ip_forward"
                    + " /proc/sys/net/bridge/bridge-nf-call-iptables"
                    + " /proc/sys/net/ipv4/conf/all/route_localnet; do echo ${f#/proc/sys/}=$(cat"
                    + " $f); done"));
    return new HostSnapshot(List.copyOf(sections));
  }

  /**
   * The lines only one of the snapshots has: {@code - line} only in this one, {@code + line} only
   * in the other.
   */
  public List<String> differences(HostSnapshot after) {
    var differences = new ArrayList<String>();
    for (int i = 0; i < sections.size(); i++) {
      var was = List.of(sections.get(i).split("\n"));
      var is = List.of(after.sections.get(i).split("\n"));
      was.stream()
          .filter(line -> !is.contains(line))
          .forEach(line -> differences.add(was.get(0) + " - " + line));
      is.stream()
          .filter(line -> !was.contains(line))
          .forEach(line -> differences.add(was.get(0) + " + " + line));
    }
    return differences;
  }
}
