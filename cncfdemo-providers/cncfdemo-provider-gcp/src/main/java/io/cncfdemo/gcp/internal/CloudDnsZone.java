package io.cncfdemo.gcp.internal;

import com.google.api.services.dns.model.Change;
import com.google.api.services.dns.model.ResourceRecordSet;
import io.cncfdemo.cluster.DnsRecord;
import io.cncfdemo.cluster.PublicZone;
import io.cncfdemo.exception.CncfDemoException;
import io.cncfdemo.exception.InvalidInputException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A public Cloud DNS managed zone of the project ({@code gcp().publicZone("example.org")}), found
 * by its DNS name and never created. Record sets are read page by page and changed in one change
 * (deletions of the sets as they are, additions of the new ones), waited on until it is {@code
 * done}; names travel with their final dot, TXT values in quotes, as Cloud DNS wants them. Closing
 * it closes the project's clients it was opened with.
 */
public final class CloudDnsZone implements PublicZone {
  private final GcpClients gcp;
  private final String name;
  private final String managedZone;

  CloudDnsZone(GcpClients gcp, String name, String managedZone) {
    this.gcp = gcp;
    this.name = name;
    this.managedZone = managedZone;
  }

  /** The public zone of DNS name {@code zone}, owning {@code gcp}; or a failure naming it. */
  public static CloudDnsZone open(GcpClients gcp, String zone) {
    try {
      return new CloudDnsZone(gcp, zone, find(gcp, zone));
    } catch (RuntimeException e) {
      gcp.close();
      throw e;
    }
  }

  /** The name of the one public managed zone whose DNS name is {@code zone}. */
  public static String find(GcpClients gcp, String zone) {
    var found = new ArrayList<String>();
    String page = null;
    try {
      do {
        var response =
            gcp.dns
                .managedZones()
                .list(gcp.project)
                .setDnsName(zone + ".")
                .setPageToken(page)
                .execute();
        if (response.getManagedZones() != null) {
          response.getManagedZones().stream()
              .filter(z -> (zone + ".").equals(z.getDnsName()))
              .filter(z -> z.getVisibility() == null || z.getVisibility().equals("public"))
              .forEach(z -> found.add(z.getName()));
        }
        page = response.getNextPageToken();
      } while (page != null && !page.isEmpty());
    } catch (IOException e) {
      throw CloudDns.refused("list the managed zones of " + gcp.project, e);
    }
    if (found.isEmpty()) {
      throw new InvalidInputException(
          "publicZone",
          zone,
          "a public Cloud DNS managed zone of project "
              + gcp.project
              + ", looked up by its DNS name (cncfdemo never creates one): create it and delegate"
              + " the domain to its name servers");
    }
    if (found.size() > 1) {
      throw new CncfDemoException(
          "project "
              + gcp.project
              + " has "
              + found.size()
              + " public managed zones for "
              + zone
              + " ("
              + String.join(", ", found)
              + "): delete the ones the domain is not delegated to");
    }
    return found.get(0);
  }

  @Override
  public String name() {
    return name;
  }

  /** The managed zone's own name, e.g. {@code example-org}. */
  public String managedZone() {
    return managedZone;
  }

  @Override
  public List<DnsRecord> records() {
    return sets().stream().map(CloudDnsZone::record).toList();
  }

  @Override
  public void upsert(List<DnsRecord> records) {
    var existing = sets();
    var additions = records.stream().map(CloudDnsZone::set).toList();
    var deletions =
        existing.stream()
            .filter(set -> records.stream().anyMatch(record -> record.sameSet(record(set))))
            .toList();
    if (!same(additions, deletions)) {
      CloudDns.apply(
          gcp, managedZone, new Change().setAdditions(additions).setDeletions(deletions));
    }
  }

  @Override
  public void delete(List<DnsRecord> records) {
    var deletions =
        sets().stream()
            .filter(set -> records.stream().anyMatch(record -> record.sameSet(record(set))))
            .toList();
    if (!deletions.isEmpty()) {
      CloudDns.apply(gcp, managedZone, new Change().setDeletions(deletions));
    }
  }

  @Override
  public void close() {
    gcp.close();
  }

  private List<ResourceRecordSet> sets() {
    var all = new ArrayList<ResourceRecordSet>();
    String page = null;
    try {
      do {
        var response =
            gcp.dns
                .resourceRecordSets()
                .list(gcp.project, managedZone)
                .setPageToken(page)
                .execute();
        if (response.getRrsets() != null) {
          all.addAll(response.getRrsets());
        }
        page = response.getNextPageToken();
      } while (page != null && !page.isEmpty());
    } catch (IOException e) {
      throw CloudDns.refused("list the records of " + managedZone, e);
    }
    return all;
  }

  /** Whether the change would leave every set as it is (Cloud DNS refuses an empty change). */
  private static boolean same(
      List<ResourceRecordSet> additions, List<ResourceRecordSet> deletions) {
    return additions.size() == deletions.size()
        && additions.stream()
            .allMatch(
                added ->
                    deletions.stream()
                        .anyMatch(
                            gone ->
                                gone.getName().equals(added.getName())
                                    && gone.getType().equals(added.getType())
                                    && gone.getTtl().equals(added.getTtl())
                                    && gone.getRrdatas().equals(added.getRrdatas())));
  }

  static ResourceRecordSet set(DnsRecord record) {
    return new ResourceRecordSet()
        .setName(record.name() + ".")
        .setType(record.type())
        .setTtl((int) record.ttl())
        .setRrdatas(
            record.values().stream()
                .map(value -> record.type().equals(DnsRecord.TXT) ? DnsRecord.quoted(value) : value)
                .toList());
  }

  static DnsRecord record(ResourceRecordSet set) {
    var values =
        set.getRrdatas() == null
            ? List.<String>of()
            : set.getRrdatas().stream()
                .map(
                    value ->
                        set.getType().equals(DnsRecord.TXT) ? DnsRecord.unquoted(value) : value)
                .toList();
    return new DnsRecord(
        set.getName(), set.getType(), set.getTtl() == null ? 0 : set.getTtl(), values);
  }
}
