package io.cncfdemo.azure.internal;

import io.cncfdemo.bootstrap.NodeRole;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the zone's A records current: {@code masters} is the load balancer's static frontend,
 * written once; {@code minions} lists the private addresses of the minions' VMs, rewritten by every
 * {@code create()} (first create, resume, a create with another number of minions). Azure allows at
 * most {@value #MAX_RECORDS} records in a private DNS record set: above that, {@code minions} lists
 * the first {@value #MAX_RECORDS} VMs by name and a warning says so (kubeadm does not use this
 * record; it is for the demo's tools).
 */
final class DnsRecords {
  static final int MAX_RECORDS = 20;
  private static final Logger LOG = LoggerFactory.getLogger(DnsRecords.class);

  private final PrivateDns dns;
  private final ClusterVms vms;

  DnsRecords(PrivateDns dns, ClusterVms vms) {
    this.dns = dns;
    this.vms = vms;
  }

  /** Writes both records; returns the minions' addresses written. */
  List<String> reconcile() {
    dns.writeA("masters", List.of(AzureNames.API_ADDRESS));
    var minions = vms.of(NodeRole.MINION).stream().map(ClusterVms.Vm::privateAddress).toList();
    if (minions.size() > MAX_RECORDS) {
      LOG.warn(
          "{} minions, but an Azure private DNS record set holds at most {} records: minions lists"
              + " the first {}",
          minions.size(),
          MAX_RECORDS,
          MAX_RECORDS);
      minions = minions.subList(0, MAX_RECORDS);
    }
    dns.writeA("minions", minions);
    return minions;
  }
}
