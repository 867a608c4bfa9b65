package io.cncfdemo.cluster;

import io.cncfdemo.exception.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a demo marks the records it publishes in a {@link PublicZone}: next to each host, a TXT
 * record {@code _cncfdemo.<host>} whose value names the cluster and the demo ({@code
 * heritage=cncfdemo,cluster=<cluster>,demo=<namespace>/<demo>}). A deploy writes them, a teardown
 * deletes what its demo owns, and a provider's {@code destroy} deletes what any demo of the cluster
 * left, so that no name keeps pointing at a load balancer that is gone.
 */
public final class PublishedNames {
  /** The prefix of a host's owner record. */
  public static final String OWNER_PREFIX = "_cncfdemo.";

  /** The record types that point a host somewhere. */
  public static final Set<String> ADDRESS_TYPES =
      Set.of(DnsRecord.A, DnsRecord.AAAA, DnsRecord.CNAME);

  private static final Logger LOG = LoggerFactory.getLogger(PublishedNames.class);

  private PublishedNames() {}

  /** The value of the owner record of a demo's hosts on a cluster. */
  public static String owner(String cluster, String namespace, String demo) {
    return "heritage=cncfdemo,cluster=" + cluster + ",demo=" + namespace + "/" + demo;
  }

  /**
   * The records of {@code records} (a zone's) that an owner value accepted by {@code owners} marks:
   * the owner records and the address records of their hosts.
   */
  public static List<DnsRecord> ownedBy(List<DnsRecord> records, Predicate<String> owners) {
    var owned = new ArrayList<DnsRecord>();
    for (var record : records) {
      if (record.type().equals(DnsRecord.TXT)
          && record.name().startsWith(OWNER_PREFIX)
          && record.values().stream().anyMatch(owners)) {
        var host = record.name().substring(OWNER_PREFIX.length());
        records.stream()
            .filter(found -> found.name().equals(host) && ADDRESS_TYPES.contains(found.type()))
            .forEach(owned::add);
        owned.add(record);
      }
    }
    return owned;
  }

  /**
   * Deletes from the public zone of {@code spec}'s target what any demo published for that cluster,
   * for a provider's {@code destroy}; returns one line per record set, e.g. {@code record set
   * countly.cncfdemo.example.org CNAME in zone example.org}. A zone that is no longer there has
   * nothing to delete: it is logged, not an error.
   */
  public static List<String> deleteForCluster(ClusterProvider provider, ClusterSpec spec) {
    if (spec.target().publicZone().isEmpty()) {
      return List.of();
    }
    Optional<PublicZone> opened;
    try {
      opened = provider.openPublicZone(spec);
    } catch (InvalidInputException e) {
      LOG.warn("no names to delete: {}", e.getMessage());
      return List.of();
    }
    if (opened.isEmpty()) {
      return List.of();
    }
    try (var zone = opened.get()) {
      var prefix = "heritage=cncfdemo,cluster=" + spec.name() + ",";
      var owned = ownedBy(zone.records(), value -> value.startsWith(prefix));
      if (!owned.isEmpty()) {
        zone.delete(owned);
      }
      return owned.stream()
          .map(r -> "record set " + r.name() + " " + r.type() + " in zone " + zone.name())
          .toList();
    }
  }
}
