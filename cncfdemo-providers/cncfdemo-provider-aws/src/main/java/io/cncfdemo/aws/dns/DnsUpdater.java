package io.cncfdemo.aws.dns;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.autoscaling.model.Instance;
import software.amazon.awssdk.services.autoscaling.model.TagDescription;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.route53.model.ResourceRecord;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

/**
 * Keeps {@code masters.<cluster>.k8s} and {@code minions.<cluster>.k8s} equal to the addresses of
 * the healthy instances of each Auto Scaling group: given an Auto Scaling event (or a group name),
 * it lists the group's healthy instances that are pending or in service, looks up their private
 * addresses and UPSERTs the group's A record, or deletes it when no instance is left. Groups are
 * recognised by their tags {@code KubernetesCluster} and {@code Role} ({@code master} or {@code
 * minion}); events of other groups are ignored.
 */
public final class DnsUpdater {
  /** Tag naming the cluster a resource belongs to. */
  public static final String CLUSTER_TAG = "KubernetesCluster";

  /** Tag naming the role of a group: {@code master} or {@code minion}. */
  public static final String ROLE_TAG = "Role";

  /** Seconds resolvers may cache the records: short, so that a replaced master is found quickly. */
  public static final long TTL_SECONDS = 30;

  private static final Logger LOG = LoggerFactory.getLogger(DnsUpdater.class);
  private static final Set<String> LIVE_STATES =
      Set.of("Pending", "Pending:Wait", "Pending:Proceed", "InService");

  private final AutoScalingClient autoScaling;
  private final Route53Client route53;
  private final Ec2Addresses addresses;
  private final String cluster;
  private final String zoneId;
  private final String zoneName;

  DnsUpdater(
      AutoScalingClient autoScaling,
      Route53Client route53,
      Ec2Addresses addresses,
      String cluster,
      String zoneId,
      String zoneName) {
    this.autoScaling = autoScaling;
    this.route53 = route53;
    this.addresses = addresses;
    this.cluster = cluster;
    this.zoneId = zoneId;
    this.zoneName = zoneName.endsWith(".") ? zoneName : zoneName + ".";
  }

  /**
   * An updater for the zone {@code zoneName} ({@code zoneId}) of {@code cluster}, looking up
   * addresses with a signed EC2 query through {@code http} at {@code ec2Endpoint} (or EC2's public
   * endpoint of the region).
   */
  public static DnsUpdater create(
      AutoScalingClient autoScaling,
      Route53Client route53,
      SdkHttpClient http,
      AwsCredentialsProvider credentials,
      Region region,
      Optional<URI> ec2Endpoint,
      String cluster,
      String zoneId,
      String zoneName) {
    return new DnsUpdater(
        autoScaling,
        route53,
        new Ec2Addresses(http, credentials, region, ec2Endpoint),
        cluster,
        zoneId,
        zoneName);
  }

  /**
   * Handles one EventBridge event from Auto Scaling ({@code detail.AutoScalingGroupName}); returns
   * the record it wrote with its addresses, or an empty result when the event is not about a group
   * of this cluster.
   */
  public Optional<Result> onEvent(Map<String, Object> event) {
    var detail = event == null ? null : event.get("detail");
    var group = detail instanceof Map<?, ?> map ? map.get("AutoScalingGroupName") : null;
    if (!(group instanceof String name) || name.isBlank()) {
      LOG.info(
          "ignoring an event without detail.AutoScalingGroupName: {}",
          event == null ? null : event.get("detail-type"));
      return Optional.empty();
    }
    return refresh(name);
  }

  /**
   * Sets the record of this group to its healthy instances' addresses; empty when the group is not
   * this cluster's.
   */
  public Optional<Result> refresh(String groupName) {
    var groups =
        autoScaling
            .describeAutoScalingGroups(r -> r.autoScalingGroupNames(groupName))
            .autoScalingGroups();
    if (groups.isEmpty()) {
      LOG.info("group {} no longer exists: nothing to update", groupName);
      return Optional.empty();
    }
    var group = groups.get(0);
    if (!cluster.equals(tag(group, CLUSTER_TAG))) {
      LOG.info("group {} is not of cluster {}: ignored", groupName, cluster);
      return Optional.empty();
    }
    var role = tag(group, ROLE_TAG);
    if (!"master".equals(role) && !"minion".equals(role)) {
      LOG.info("group {} has no Role tag master or minion: ignored", groupName);
      return Optional.empty();
    }
    var healthy =
        group.instances().stream()
            .filter(instance -> "Healthy".equalsIgnoreCase(instance.healthStatus()))
            .filter(instance -> LIVE_STATES.contains(instance.lifecycleStateAsString()))
            .map(Instance::instanceId)
            .toList();
    var ips = new TreeSet<>(addresses.of(healthy).values());
    var record = role + "s." + zoneName;
    write(record, ips);
    LOG.info("{} now lists {} address(es) of group {}: {}", record, ips.size(), groupName, ips);
    return Optional.of(new Result(record, List.copyOf(ips)));
  }

  private void write(String record, Set<String> ips) {
    if (!ips.isEmpty()) {
      change(ChangeAction.UPSERT, recordSet(record, ips.stream().toList()));
      return;
    }
    current(record).ifPresent(existing -> change(ChangeAction.DELETE, existing));
  }

  private Optional<ResourceRecordSet> current(String record) {
    return route53
        .listResourceRecordSets(
            r ->
                r.hostedZoneId(zoneId)
                    .startRecordName(record)
                    .startRecordType(RRType.A)
                    .maxItems("1"))
        .resourceRecordSets()
        .stream()
        .filter(set -> set.name().equals(record) && set.type() == RRType.A)
        .findFirst();
  }

  private void change(ChangeAction action, ResourceRecordSet set) {
    route53.changeResourceRecordSets(
        r ->
            r.hostedZoneId(zoneId)
                .changeBatch(
                    b ->
                        b.comment("cncfdemo dns updater")
                            .changes(c -> c.action(action).resourceRecordSet(set))));
  }

  private static ResourceRecordSet recordSet(String name, List<String> ips) {
    return ResourceRecordSet.builder()
        .name(name)
        .type(RRType.A)
        .ttl(TTL_SECONDS)
        .resourceRecords(
            ips.stream().map(ip -> ResourceRecord.builder().value(ip).build()).toList())
        .build();
  }

  private static String tag(AutoScalingGroup group, String key) {
    return group.tags().stream()
        .filter(t -> key.equals(t.key()))
        .map(TagDescription::value)
        .findFirst()
        .orElse(null);
  }

  /**
   * What one update wrote.
   *
   * @param record the fully qualified record name, e.g. {@code masters.demo.k8s.}
   * @param addresses its addresses, sorted; empty when the record was removed
   */
  public record Result(String record, List<String> addresses) {}
}
