package io.cncfdemo.aws.internal;

import io.cncfdemo.bootstrap.NodeRole;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.Tag;

/**
 * One Auto Scaling group per role, of fixed size (minimum = maximum = desired), across the public
 * subnets; a failed instance is replaced and the DNS updater follows. Its tags, {@code Role}
 * included, propagate to the instances.
 */
final class AutoScalingGroups {
  private static final Logger LOG = LoggerFactory.getLogger(AutoScalingGroups.class);

  private final AutoScalingClient autoScaling;
  private final ClusterNames names;

  AutoScalingGroups(AutoScalingClient autoScaling, ClusterNames names) {
    this.autoScaling = autoScaling;
    this.names = names;
  }

  /** The group's name; created when missing, its size set to {@code size} otherwise. */
  String ensure(NodeRole role, int size, String launchTemplateId, List<String> subnetIds) {
    var name = names.autoScalingGroup(role);
    var found =
        autoScaling
            .describeAutoScalingGroups(r -> r.autoScalingGroupNames(name))
            .autoScalingGroups();
    if (!found.isEmpty()) {
      var group = found.get(0);
      if (group.desiredCapacity() != size) {
        autoScaling.updateAutoScalingGroup(
            r -> r.autoScalingGroupName(name).minSize(size).maxSize(size).desiredCapacity(size));
        LOG.info("resized Auto Scaling group {} to {}", name, size);
      }
      return name;
    }
    var tags =
        Tags.as(
            Tags.of(names.cluster(), name, role),
            (key, value) ->
                Tag.builder()
                    .key(key)
                    .value(value)
                    .propagateAtLaunch(true)
                    .resourceId(name)
                    .resourceType("auto-scaling-group")
                    .build());
    autoScaling.createAutoScalingGroup(
        r ->
            r.autoScalingGroupName(name)
                .launchTemplate(t -> t.launchTemplateId(launchTemplateId).version("$Latest"))
                .minSize(size)
                .maxSize(size)
                .desiredCapacity(size)
                .vpcZoneIdentifier(String.join(",", subnetIds))
                .healthCheckType("EC2")
                .healthCheckGracePeriod(300)
                .tags(tags));
    LOG.info("created Auto Scaling group {} of {} {}", name, size, role.plural());
    return name;
  }
}
