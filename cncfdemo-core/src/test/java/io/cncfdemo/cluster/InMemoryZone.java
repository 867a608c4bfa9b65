package io.cncfdemo.cluster;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A {@link PublicZone} in memory for the core's tests: record sets keyed by name and type, as every
 * cloud DNS keeps them, with the zone's own SOA and NS records that no demo may touch.
 */
public final class InMemoryZone implements PublicZone {
  private final String name;
  private final List<DnsRecord> records = new ArrayList<>();
  private int opened;

  public InMemoryZone(String name) {
    this.name = name;
    records.add(
        DnsRecord.of(
            name, "SOA", 900, "ns-1.example.net. admin." + name + ". 1 7200 900 1209600 86400"));
    records.add(DnsRecord.of(name, "NS", 172800, "ns-1.example.net."));
  }

  /** This zone as a cluster would open it: a handle whose close leaves the records. */
  public synchronized PublicZone open() {
    opened++;
    return this;
  }

  public synchronized int opened() {
    return opened;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public synchronized List<DnsRecord> records() {
    return records.stream()
        .sorted(Comparator.comparing(DnsRecord::name).thenComparing(DnsRecord::type))
        .toList();
  }

  @Override
  public synchronized void upsert(List<DnsRecord> changes) {
    for (var record : changes) {
      if (!contains(record.name())) {
        throw new IllegalArgumentException(record.name() + " is not in zone " + name);
      }
      boolean conflict =
          records.stream()
              .anyMatch(
                  found ->
                      found.name().equals(record.name())
                          && !found.type().equals(record.type())
                          && (found.type().equals(DnsRecord.CNAME)
                              || record.type().equals(DnsRecord.CNAME)));
      if (conflict) {
        throw new IllegalArgumentException("a CNAME must be alone at " + record.name());
      }
      records.removeIf(record::sameSet);
      records.add(record);
    }
  }

  @Override
  public synchronized void delete(List<DnsRecord> changes) {
    for (var record : changes) {
      records.removeIf(record::sameSet);
    }
  }

  @Override
  public void close() {}
}
