package io.cncfdemo.cluster;

import java.util.List;

/**
 * A public DNS zone the user named for a cluster ({@code aws().publicZone("example.org")}), where
 * the demo's Ingress hosts are published as records pointing at the ingress controller's load
 * balancer once it is deployed, and removed again by its teardown. A provider implements it over
 * its cloud's DNS API (Route53, Azure DNS, Cloud DNS); it never creates or deletes the zone itself.
 * An instance holds a client: close it.
 */
public interface PublicZone extends AutoCloseable {

  /** The zone's name, without the final dot: {@code example.org}. */
  String name();

  /** Every record set of the zone, read now (all pages). */
  List<DnsRecord> records();

  /**
   * Creates each record set, or replaces the one of the same name and type; all in one change where
   * the API allows it.
   */
  void upsert(List<DnsRecord> records);

  /**
   * Deletes the record sets of these names and types, whatever values they hold now; harmless for
   * one that is not there.
   */
  void delete(List<DnsRecord> records);

  /** Whether {@code name} is the zone's own name or lies under it. */
  default boolean contains(String name) {
    var host = DnsRecord.canonical(name);
    return host.equals(name()) || host.endsWith("." + name());
  }

  /** Releases the client; the zone and its records stay. */
  @Override
  void close();
}
