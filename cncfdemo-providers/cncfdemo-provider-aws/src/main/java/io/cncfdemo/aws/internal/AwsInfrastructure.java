package io.cncfdemo.aws.internal;

import io.cncfdemo.aws.dns.DnsUpdater;
import io.cncfdemo.bootstrap.NodeRole;
import io.cncfdemo.cluster.AwsTarget;
import io.cncfdemo.cluster.ClusterSpec;
import java.util.List;

/**
 * Makes the cloud resources of a cluster, step by step; each step finds what an earlier run made by
 * its tags and creates only what is missing, so that a run that failed half-way is continued by the
 * next one. Stops short of Kubernetes: the nodes bootstrap themselves (see {@link CloudInit}).
 */
public final class AwsInfrastructure {

  /** The steps, in order. */
  public enum Step {
    NETWORK("VPC, internet gateway, public subnets and routes"),
    SECURITY_GROUPS("security groups"),
    BOOTSTRAP_PARAMETERS("bootstrap parameters (SSM SecureString)"),
    INSTANCE_ROLES("IAM roles and instance profiles"),
    DNS_ZONE("private hosted zone"),
    DNS_UPDATER("DNS updater: Lambda function and EventBridge rule"),
    LAUNCH_TEMPLATES("launch templates"),
    AUTO_SCALING_GROUPS("Auto Scaling groups"),
    DNS_RECORDS("DNS records of the nodes");

    private final String description;

    Step(String description) {
      this.description = description;
    }

    public String description() {
      return description;
    }
  }

  /**
   * Told after each step; may throw to stop the run there (tests use this to interrupt a create).
   */
  @FunctionalInterface
  public interface StepListener {
    void done(Step step);
  }

  /**
   * What the cluster's infrastructure consists of.
   *
   * @param vpcId the VPC
   * @param subnetIds its public subnets
   * @param zoneId the private hosted zone
   * @param masterGroup the masters' Auto Scaling group
   * @param minionGroup the minions' Auto Scaling group
   */
  public record Description(
      String vpcId,
      List<String> subnetIds,
      String zoneId,
      String masterGroup,
      String minionGroup) {}

  private AwsInfrastructure() {}

  /** Finds or creates every resource of the cluster, telling {@code listener} after each step. */
  public static Description ensure(
      AwsClients aws, ClusterSpec spec, String account, StepListener listener) {
    var target = (AwsTarget) spec.target();
    var names = new ClusterNames(spec.name(), target.region());
    var apiAccessCidr = Preflight.apiAccessCidr(target);
    // refuses a minor without a pinned cloud controller manager before anything is made
    var unused = CloudControllerManager.release(spec.kubernetesVersion());
    var policies = new Policies(names, partition(aws), account);

    var network = new Network(aws.ec2(), names).ensure();
    listener.done(Step.NETWORK);
    var groups = new SecurityGroups(aws.ec2(), names).ensure(network.vpcId(), apiAccessCidr);
    listener.done(Step.SECURITY_GROUPS);
    new BootstrapParameters(aws.ssm(), names).ensure();
    listener.done(Step.BOOTSTRAP_PARAMETERS);
    var iamRoles = new IamRoles(aws.iam(), names);
    var profiles = new InstanceRoles(iamRoles, names, policies).ensure();
    listener.done(Step.INSTANCE_ROLES);
    var zoneId = new DnsZone(aws.route53(), names).ensure(network.vpcId());
    listener.done(Step.DNS_ZONE);
    new DnsUpdaterFunction(aws, names, iamRoles, policies).ensure(zoneId);
    listener.done(Step.DNS_UPDATER);
    var templates = new LaunchTemplates(aws, names);
    var masterTemplate =
        templates.ensure(
            spec,
            NodeRole.MASTER,
            target.masterInstanceType(),
            profiles.masterProfile(),
            List.of(groups.nodes(), groups.masters()));
    var minionTemplate =
        templates.ensure(
            spec,
            NodeRole.MINION,
            target.instanceType(),
            profiles.minionProfile(),
            List.of(groups.nodes()));
    listener.done(Step.LAUNCH_TEMPLATES);
    var autoScaling = new AutoScalingGroups(aws.autoScaling(), names);
    var masters =
        autoScaling.ensure(NodeRole.MASTER, spec.masters(), masterTemplate, network.subnetIds());
    var minions =
        autoScaling.ensure(NodeRole.MINION, spec.minions(), minionTemplate, network.subnetIds());
    listener.done(Step.AUTO_SCALING_GROUPS);
    // The Lambda function keeps the records current from now on; the first write is done here, so
    // that nodes find
    // the masters even when the launch events came before the rule.
    var updater =
        DnsUpdater.create(
            aws.autoScaling(),
            aws.route53(),
            aws.http(),
            aws.credentials(),
            aws.region(),
            aws.endpoint(),
            names.cluster(),
            zoneId,
            names.zone());
    updater.refresh(masters);
    updater.refresh(minions);
    listener.done(Step.DNS_RECORDS);
    return new Description(network.vpcId(), network.subnetIds(), zoneId, masters, minions);
  }

  static String partition(AwsClients aws) {
    var metadata = aws.region().metadata();
    return metadata == null ? "aws" : metadata.partition().id();
  }
}
