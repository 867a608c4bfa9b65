package io.cncfdemo.baremetal;

import io.cncfdemo.exception.CncfDemoException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Hosts are not ready for a cluster: unreachable, a refused host key, no sudo, swap on, a port
 * taken... Thrown by {@code create()} after checking every host and before changing any, so its
 * message lists every host's problems at once.
 */
public final class PreflightException extends CncfDemoException {
  private static final long serialVersionUID = 1L;

  private final Map<String, List<String>> problems;

  /**
   * @param problems each host's problems, by host ({@code address (role)}), in the order of the
   *     hosts
   * @param hosts how many hosts were checked
   */
  public PreflightException(Map<String, List<String>> problems, int hosts) {
    super(message(problems, hosts));
    this.problems = new LinkedHashMap<>(problems);
  }

  /** Each host's problems, by host ({@code address (role)}). */
  public Map<String, List<String>> problems() {
    return Map.copyOf(problems);
  }

  private static String message(Map<String, List<String>> problems, int hosts) {
    return "preflight found problems on "
        + problems.size()
        + " of "
        + hosts
        + " host(s), and nothing was changed on"
        + " any:\n"
        + problems.entrySet().stream()
            .map(entry -> "  " + entry.getKey() + ": " + String.join("; ", entry.getValue()))
            .collect(Collectors.joining("\n"));
  }
}
