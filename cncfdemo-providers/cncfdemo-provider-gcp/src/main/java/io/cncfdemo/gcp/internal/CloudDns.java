package io.cncfdemo.gcp.internal;

import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.services.dns.model.Change;
import com.google.api.services.dns.model.ManagedZone;
import com.google.api.services.dns.model.ManagedZonePrivateVisibilityConfig;
import com.google.api.services.dns.model.ManagedZonePrivateVisibilityConfigNetwork;
import com.google.api.services.dns.model.ResourceRecordSet;
import io.cncfdemo.bootstrap.NodeRole;
import io.cncfdemo.exception.CncfDemoException;
import io.cncfdemo.support.Backoff;
import io.cncfdemo.support.Poll;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;

/**
 * The private Cloud DNS zone {@code <cluster>.k8s.} bound to the cluster's network, and its two A
 * records: {@code masters} (the load balancer's address, written once) and {@code minions} (the
 * minions' internal addresses, replaced when they differ from what the minions' group has).
 */
final class CloudDns {
  static final long TTL_SECONDS = 60;
  static final Duration CHANGE_POLL = Duration.ofSeconds(1);

  /**
   * Cloud DNS applies a change within seconds; a change still pending after this is reported, not
   * waited on forever.
   */
  static final Duration CHANGE_TIMEOUT = Duration.ofMinutes(5);

  private final GcpClients gcp;
  private final GcpNames names;

  CloudDns(GcpClients gcp, GcpNames names) {
    this.gcp = gcp;
    this.names = names;
  }

  void ensureZone() {
    if (zone().isPresent()) {
      return;
    }
    var zone =
        new ManagedZone()
            .setName(names.managedZone())
            .setDnsName(names.dnsName())
            .setDescription("cncfdemo cluster " + names.cluster())
            .setVisibility("private")
            .setLabels(new HashMap<>(NodeTemplates.labels(names, NodeRole.MASTER)))
            .setPrivateVisibilityConfig(
                new ManagedZonePrivateVisibilityConfig()
                    .setNetworks(
                        List.of(
                            new ManagedZonePrivateVisibilityConfigNetwork()
                                .setNetworkUrl(Links.networkUrl(gcp.project, names.network())))));
    try {
      gcp.dns.managedZones().create(gcp.project, zone).execute();
    } catch (GoogleJsonResponseException e) {
      if (e.getStatusCode() != 409) {
        throw refused("create the managed zone " + names.managedZone(), e);
      }
    } catch (IOException e) {
      throw refused("create the managed zone " + names.managedZone(), e);
    }
  }

  /**
   * Writes {@code masters} once, and {@code minions} when its addresses differ; returns the
   * minions' addresses.
   */
  List<String> reconcile(List<String> minionAddresses) {
    var additions = new ArrayList<ResourceRecordSet>();
    var deletions = new ArrayList<ResourceRecordSet>();
    if (record(names.mastersRecord()).isEmpty()) {
      additions.add(a(names.mastersRecord(), List.of(GcpNames.API_ADDRESS)));
    }
    var minions = record(names.minionsRecord());
    var wanted = minionAddresses.stream().sorted().toList();
    var current = minions.map(r -> r.getRrdatas().stream().sorted().toList()).orElse(List.of());
    if (!current.equals(wanted)) {
      minions.ifPresent(deletions::add);
      if (!wanted.isEmpty()) {
        additions.add(a(names.minionsRecord(), wanted));
      }
    }
    if (!additions.isEmpty() || !deletions.isEmpty()) {
      apply(new Change().setAdditions(additions).setDeletions(deletions));
    }
    return wanted;
  }

  Optional<ManagedZone> zone() {
    try {
      return Optional.of(gcp.dns.managedZones().get(gcp.project, names.managedZone()).execute());
    } catch (GoogleJsonResponseException e) {
      if (e.getStatusCode() == 404) {
        return Optional.empty();
      }
      throw refused("read the managed zone " + names.managedZone(), e);
    } catch (IOException e) {
      throw refused("read the managed zone " + names.managedZone(), e);
    }
  }

  /** Every record set of the zone but its own SOA and NS, which go with it (every page). */
  List<ResourceRecordSet> ownRecords() {
    var all = new ArrayList<ResourceRecordSet>();
    String page = null;
    try {
      do {
        var response =
            gcp.dns
                .resourceRecordSets()
                .list(gcp.project, names.managedZone())
                .setPageToken(page)
                .execute();
        if (response.getRrsets() != null) {
          response.getRrsets().stream()
              .filter(r -> !r.getType().equals("SOA") && !r.getType().equals("NS"))
              .forEach(all::add);
        }
        page = response.getNextPageToken();
      } while (page != null && !page.isEmpty());
    } catch (IOException e) {
      throw refused("list the records of " + names.managedZone(), e);
    }
    return all;
  }

  /** Deletes the zone after its records; the names of what it removed. */
  List<String> delete() {
    var removed = new ArrayList<String>();
    if (zone().isEmpty()) {
      return removed;
    }
    var records = ownRecords();
    if (!records.isEmpty()) {
      apply(new Change().setDeletions(records));
      records.forEach(r -> removed.add(GcpPlan.RECORD_SET + " " + r.getName()));
    }
    try {
      gcp.dns.managedZones().delete(gcp.project, names.managedZone()).execute();
      removed.add(GcpPlan.MANAGED_ZONE + " " + names.managedZone());
    } catch (GoogleJsonResponseException e) {
      if (e.getStatusCode() != 404) {
        throw refused("delete the managed zone " + names.managedZone(), e);
      }
    } catch (IOException e) {
      throw refused("delete the managed zone " + names.managedZone(), e);
    }
    return removed;
  }

  private Optional<ResourceRecordSet> record(String name) {
    try {
      var response =
          gcp.dns
              .resourceRecordSets()
              .list(gcp.project, names.managedZone())
              .setName(name + ".")
              .setType("A")
              .execute();
      return response.getRrsets() == null
          ? Optional.empty()
          : response.getRrsets().stream().findFirst();
    } catch (IOException e) {
      throw refused("read the record " + name, e);
    }
  }

  private void apply(Change change) {
    apply(gcp, names.managedZone(), change);
  }

  /** Makes the change in the managed zone and waits until Cloud DNS has applied it. */
  static void apply(GcpClients gcp, String managedZone, Change change) {
    try {
      var made = gcp.dns.changes().create(gcp.project, managedZone, change).execute();
      if ("pending".equals(made.getStatus())) {
        var id = made.getId();
        Poll.with(Backoff.fixed(CHANGE_POLL).deadline(CHANGE_TIMEOUT))
            .until(
                "change " + id + " of " + managedZone,
                () -> !"pending".equals(status(gcp, managedZone, id)));
      }
    } catch (IOException e) {
      throw refused("change the records of " + managedZone, e);
    }
  }

  private static String status(GcpClients gcp, String managedZone, String changeId) {
    try {
      return gcp.dns.changes().get(gcp.project, managedZone, changeId).execute().getStatus();
    } catch (IOException e) {
      throw refused("read change " + changeId + " of " + managedZone, e);
    }
  }

  private static ResourceRecordSet a(String name, List<String> addresses) {
    return new ResourceRecordSet()
        .setName(name + ".")
        .setType("A")
        .setTtl((int) TTL_SECONDS)
        .setRrdatas(addresses);
  }

  static CncfDemoException refused(String what, IOException e) {
    var reason =
        e instanceof GoogleJsonResponseException json && json.getDetails() != null
            ? json.getStatusCode() + " " + json.getDetails().getMessage()
            : e.getMessage();
    return new CncfDemoException("Cloud DNS could not " + what + ": " + reason, e);
  }
}
