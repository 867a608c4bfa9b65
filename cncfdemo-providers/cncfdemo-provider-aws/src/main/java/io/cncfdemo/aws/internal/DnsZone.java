package io.cncfdemo.aws.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.HostedZone;
import software.amazon.awssdk.services.route53.model.Tag;
import software.amazon.awssdk.services.route53.model.TagResourceType;
import software.amazon.awssdk.services.route53.model.VPCRegion;

/**
 * The private hosted zone {@code <cluster>.k8s} of the cluster's VPC, in which {@code
 * masters.<cluster>.k8s} and {@code minions.<cluster>.k8s} list the nodes. Zones of the same name
 * may exist for clusters of other regions: this one is recognised by its {@code KubernetesCluster}
 * tag and a VPC of this region.
 */
final class DnsZone {
  private static final Logger LOG = LoggerFactory.getLogger(DnsZone.class);

  private final Route53Client route53;
  private final ClusterNames names;

  DnsZone(Route53Client route53, ClusterNames names) {
    this.route53 = route53;
    this.names = names;
  }

  /** The zone's id (without {@code /hostedzone/}), created for the VPC when missing. */
  String ensure(String vpcId) {
    var found = find();
    if (!found.isEmpty()) {
      return found.get(0);
    }
    var zone =
        route53
            .createHostedZone(
                r ->
                    r.name(names.zone())
                        .callerReference("cncfdemo-" + UUID.randomUUID())
                        .hostedZoneConfig(
                            c ->
                                c.privateZone(true)
                                    .comment(
                                        "cncfdemo " + names.cluster() + ": masters and minions"))
                        .vpc(v -> v.vpcId(vpcId).vpcRegion(VPCRegion.fromValue(names.region()))))
            .hostedZone();
    var id = id(zone);
    route53.changeTagsForResource(
        r ->
            r.resourceType(TagResourceType.HOSTEDZONE)
                .resourceId(id)
                .addTags(
                    Tags.as(
                        Tags.of(names.cluster(), names.zone(), null),
                        (key, value) -> Tag.builder().key(key).value(value).build())));
    LOG.info("created private hosted zone {} ({})", names.zone(), id);
    return id;
  }

  /** The ids of this cluster's zones in this region: one, or none. */
  List<String> find() {
    var wanted = names.zone() + ".";
    var ids = new ArrayList<String>();
    for (var zone : route53.listHostedZonesByName(r -> r.dnsName(wanted)).hostedZones()) {
      if (!zone.name().equals(wanted) || !zone.config().privateZone()) {
        continue;
      }
      var id = id(zone);
      var tags =
          route53
              .listTagsForResource(r -> r.resourceType(TagResourceType.HOSTEDZONE).resourceId(id))
              .resourceTagSet()
              .tags();
      var ours =
          tags.stream()
              .anyMatch(t -> Tags.CLUSTER.equals(t.key()) && names.cluster().equals(t.value()));
      var here =
          route53.getHostedZone(r -> r.id(id)).vpCs().stream()
              .anyMatch(vpc -> names.region().equals(vpc.vpcRegionAsString()));
      if (ours && here) {
        ids.add(id);
      }
    }
    return ids;
  }

  static String id(HostedZone zone) {
    var id = zone.id();
    return id.substring(id.lastIndexOf('/') + 1);
  }
}
