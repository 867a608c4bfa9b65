package io.cncfdemo.aws.internal;

import io.cncfdemo.support.Backoff;
import io.cncfdemo.support.Retry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ResourceInUseException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TagDescription;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;

/**
 * What the {@link CloudControllerManager} made for Services of type LoadBalancer, found by its
 * cluster tag {@code kubernetes.io/cluster/<cluster>} alone: classic ELBs, NLBs (any ELBv2
 * balancer) with their target groups, and the security groups it made for them; {@link Teardown}
 * deletes the balancers first and their groups before the cluster's own, once the rules by which
 * the nodes' group admits them are revoked.
 */
final class LoadBalancers {
  /** Tags are read for at most this many balancers per call. */
  static final int TAGS_PER_CALL = 20;

  private static final Logger LOG = LoggerFactory.getLogger(LoadBalancers.class);

  /** A target group stays in use until its balancer's deletion is done: tried again. */
  private static final Retry IN_USE_RETRY =
      Retry.on(
          e -> e instanceof ResourceInUseException,
          Backoff.fixed(Duration.ofSeconds(5)).deadline(Duration.ofMinutes(2)));

  private final AwsClients aws;
  private final String tagKey;

  LoadBalancers(AwsClients aws, ClusterNames names) {
    this.aws = aws;
    this.tagKey = Tags.kubernetesCluster(names.cluster());
  }

  /** Deletes the cluster's classic ELBs, ELBv2 balancers and target groups. */
  void deleteBalancers() {
    var classic = new ClassicLoadBalancers(aws.classicElb());
    for (var name : classic.tagged(tagKey)) {
      LOG.info("deleting classic load balancer {}", name);
      classic.delete(name);
    }
    var elbv2 = aws.elbv2();
    var balancers =
        elbv2.describeLoadBalancersPaginator(r -> {}).loadBalancers().stream()
            .map(LoadBalancer::loadBalancerArn)
            .toList();
    for (var arn : tagged(balancers)) {
      LOG.info("deleting load balancer {}", arn);
      elbv2.deleteLoadBalancer(r -> r.loadBalancerArn(arn));
    }
    var groups =
        elbv2.describeTargetGroupsPaginator(r -> {}).targetGroups().stream()
            .map(TargetGroup::targetGroupArn)
            .toList();
    for (var arn : tagged(groups)) {
      LOG.info("deleting target group {}", arn);
      IN_USE_RETRY.run(
          "delete target group " + arn, () -> elbv2.deleteTargetGroup(r -> r.targetGroupArn(arn)));
    }
  }

  /**
   * Revokes, in every group of the cluster's VPCs, the rules admitting another group, then deletes
   * the groups carrying the cluster tag; what a just-deleted balancer's interfaces still use is
   * tried again.
   */
  void deleteSecurityGroups(List<String> vpcIds) {
    if (vpcIds.isEmpty()) {
      return;
    }
    var ec2 = aws.ec2();
    var inVpcs = Filter.builder().name("vpc-id").values(vpcIds).build();
    for (SecurityGroup group :
        ec2.describeSecurityGroupsPaginator(r -> r.filters(inVpcs)).securityGroups()) {
      var toOthers = new ArrayList<IpPermission>();
      for (var permission : group.ipPermissions()) {
        var others =
            permission.userIdGroupPairs().stream()
                .filter(pair -> !group.groupId().equals(pair.groupId()))
                .map(pair -> UserIdGroupPair.builder().groupId(pair.groupId()).build())
                .toList();
        if (!others.isEmpty()) {
          toOthers.add(
              IpPermission.builder()
                  .ipProtocol(permission.ipProtocol())
                  .fromPort(permission.fromPort())
                  .toPort(permission.toPort())
                  .userIdGroupPairs(others)
                  .build());
        }
      }
      if (!toOthers.isEmpty()) {
        LOG.info("revoking the rules of {} admitting other groups", group.groupId());
        ec2.revokeSecurityGroupIngress(r -> r.groupId(group.groupId()).ipPermissions(toOthers));
      }
    }
    var tagged = Filter.builder().name("tag-key").values(tagKey).build();
    for (SecurityGroup group :
        ec2.describeSecurityGroupsPaginator(r -> r.filters(inVpcs, tagged)).securityGroups()) {
      LOG.info("deleting security group {} ({})", group.groupName(), group.groupId());
      Teardown.retryOnDependency(
          () -> ec2.deleteSecurityGroup(r -> r.groupId(group.groupId())),
          "security group " + group.groupId());
    }
  }

  /** Those of the ELBv2 resources {@code arns} that carry the cluster tag. */
  private List<String> tagged(List<String> arns) {
    var tagged = new ArrayList<String>();
    for (int from = 0; from < arns.size(); from += TAGS_PER_CALL) {
      var batch = arns.subList(from, Math.min(arns.size(), from + TAGS_PER_CALL));
      aws.elbv2().describeTags(r -> r.resourceArns(batch)).tagDescriptions().stream()
          .filter(d -> d.tags().stream().anyMatch(tag -> tagKey.equals(tag.key())))
          .map(TagDescription::resourceArn)
          .forEach(tagged::add);
    }
    return tagged;
  }
}
