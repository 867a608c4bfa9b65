package io.cncfdemo.gcp;

import com.google.gson.JsonObject;
import io.cncfdemo.gcp.fake.GcpFake;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The fake of project {@value #PROJECT} and providers pointed at it, without credentials, waiting
 * briefly.
 */
final class FakeGcp implements AutoCloseable {
  static final String PROJECT = "cncfdemo-test";
  final GcpFake fake;

  FakeGcp() throws Exception {
    fake = GcpFake.start(PROJECT);
  }

  /**
   * A provider pointed at the fake, that gives up waiting for the admin kubeconfig after a moment.
   */
  GcpClusterProvider.Builder provider(Path kubeconfigs) {
    return GcpClusterProvider.builder()
        .anonymous()
        .endpoint(fake.computeEndpoint())
        .dnsEndpoint(fake.dnsRootUrl())
        .identityEndpoint(fake.identityRootUrl())
        .kubeconfigDirectory(kubeconfigs)
        .kubeconfigTimeout(Duration.ofMillis(300))
        .pollInterval(Duration.ofMillis(50))
        .operationPoll(Duration.ofMillis(10));
  }

  /**
   * The names of every resource the fake holds, by collection ({@code global/networks}, ...), DNS
   * zone and {@code iam/serviceAccounts} (emails).
   */
  Map<String, List<String>> inventory() {
    var out = new TreeMap<String, List<String>>();
    fake.compute().resources().forEach((key, items) -> out.put(key, names(items)));
    var accounts = fake.iam().accounts();
    if (!accounts.isEmpty()) {
      out.put("iam/serviceAccounts", accounts);
    }
    var zones = fake.dns().zones();
    if (!zones.isEmpty()) {
      out.put("dns/managedZones", names(zones));
      for (var zone : zones) {
        var name = zone.get("name").getAsString();
        out.put(
            "dns/" + name + "/rrsets",
            fake.dns().records(name).stream()
                .map(r -> r.get("name").getAsString() + " " + r.get("type").getAsString())
                .toList());
      }
    }
    return out;
  }

  /** How many of each collection's resources there are. */
  Map<String, Integer> counts() {
    var out = new TreeMap<String, Integer>();
    inventory().forEach((key, names) -> out.put(key, names.size()));
    return out;
  }

  private static List<String> names(List<JsonObject> items) {
    return items.stream().map(i -> i.get("name").getAsString()).sorted().toList();
  }

  @Override
  public void close() {
    fake.close();
  }
}
