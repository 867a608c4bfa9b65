package io.cncfdemo.baremetal.internal;

import io.cncfdemo.baremetal.internal.ssh.Shell;
import io.cncfdemo.exception.CncfDemoException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Removes a cluster from its hosts, all at once, each host reporting what it removed: see {@code
 * teardown.sh}. Hosts that cannot be reached or belong to another cluster are reported and left as
 * they are, and then the whole teardown fails naming them, after the others are clean.
 */
public final class Teardown {
  private Teardown() {}

  /** Tears down every host; returns what was removed, by host. */
  public static Map<String, List<String>> run(Hosts hosts, Consumer<String> progress) {
    var layout = hosts.layout();
    var script =
        "SERVICE_SH="
            + Shell.quote(Scripts.text("service.sh"))
            + "\n"
            + Scripts.text("teardown.sh");
    var outcomes =
        hosts.each(
            layout.nodes(),
            node -> {
              var session = hosts.session(node);
              var result =
                  session.script(script, List.of(layout.spec().name()), Bootstrap.SERVICE_TIMEOUT);
              if (!result.ok()) {
                throw new CncfDemoException(result.output());
              }
              return result.stdout().strip().lines().toList();
            });
    var report = new LinkedHashMap<String, List<String>>();
    var failed = new ArrayList<String>();
    outcomes.forEach(
        (node, outcome) -> {
          var label = Preflight.label(node);
          if (outcome.failure() != null) {
            failed.add(label + ": " + outcome.failure().getMessage());
            progress.accept(
                "destroy on " + label + ": not done: " + outcome.failure().getMessage());
          } else {
            report.put(label, outcome.value());
            progress.accept(
                "destroy on "
                    + label
                    + ": "
                    + (outcome.value().isEmpty()
                        ? "nothing to remove"
                        : String.join("; ", outcome.value())));
          }
        });
    if (!failed.isEmpty()) {
      throw new CncfDemoException(
          "destroy left "
              + failed.size()
              + " of "
              + layout.nodes().size()
              + " host(s) as they"
              + " were (the others are clean):\n  "
              + String.join("\n  ", failed));
    }
    return report;
  }
}
