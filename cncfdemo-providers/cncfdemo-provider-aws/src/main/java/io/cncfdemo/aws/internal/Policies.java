package io.cncfdemo.aws.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The least-privilege policies: masters read the bootstrap parameters and publish theirs, may do
 * what the cloud controller manager running on them does (and hold the EBS CSI driver's managed
 * policy), minions read only the join token and the CA hash, the DNS updater reads groups and
 * instances and writes the cluster's zone and its own logs.
 */
final class Policies {
  private final ClusterNames names;
  private final String partition;
  private final String account;

  Policies(ClusterNames names, String partition, String account) {
    this.names = names;
    this.partition = partition;
    this.account = account;
  }

  Map<String, Object> master() {
    return document(
        statement("ReadBootstrapParameters", List.of("ssm:GetParameter"), List.of(parameter("*"))),
        statement(
            "PublishClusterParameters",
            List.of("ssm:PutParameter"),
            List.of(
                parameter(BootstrapParameters.CA_CERT_HASH),
                    parameter(BootstrapParameters.ADMIN_KUBECONFIG),
                parameter(BootstrapParameters.INIT_LOCK),
                    parameter(BootstrapParameters.API_ENDPOINT))),
        statement("CloudControllerManager", cloudControllerManager(), List.of("*")));
  }

  /**
   * What the AWS cloud controller manager may do, as its documentation's control-plane policy lists
   * it (kubernetes/cloud-provider-aws, docs/prerequisites.md): describe instances, subnets, route
   * tables and groups, make and tag the balancers' security groups and open the nodes' group to
   * them, make, change and delete classic ELBs and NLBs with their listeners and target groups, the
   * ELB service-linked role. Most of these actions cannot be limited to resources, hence {@code *}.
   * Minions get nothing of it: with {@code --cloud-provider=external} kubelet makes no AWS call
   * (the documented node policy is for the ECR credential provider, which cncfdemo does not
   * install).
   */
  static List<String> cloudControllerManager() {
    return List.of(
        "autoscaling:DescribeAutoScalingGroups",
        "autoscaling:DescribeLaunchConfigurations",
        "autoscaling:DescribeTags",
        "ec2:DescribeInstances",
        "ec2:DescribeRegions",
        "ec2:DescribeRouteTables",
        "ec2:DescribeSecurityGroups",
        "ec2:DescribeSubnets",
        "ec2:DescribeVolumes",
        "ec2:DescribeAvailabilityZones",
        "ec2:CreateSecurityGroup",
        "ec2:CreateTags",
        "ec2:CreateVolume",
        "ec2:ModifyInstanceAttribute",
        "ec2:ModifyVolume",
        "ec2:AttachVolume",
        "ec2:AuthorizeSecurityGroupIngress",
        "ec2:CreateRoute",
        "ec2:DeleteRoute",
        "ec2:DeleteSecurityGroup",
        "ec2:DeleteVolume",
        "ec2:DetachVolume",
        "ec2:RevokeSecurityGroupIngress",
        "ec2:DescribeVpcs",
        "ec2:DescribeInstanceTopology",
        "elasticloadbalancing:AddTags",
        "elasticloadbalancing:AttachLoadBalancerToSubnets",
        "elasticloadbalancing:ApplySecurityGroupsToLoadBalancer",
        "elasticloadbalancing:CreateLoadBalancer",
        "elasticloadbalancing:CreateLoadBalancerPolicy",
        "elasticloadbalancing:CreateLoadBalancerListeners",
        "elasticloadbalancing:ConfigureHealthCheck",
        "elasticloadbalancing:DeleteLoadBalancer",
        "elasticloadbalancing:DeleteLoadBalancerListeners",
        "elasticloadbalancing:DescribeLoadBalancers",
        "elasticloadbalancing:DescribeLoadBalancerAttributes",
        "elasticloadbalancing:DetachLoadBalancerFromSubnets",
        "elasticloadbalancing:DeregisterInstancesFromLoadBalancer",
        "elasticloadbalancing:ModifyLoadBalancerAttributes",
        "elasticloadbalancing:RegisterInstancesWithLoadBalancer",
        "elasticloadbalancing:SetLoadBalancerPoliciesForBackendServer",
        "elasticloadbalancing:CreateListener",
        "elasticloadbalancing:CreateTargetGroup",
        "elasticloadbalancing:DeleteListener",
        "elasticloadbalancing:DeleteTargetGroup",
        "elasticloadbalancing:DescribeListeners",
        "elasticloadbalancing:DescribeLoadBalancerPolicies",
        "elasticloadbalancing:DescribeTargetGroups",
        "elasticloadbalancing:DescribeTargetHealth",
        "elasticloadbalancing:ModifyListener",
        "elasticloadbalancing:ModifyTargetGroup",
        "elasticloadbalancing:RegisterTargets",
        "elasticloadbalancing:DeregisterTargets",
        "elasticloadbalancing:SetLoadBalancerPoliciesOfListener",
        "iam:CreateServiceLinkedRole",
        "kms:DescribeKey");
  }

  /**
   * The AWS managed policy the EBS CSI driver's controller needs (create, attach, detach, delete
   * and tag volumes and snapshots); attached to the masters' role, where the controller runs.
   */
  String ebsCsiDriver() {
    return "arn:" + partition + ":iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy";
  }

  Map<String, Object> minion() {
    return document(
        statement(
            "ReadJoinParameters",
            List.of("ssm:GetParameter"),
            List.of(
                parameter(BootstrapParameters.JOIN_TOKEN),
                parameter(BootstrapParameters.CA_CERT_HASH))));
  }

  Map<String, Object> dnsUpdater(String zoneId) {
    var logGroup =
        "arn:"
            + partition
            + ":logs:"
            + names.region()
            + ":"
            + account
            + ":log-group:"
            + names.dnsUpdaterLogGroup()
            + ":*";
    return document(
        statement("Logs", List.of("logs:CreateLogStream", "logs:PutLogEvents"), List.of(logGroup)),
        // Describe calls of Auto Scaling and EC2 cannot be limited to resources
        statement(
            "ReadGroupsAndInstances",
            List.of("autoscaling:DescribeAutoScalingGroups", "ec2:DescribeInstances"),
            List.of("*")),
        statement(
            "WriteClusterZone",
            List.of("route53:ChangeResourceRecordSets", "route53:ListResourceRecordSets"),
            List.of("arn:" + partition + ":route53:::hostedzone/" + zoneId)));
  }

  String parameter(String leaf) {
    return "arn:"
        + partition
        + ":ssm:"
        + names.region()
        + ":"
        + account
        + ":parameter"
        + names.parameter(leaf);
  }

  private static Map<String, Object> statement(
      String sid, List<String> actions, List<String> resources) {
    var statement = new LinkedHashMap<String, Object>();
    statement.put("Sid", sid);
    statement.put("Effect", "Allow");
    statement.put("Action", actions);
    statement.put("Resource", resources);
    return statement;
  }

  @SafeVarargs
  private static Map<String, Object> document(Map<String, Object>... statements) {
    var document = new LinkedHashMap<String, Object>();
    document.put("Version", "2012-10-17");
    document.put("Statement", List.of(statements));
    return document;
  }
}
