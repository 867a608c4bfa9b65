package io.cncfdemo.aws.internal;

import io.cncfdemo.support.Backoff;
import io.cncfdemo.support.Retry;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.RouteTableAssociation;
import software.amazon.awssdk.services.iam.model.InstanceProfile;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.ssm.model.ParameterStringFilter;

/**
 * Deletes everything of a cluster, found by its tags, names and paths alone (no local state), in
 * dependency order: Auto Scaling groups and their instances, the load balancers the cloud
 * controller manager made ({@link LoadBalancers}; once no master runs it), volumes left behind (the
 * claims'), launch templates, the DNS updater (rule, function, log group), the DNS zone, IAM roles
 * and instance profiles, security groups (the balancers' first), route tables, subnets, the
 * internet gateway, the VPC and the SSM parameters. What is already gone is skipped, so running it
 * twice is harmless.
 */
public final class Teardown {
  static final Duration WAIT = Duration.ofMinutes(15);
  private static final Logger LOG = LoggerFactory.getLogger(Teardown.class);

  /**
   * What a just-terminated instance still uses is deleted again every 10 s, for up to 5 minutes.
   */
  private static final Retry DEPENDENCY_RETRY =
      Retry.on(
          Teardown::isDependencyViolation,
          Backoff.fixed(Duration.ofSeconds(10)).deadline(Duration.ofMinutes(5)));

  private final AwsClients aws;
  private final ClusterNames names;

  public Teardown(AwsClients aws, ClusterNames names) {
    this.aws = aws;
    this.names = names;
  }

  public void run() {
    autoScalingGroups();
    instances();
    // once no master runs the cloud controller manager, which would make them again
    var loadBalancers = new LoadBalancers(aws, names);
    loadBalancers.deleteBalancers();
    volumes();
    launchTemplates();
    dnsUpdater();
    dnsZones();
    iam();
    var vpcIds =
        aws.ec2().describeVpcs(r -> r.filters(clusterFilter())).vpcs().stream()
            .map(v -> v.vpcId())
            .toList();
    loadBalancers.deleteSecurityGroups(vpcIds);
    securityGroups();
    routeTables();
    subnets();
    internetGateways();
    vpcIds.forEach(
        id -> retryOnDependency(() -> aws.ec2().deleteVpc(r -> r.vpcId(id)), "VPC " + id));
    parameters();
  }

  private void autoScalingGroups() {
    var groups =
        aws
            .autoScaling()
            .describeAutoScalingGroupsPaginator(
                r -> r.filters(f -> f.name("tag:" + Tags.CLUSTER).values(names.cluster())))
            .autoScalingGroups()
            .stream()
            .map(AutoScalingGroup::autoScalingGroupName)
            .toList();
    for (var group : groups) {
      LOG.info("deleting Auto Scaling group {} and its instances", group);
      aws.autoScaling()
          .deleteAutoScalingGroup(r -> r.autoScalingGroupName(group).forceDelete(true));
    }
    for (var group : groups) {
      aws.autoScaling()
          .waiter()
          .waitUntilGroupNotExists(r -> r.autoScalingGroupNames(group), Teardown::waitFor);
    }
  }

  private void instances() {
    var ids =
        aws
            .ec2()
            .describeInstancesPaginator(
                r ->
                    r.filters(
                        clusterFilter(),
                        Filter.builder()
                            .name("instance-state-name")
                            .values("pending", "running", "stopping", "stopped")
                            .build()))
            .reservations()
            .stream()
            .flatMap(res -> res.instances().stream())
            .map(Instance::instanceId)
            .toList();
    if (!ids.isEmpty()) {
      LOG.info("terminating instances {}", ids);
      aws.ec2().terminateInstances(r -> r.instanceIds(ids));
      aws.ec2().waiter().waitUntilInstanceTerminated(r -> r.instanceIds(ids), Teardown::waitFor);
    }
  }

  /**
   * Volumes no instance holds any more: those the EBS CSI driver made for claims (tagged by the
   * StorageClass of {@link ClusterAddons}) and any root volume left behind.
   */
  private void volumes() {
    aws.ec2()
        .describeVolumesPaginator(
            r ->
                r.filters(
                    clusterFilter(), Filter.builder().name("status").values("available").build()))
        .volumes()
        .forEach(
            volume -> {
              LOG.info("deleting volume {}", volume.volumeId());
              aws.ec2().deleteVolume(r -> r.volumeId(volume.volumeId()));
            });
  }

  private void launchTemplates() {
    aws.ec2()
        .describeLaunchTemplates(r -> r.filters(clusterFilter()))
        .launchTemplates()
        .forEach(
            template -> {
              LOG.info("deleting launch template {}", template.launchTemplateName());
              aws.ec2().deleteLaunchTemplate(r -> r.launchTemplateId(template.launchTemplateId()));
            });
  }

  private void dnsUpdater() {
    var rule = names.autoScalingEventsRule();
    var rules =
        aws.events().listRules(r -> r.namePrefix(rule)).rules().stream()
            .filter(x -> x.name().equals(rule))
            .toList();
    if (!rules.isEmpty()) {
      var targets =
          aws.events().listTargetsByRule(r -> r.rule(rule)).targets().stream()
              .map(t -> t.id())
              .toList();
      if (!targets.isEmpty()) {
        aws.events().removeTargets(r -> r.rule(rule).ids(targets));
      }
      LOG.info("deleting EventBridge rule {}", rule);
      aws.events().deleteRule(r -> r.name(rule));
    }
    try {
      aws.lambda().deleteFunction(r -> r.functionName(names.dnsUpdaterFunction()));
      LOG.info("deleted Lambda function {}", names.dnsUpdaterFunction());
    } catch (ResourceNotFoundException e) {
      LOG.debug("no Lambda function {}", names.dnsUpdaterFunction());
    }
    aws
        .logs()
        .describeLogGroups(r -> r.logGroupNamePrefix(names.dnsUpdaterLogGroup()))
        .logGroups()
        .stream()
        .filter(group -> group.logGroupName().equals(names.dnsUpdaterLogGroup()))
        .forEach(group -> aws.logs().deleteLogGroup(r -> r.logGroupName(group.logGroupName())));
  }

  private void dnsZones() {
    for (var zoneId : new DnsZone(aws.route53(), names).find()) {
      var records =
          aws
              .route53()
              .listResourceRecordSetsPaginator(r -> r.hostedZoneId(zoneId))
              .resourceRecordSets()
              .stream()
              .filter(set -> set.type() != RRType.SOA && set.type() != RRType.NS)
              .toList();
      if (!records.isEmpty()) {
        aws.route53()
            .changeResourceRecordSets(
                r ->
                    r.hostedZoneId(zoneId)
                        .changeBatch(
                            b ->
                                b.changes(
                                    records.stream()
                                        .map(
                                            set ->
                                                software.amazon.awssdk.services.route53.model.Change
                                                    .builder()
                                                    .action(ChangeAction.DELETE)
                                                    .resourceRecordSet(set)
                                                    .build())
                                        .toList())));
      }
      LOG.info("deleting hosted zone {} ({})", names.zone(), zoneId);
      aws.route53().deleteHostedZone(r -> r.id(zoneId));
    }
  }

  private void iam() {
    var iam = aws.iam();
    for (InstanceProfile profile :
        iam.listInstanceProfilesPaginator(r -> r.pathPrefix(names.iamPath())).instanceProfiles()) {
      for (var role : profile.roles()) {
        iam.removeRoleFromInstanceProfile(
            r -> r.instanceProfileName(profile.instanceProfileName()).roleName(role.roleName()));
      }
      LOG.info("deleting instance profile {}", profile.instanceProfileName());
      iam.deleteInstanceProfile(r -> r.instanceProfileName(profile.instanceProfileName()));
    }
    for (var role : iam.listRolesPaginator(r -> r.pathPrefix(names.iamPath())).roles()) {
      try {
        for (var policy : iam.listRolePolicies(r -> r.roleName(role.roleName())).policyNames()) {
          iam.deleteRolePolicy(r -> r.roleName(role.roleName()).policyName(policy));
        }
        for (var attached :
            iam.listAttachedRolePolicies(r -> r.roleName(role.roleName())).attachedPolicies()) {
          iam.detachRolePolicy(r -> r.roleName(role.roleName()).policyArn(attached.policyArn()));
        }
        LOG.info("deleting IAM role {}", role.roleName());
        iam.deleteRole(r -> r.roleName(role.roleName()));
      } catch (NoSuchEntityException e) {
        LOG.debug("IAM role {} already gone", role.roleName());
      }
    }
  }

  private void securityGroups() {
    aws.ec2()
        .describeSecurityGroups(r -> r.filters(clusterFilter()))
        .securityGroups()
        .forEach(
            group -> {
              LOG.info("deleting security group {} ({})", group.groupName(), group.groupId());
              retryOnDependency(
                  () -> aws.ec2().deleteSecurityGroup(r -> r.groupId(group.groupId())),
                  "security group " + group.groupId());
            });
  }

  private void routeTables() {
    aws.ec2()
        .describeRouteTables(r -> r.filters(clusterFilter()))
        .routeTables()
        .forEach(
            table -> {
              table.associations().stream()
                  .filter(a -> !Boolean.TRUE.equals(a.main()))
                  .map(RouteTableAssociation::routeTableAssociationId)
                  .forEach(id -> aws.ec2().disassociateRouteTable(r -> r.associationId(id)));
              LOG.info("deleting route table {}", table.routeTableId());
              aws.ec2().deleteRouteTable(r -> r.routeTableId(table.routeTableId()));
            });
  }

  private void subnets() {
    aws.ec2()
        .describeSubnets(r -> r.filters(clusterFilter()))
        .subnets()
        .forEach(
            subnet -> {
              LOG.info("deleting subnet {}", subnet.subnetId());
              retryOnDependency(
                  () -> aws.ec2().deleteSubnet(r -> r.subnetId(subnet.subnetId())),
                  "subnet " + subnet.subnetId());
            });
  }

  private void internetGateways() {
    aws.ec2()
        .describeInternetGateways(r -> r.filters(clusterFilter()))
        .internetGateways()
        .forEach(
            gateway -> {
              gateway
                  .attachments()
                  .forEach(
                      a ->
                          aws.ec2()
                              .detachInternetGateway(
                                  r ->
                                      r.internetGatewayId(gateway.internetGatewayId())
                                          .vpcId(a.vpcId())));
              LOG.info("deleting internet gateway {}", gateway.internetGatewayId());
              aws.ec2()
                  .deleteInternetGateway(r -> r.internetGatewayId(gateway.internetGatewayId()));
            });
  }

  private void parameters() {
    var found =
        aws
            .ssm()
            .describeParametersPaginator(
                r ->
                    r.parameterFilters(
                        ParameterStringFilter.builder()
                            .key("Path")
                            .option("Recursive")
                            .values(names.parameterPath())
                            .build()))
            .stream()
            .flatMap(page -> page.parameters().stream())
            .map(p -> p.name())
            .toList();
    for (int from = 0; from < found.size(); from += 10) {
      var batch = found.subList(from, Math.min(found.size(), from + 10));
      LOG.info("deleting parameters {}", batch);
      aws.ssm().deleteParameters(r -> r.names(batch));
    }
  }

  private Filter clusterFilter() {
    return Tags.ec2Filters(names.cluster(), null).get(0);
  }

  private static void waitFor(WaiterOverrideConfiguration.Builder waiter) {
    waiter.waitTimeout(WAIT);
  }

  /**
   * EC2 refuses to delete what a just-terminated instance's network interface still uses; it is
   * tried again.
   */
  static void retryOnDependency(Runnable delete, String what) {
    DEPENDENCY_RETRY.run("delete " + what, delete);
  }

  private static boolean isDependencyViolation(RuntimeException e) {
    return e instanceof AwsServiceException aws
        && aws.awsErrorDetails() != null
        && "DependencyViolation".equals(aws.awsErrorDetails().errorCode());
  }
}
