package io.cncfdemo.baremetal.internal;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the read-only facts script ({@code facts.sh}) found on a host.
 *
 * @param values every {@code key=value} line it printed
 */
public record HostFacts(Map<String, String> values) {
  /** Parses the script's output. */
  public static HostFacts parse(String output) {
    var values = new LinkedHashMap<String, String>();
    for (var line : output.split("\n")) {
      int equals = line.indexOf('=');
      if (equals > 0) {
        values.put(line.substring(0, equals), line.substring(equals + 1).strip());
      }
    }
    return new HostFacts(Map.copyOf(values));
  }

  public String get(String key) {
    return values.getOrDefault(key, "");
  }

  public boolean is(String key) {
    return get(key).equals("yes");
  }

  /** A space-separated value as a list, empty when there is none. */
  public List<String> list(String key) {
    var value = get(key);
    return value.isBlank() ? List.of() : Arrays.asList(value.split("\\s+"));
  }

  public long number(String key) {
    try {
      return Long.parseLong(get(key));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** Whether the host runs systemd as its init, so services become systemd units. */
  public boolean systemd() {
    return is("systemd");
  }

  /**
   * Whether root lacks CAP_SYS_RESOURCE (in some containers and VMs): containerd must then not
   * lower oom scores.
   */
  public boolean restrictOomScoreAdj() {
    return get("cap_sys_resource").equals("no");
  }

  public boolean cgroupV1() {
    return get("cgroup").equals("v1");
  }
}
