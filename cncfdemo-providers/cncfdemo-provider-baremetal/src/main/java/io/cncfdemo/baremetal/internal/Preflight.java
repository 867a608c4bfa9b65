package io.cncfdemo.baremetal.internal;

import io.cncfdemo.baremetal.internal.ClusterLayout.Node;
import io.cncfdemo.baremetal.internal.ssh.SshException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Checks every host before anything changes on any: reachable over SSH with an accepted host key,
 * root through sudo, Linux on the binaries' architecture, and the {@link HostChecks rules} of its
 * role. Either every host passes and their facts are returned, or one {@link PreflightException}
 * lists every host's problems.
 */
public final class Preflight {
  private Preflight() {}

  /**
   * @param architecture what the binaries to upload are built for, or empty when the hosts download
   *     their own
   */
  public static Findings run(Hosts hosts, java.util.Optional<String> architecture) {
    var layout = hosts.layout();
    var outcomes =
        hosts.each(layout.nodes(), node -> check(hosts, node, layout.spec().name(), architecture));
    var problems = new LinkedHashMap<String, List<String>>();
    var facts = new LinkedHashMap<Node, HostFacts>();
    outcomes.forEach(
        (node, outcome) -> {
          if (outcome.failure() != null) {
            problems.put(label(node), List.of(outcome.failure().getMessage()));
          } else if (!outcome.value().problems().isEmpty()) {
            problems.put(label(node), outcome.value().problems());
          } else {
            facts.put(node, outcome.value().facts());
          }
        });
    duplicateNames(outcomes, problems);
    return new Findings(facts, problems, layout.nodes().size());
  }

  /**
   * What preflight found: the facts of every host that passed, and each failing host's problems (by
   * its {@link #label}); the provider refuses to go on unless {@code problems} is empty.
   */
  public record Findings(
      Map<Node, HostFacts> facts, Map<String, List<String>> problems, int hostsChecked) {}

  /** A host as messages name it: {@code 10.0.0.12 (minion)}. */
  public static String label(Node node) {
    return node.address() + " (" + node.role().label() + ")";
  }

  private record Checked(HostFacts facts, List<String> problems) {}

  private static Checked check(
      Hosts hosts, Node node, String cluster, java.util.Optional<String> architecture) {
    var session = hosts.session(node);
    if (!session.target().isRoot()) {
      var sudo = session.exec("sudo -n true", Duration.ofSeconds(30));
      if (!sudo.ok()) {
        var user = session.target().user();
        return new Checked(
            null,
            List.of(
                "sudo: "
                    + user
                    + " may not run commands as root without a password (sudo -n"
                    + " true said: "
                    + sudo.output().lines().findFirst().orElse("exit " + sudo.exitCode())
                    + "); allow it,"
                    + " e.g. with echo '"
                    + user
                    + " ALL=(ALL) NOPASSWD:ALL' > /etc/sudoers.d/"
                    + user));
      }
    }
    var ports =
        (node.isMaster() ? HostChecks.MASTER_PORTS : HostChecks.MINION_PORTS)
            .entrySet().stream()
                .map(entry -> entry.getKey() + ":" + entry.getValue())
                .sorted()
                .collect(Collectors.joining(" "));
    var args = new ArrayList<>(List.of(cluster, ports));
    args.addAll(HostChecks.COMMANDS);
    if (!node.isMaster()) {
      args.addAll(HostChecks.MINION_COMMANDS);
    }
    if (architecture.isEmpty()) {
      args.addAll(HostChecks.DOWNLOAD_COMMANDS);
    }
    var before = Instant.now();
    var result = session.script(Scripts.text("facts.sh"), args, Duration.ofMinutes(1));
    var after = Instant.now();
    if (!result.ok()) {
      throw new SshException(
          session.target().describe() + ": the preflight checks failed: " + result.output());
    }
    var facts = HostFacts.parse(result.stdout());
    var midpoint = before.plus(Duration.between(before, after).dividedBy(2));
    var skew = Duration.ofSeconds(facts.number("now") - midpoint.getEpochSecond());
    return new Checked(facts, HostChecks.problems(node, facts, cluster, architecture, skew));
  }

  private static void duplicateNames(
      Map<Node, Hosts.Outcome<Checked>> outcomes, Map<String, List<String>> problems) {
    var byName = new HashMap<String, List<Node>>();
    outcomes.forEach(
        (node, outcome) -> {
          if (outcome.failure() == null && outcome.value().facts() != null) {
            byName
                .computeIfAbsent(
                    HostChecks.nodeName(node, outcome.value().facts()), key -> new ArrayList<>())
                .add(node);
          }
        });
    byName.forEach(
        (name, nodes) -> {
          if (nodes.size() > 1) {
            for (var node : nodes) {
              var others =
                  nodes.stream()
                      .filter(other -> other != node)
                      .map(Node::address)
                      .collect(Collectors.joining(", "));
              var list = new ArrayList<>(problems.getOrDefault(label(node), List.of()));
              list.add(
                  "its host name "
                      + name
                      + " is also that of "
                      + others
                      + ": node names must differ (set distinct"
                      + " host names, or hostname: in the inventory)");
              problems.put(label(node), list);
            }
          }
        });
  }
}
