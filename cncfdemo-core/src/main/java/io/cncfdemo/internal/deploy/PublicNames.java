package io.cncfdemo.internal.deploy;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import io.cncfdemo.cluster.DnsRecord;
import io.cncfdemo.cluster.PublicZone;
import io.cncfdemo.cluster.PublishedNames;
import io.cncfdemo.cluster.RunningCluster;
import io.cncfdemo.demo.CompiledDemo;
import io.cncfdemo.deploy.DeployOptions;
import io.cncfdemo.exception.CncfDemoException;
import io.cncfdemo.exception.InvalidInputException;
import io.cncfdemo.support.Backoff;
import io.cncfdemo.support.KubernetesClients;
import io.cncfdemo.support.Poll;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressLoadBalancerIngress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's Ingress hosts as records of the cluster's {@link PublicZone}: after a deploy, each
 * host points at the address its Ingress reports (the ingress controller's load balancer: a host
 * name becomes a CNAME, IP addresses become A or AAAA records), next to the owner record of {@link
 * PublishedNames} naming the cluster and demo; a teardown deletes the records this demo owns and
 * nothing else. A host that already has a record the demo does not own stops the publish, naming
 * it. Without a zone nothing is published: hosts under {@code localhost} resolve to the loopback
 * address by themselves (RFC 6761), others are the user's to publish.
 */
public final class PublicNames {
  /** The TTL of the published records, in seconds. */
  static final long TTL = 60;

  private static final String OWNER_PREFIX = PublishedNames.OWNER_PREFIX;
  private static final Set<String> ADDRESS_TYPES = PublishedNames.ADDRESS_TYPES;
  private static final Logger LOG = LoggerFactory.getLogger(PublicNames.class);

  private final RunningCluster cluster;
  private final CompiledDemo compiled;
  private final String owner;
  private final Map<String, List<String>> hostsByIngress;

  private PublicNames(RunningCluster cluster, String demoName, CompiledDemo compiled) {
    this.cluster = cluster;
    this.compiled = compiled;
    this.owner = PublishedNames.owner(cluster.spec().name(), compiled.namespace(), demoName);
    this.hostsByIngress = hosts(compiled);
  }

  /** The names of this demo on this cluster, for a teardown. */
  public static PublicNames of(RunningCluster cluster, String demoName, CompiledDemo compiled) {
    return new PublicNames(cluster, demoName, compiled);
  }

  /**
   * The names of this demo on this cluster, for a deploy: fails before anything is applied when the
   * cluster's target names a public zone and a host does not lie under it.
   */
  public static PublicNames checked(
      RunningCluster cluster, String demoName, CompiledDemo compiled) {
    var names = new PublicNames(cluster, demoName, compiled);
    cluster
        .spec()
        .target()
        .publicZone()
        .ifPresent(
            zone -> {
              for (var host : names.hosts()) {
                if (!host.endsWith("." + zone)) {
                  throw new InvalidInputException(
                      "domain",
                      host.substring(host.indexOf('.') + 1),
                      "a domain under the public zone "
                          + zone
                          + " of "
                          + cluster.spec().target().describe()
                          + ", e.g. Demo...domain(\"cncfdemo."
                          + zone
                          + "\")");
                }
              }
            });
    return names;
  }

  /** Every host of the demo's Ingresses, in order. */
  public List<String> hosts() {
    return hostsByIngress.values().stream().flatMap(List::stream).distinct().toList();
  }

  /**
   * Waits (up to the options' stage timeout) until each Ingress with hosts reports an address, then
   * points its hosts at it; returns the records published, none when the cluster has no zone.
   */
  @CanIgnoreReturnValue
  public List<DnsRecord> publish(DeployOptions options) {
    if (hostsByIngress.isEmpty()) {
      return List.of();
    }
    var opened = cluster.openPublicZone();
    if (opened.isEmpty()) {
      LOG.info(
          "no public zone for {}: {} not published", cluster.spec().target().describe(), hosts());
      return List.of();
    }
    try (PublicZone zone = opened.get()) {
      var existing = zone.records();
      for (var host : hosts()) {
        claim(zone, existing, host);
      }
      var wanted = new ArrayList<DnsRecord>();
      for (var entry : hostsByIngress.entrySet()) {
        var address = awaitAddress(entry.getKey(), options.stageTimeout());
        for (var host : entry.getValue()) {
          wanted.add(DnsRecord.of(OWNER_PREFIX + host, DnsRecord.TXT, TTL, owner));
          wanted.add(pointing(host, address));
        }
      }
      var stale =
          existing.stream()
              .filter(found -> ADDRESS_TYPES.contains(found.type()))
              .filter(
                  found ->
                      wanted.stream()
                          .anyMatch(
                              record ->
                                  record.name().equals(found.name())
                                      && !record.type().equals(found.type())))
              .toList();
      if (!stale.isEmpty()) {
        zone.delete(stale);
      }
      zone.upsert(wanted);
      LOG.info("published in zone {}: {}", zone.name(), wanted);
      return List.copyOf(wanted);
    }
  }

  /** Deletes the records this demo published; returns them, none when the cluster has no zone. */
  @CanIgnoreReturnValue
  public List<DnsRecord> unpublish() {
    if (hostsByIngress.isEmpty()) {
      return List.of();
    }
    var opened = cluster.openPublicZone();
    if (opened.isEmpty()) {
      return List.of();
    }
    try (PublicZone zone = opened.get()) {
      var existing = zone.records();
      var hosts = hosts();
      var gone =
          PublishedNames.ownedBy(existing, owner::equals).stream()
              .filter(
                  record ->
                      hosts.contains(record.name())
                          || hosts.stream()
                              .anyMatch(host -> record.name().equals(OWNER_PREFIX + host)))
              .toList();
      for (var host : hosts) {
        if (gone.stream().noneMatch(record -> record.name().equals(OWNER_PREFIX + host))
            && existing.stream().anyMatch(found -> found.name().equals(host))) {
          LOG.info("kept {} in zone {}: this demo did not publish it", host, zone.name());
        }
      }
      if (!gone.isEmpty()) {
        zone.delete(gone);
        LOG.info("deleted from zone {}: {}", zone.name(), gone);
      }
      return List.copyOf(gone);
    }
  }

  /** Fails when {@code host} has records this demo does not own. */
  private void claim(PublicZone zone, List<DnsRecord> existing, String host) {
    var owners =
        existing.stream()
            .filter(found -> found.name().equals(OWNER_PREFIX + host))
            .filter(found -> found.type().equals(DnsRecord.TXT))
            .flatMap(found -> found.values().stream())
            .toList();
    if (!owners.isEmpty() && !owners.contains(owner)) {
      throw new CncfDemoException(
          host
              + " in zone "
              + zone.name()
              + " belongs to another demo ("
              + String.join("; ", owners)
              + "): tear that one down first or choose another domain");
    }
    if (owners.isEmpty()) {
      existing.stream()
          .filter(found -> found.name().equals(host))
          .findFirst()
          .ifPresent(
              found -> {
                throw new CncfDemoException(
                    host
                        + " in zone "
                        + zone.name()
                        + " already has a "
                        + found.type()
                        + " record ("
                        + String.join(" ", found.values())
                        + ") that cncfdemo did not publish: delete it or choose another domain");
              });
    }
  }

  /** The record that points {@code host} at the load balancer: a CNAME, or A/AAAA records. */
  static DnsRecord pointing(String host, List<IngressLoadBalancerIngress> address) {
    var ips =
        address.stream()
            .map(IngressLoadBalancerIngress::getIp)
            .filter(ip -> ip != null && !ip.isBlank())
            .toList();
    if (!ips.isEmpty()) {
      var v4 = ips.stream().filter(ip -> !ip.contains(":")).toList();
      return v4.isEmpty()
          ? new DnsRecord(host, DnsRecord.AAAA, TTL, ips)
          : new DnsRecord(host, DnsRecord.A, TTL, v4);
    }
    var name =
        address.stream()
            .map(IngressLoadBalancerIngress::getHostname)
            .filter(Objects::nonNull)
            .findFirst()
            .orElseThrow();
    return DnsRecord.of(host, DnsRecord.CNAME, TTL, DnsRecord.canonical(name));
  }

  private List<IngressLoadBalancerIngress> awaitAddress(String ingress, Duration timeout) {
    var namespace = compiled.namespace();
    return Poll.with(
            Backoff.exponential(Duration.ofMillis(500), Duration.ofSeconds(10)).deadline(timeout))
        .ignoring(KubernetesClients::isTransient)
        .untilDone(
            "the load balancer address of Ingress " + namespace + "/" + ingress,
            () -> {
              var found =
                  cluster
                      .client()
                      .network()
                      .v1()
                      .ingresses()
                      .inNamespace(namespace)
                      .withName(ingress)
                      .get();
              if (found == null) {
                return Poll.notYet("the Ingress is not there");
              }
              var status = found.getStatus();
              var address =
                  status == null || status.getLoadBalancer() == null
                      ? List.<IngressLoadBalancerIngress>of()
                      : status.getLoadBalancer().getIngress().stream()
                          .filter(a -> a.getIp() != null || a.getHostname() != null)
                          .toList();
              return address.isEmpty()
                  ? Poll.notYet(
                      "no address in its status yet: the ingress controller publishes its"
                          + " LoadBalancer Service's address once the cloud has provisioned it")
                  : Poll.done(address);
            });
  }

  private static Map<String, List<String>> hosts(CompiledDemo compiled) {
    var hosts = new LinkedHashMap<String, List<String>>();
    for (var object : compiled.objects()) {
      if (object instanceof Ingress ingress && ingress.getSpec() != null) {
        var names =
            ingress.getSpec().getRules().stream()
                .map(IngressRule::getHost)
                .filter(host -> host != null && !host.isBlank() && !host.startsWith("*"))
                .map(DnsRecord::canonical)
                .distinct()
                .toList();
        if (!names.isEmpty()) {
          hosts.put(ingress.getMetadata().getName(), names);
        }
      }
    }
    return hosts;
  }
}
