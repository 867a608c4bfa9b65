package io.cncfdemo.aws.internal;

import io.cncfdemo.bootstrap.NodeRole;
import io.cncfdemo.cluster.AwsTarget;
import io.cncfdemo.cluster.ClusterSpec;
import io.cncfdemo.cluster.PlannedResource;
import io.cncfdemo.cluster.ProvisioningPlan;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * What {@code create()} makes, in its order, with a cost estimate: instances from the shipped
 * {@link PriceTable} (or, when asked and allowed, the AWS Price List API), their gp3 root volumes
 * and public IPv4 addresses, the hosted zone and the advanced SSM parameter; everything else costs
 * nothing or a negligible amount per use. It ends with what the first master installs: the cloud
 * controller manager, the EBS CSI driver and the default StorageClass of {@link ClusterAddons}. No
 * AWS call unless {@code livePrices} is given.
 */
public final class AwsPlan {
  private AwsPlan() {}

  public static ProvisioningPlan of(
      ClusterSpec spec,
      PriceTable table,
      Optional<BiFunction<String, String, Optional<BigDecimal>>> livePrices) {
    var target = (AwsTarget) spec.target();
    var region = Preflight.region(target).id();
    var names = new ClusterNames(spec.name(), region);
    var cluster = names.cluster();
    var unknown = new ArrayList<String>();
    var live = new boolean[] {false};
    BiFunction<String, String, BigDecimal> instancePrice =
        (r, type) -> {
          var fromApi = livePrices.flatMap(api -> api.apply(r, type));
          fromApi.ifPresent(price -> live[0] = true);
          return fromApi
              .or(() -> table.instancePerHour(r, type))
              .orElseGet(
                  () -> {
                    unknown.add(type);
                    return BigDecimal.ZERO;
                  });
        };

    var resources = new ArrayList<PlannedResource>();
    resources.add(PlannedResource.free("VPC", cluster, Network.VPC_CIDR + ", DNS host names on"));
    resources.add(PlannedResource.free("InternetGateway", cluster, "attached to the VPC"));
    for (int zone = 0; zone < Network.MAX_ZONES; zone++) {
      resources.add(
          PlannedResource.free(
              "Subnet",
              names.subnet(region + (char) ('a' + zone)),
              "public, 10.0."
                  + (zone * 16)
                  + ".0/20, one per availability zone (the first "
                  + Network.MAX_ZONES
                  + " available)"));
    }
    resources.add(
        PlannedResource.free(
            "RouteTable", cluster + "-public", "0.0.0.0/0 to the internet gateway"));
    resources.add(
        PlannedResource.free(
            "SecurityGroup", names.nodesSecurityGroup(), "all traffic between nodes"));
    resources.add(
        PlannedResource.free(
            "SecurityGroup",
            names.securityGroup(NodeRole.MASTER),
            "TCP "
                + SecurityGroups.API_PORT
                + " from "
                + target.apiAccessCidr().orElse("(apiAccessCidr: required by create())")));
    resources.add(
        PlannedResource.free(
            "SSMParameter", names.parameter(BootstrapParameters.JOIN_TOKEN), "SecureString"));
    resources.add(
        PlannedResource.free(
            "SSMParameter", names.parameter(BootstrapParameters.CERTIFICATE_KEY), "SecureString"));
    for (var role : NodeRole.values()) {
      resources.add(
          PlannedResource.free(
              "IAMRole",
              names.iam(role.tag()),
              "assumed by EC2; "
                  + role.plural()
                  + (role == NodeRole.MASTER
                      ? " read and publish the cluster's parameters; may manage load balancers and"
                          + " their security groups (the cloud controller manager runs there);"
                          + " AmazonEBSCSIDriverPolicy attached (the EBS CSI controller runs there)"
                      : " read the cluster's parameters")));
      resources.add(
          PlannedResource.free(
              "InstanceProfile", names.iam(role.tag()), "of the " + role.plural()));
    }
    resources.add(
        new PlannedResource(
            "HostedZone",
            names.zone(),
            "private, in the VPC: " + names.mastersRecord() + ", " + names.minionsRecord(),
            table.hostedZonePerHour()));
    resources.add(PlannedResource.free("IAMRole", names.iam("dns-updater"), "assumed by Lambda"));
    resources.add(
        PlannedResource.free(
            "LogGroup",
            names.dnsUpdaterLogGroup(),
            DnsUpdaterFunction.LOG_RETENTION_DAYS + " days; a few KB a day"));
    resources.add(
        PlannedResource.free(
            "LambdaFunction",
            names.dnsUpdaterFunction(),
            "Java 21, arm64, 512 MB; runs on node launches and terminations (free tier)"));
    resources.add(
        PlannedResource.free(
            "EventBridgeRule",
            names.autoScalingEventsRule(),
            "Auto Scaling launch and terminate events"));
    for (var role : NodeRole.values()) {
      var type = role == NodeRole.MASTER ? target.masterInstanceType() : target.instanceType();
      resources.add(
          PlannedResource.free(
              "LaunchTemplate",
              names.launchTemplate(role),
              type
                  + ", Amazon Linux 2023 "
                  + MachineImage.architecture(type)
                  + ", "
                  + LaunchTemplates.ROOT_VOLUME_GIB
                  + " GiB gp3"));
    }
    for (var role : NodeRole.values()) {
      var type = role == NodeRole.MASTER ? target.masterInstanceType() : target.instanceType();
      int count = role == NodeRole.MASTER ? spec.masters() : spec.minions();
      var n = BigDecimal.valueOf(count);
      resources.add(
          new PlannedResource(
              "AutoScalingGroup",
              names.autoScalingGroup(role),
              count + " x " + type + " (on demand)",
              instancePrice.apply(region, type).multiply(n)));
      resources.add(
          new PlannedResource(
              "EBSVolume",
              names.autoScalingGroup(role) + "-root",
              count + " x " + LaunchTemplates.ROOT_VOLUME_GIB + " GiB gp3, encrypted",
              table.gp3PerHour(region, LaunchTemplates.ROOT_VOLUME_GIB).multiply(n)));
      resources.add(
          new PlannedResource(
              "PublicIPv4",
              names.autoScalingGroup(role) + "-addresses",
              count + " public IPv4 address(es)",
              table.publicIpv4PerHour().multiply(n)));
    }
    resources.add(
        new PlannedResource(
            "SSMParameter",
            names.parameter(BootstrapParameters.ADMIN_KUBECONFIG),
            "SecureString, advanced tier (over 4 KB); written by the first master",
            table.advancedParameterPerHour()));
    resources.add(
        PlannedResource.free(
            "SSMParameter",
            names.parameter(BootstrapParameters.CA_CERT_HASH),
            "written by the first master"));
    resources.add(
        PlannedResource.free(
            "ClusterAddon",
            CloudControllerManager.NAME,
            CloudControllerManager.release(spec.kubernetesVersion())
                + " (for Kubernetes "
                + spec.kubernetesVersion()
                + "), upstream kustomize base, applied by the first master after Calico; on the"
                + " masters, host network; Services of type LoadBalancer get an ELB, billed by"
                + " AWS per hour and GB while it exists, deleted by destroy()"));
    resources.add(
        PlannedResource.free(
            "ClusterAddon",
            "aws-ebs-csi-driver",
            ClusterAddons.EBS_CSI_DRIVER_VERSION
                + ", upstream kustomize overlay, applied by the first master after Calico;"
                + " controller on the masters, node plugin on the minions, host network"));
    resources.add(
        PlannedResource.free(
            "StorageClass",
            ClusterAddons.STORAGE_CLASS,
            "the default: ebs.csi.aws.com, gp3, encrypted, WaitForFirstConsumer; volumes cost"
                + " per GiB-month as claims make them"));
    return new ProvisioningPlan(
        AwsTarget.PROVIDER,
        target.describe(),
        cluster,
        resources,
        priceSource(region, table, live[0], unknown));
  }

  private static String priceSource(
      String region, PriceTable table, boolean live, List<String> unknown) {
    var source =
        new StringBuilder(live ? "AWS Price List API for instances, " : "")
            .append("AWS on-demand prices, ")
            .append(region)
            .append(", table of ")
            .append(table.date());
    if (!table.knows(region)) {
      source.append(" (region not in the table: storage at us-east-1 prices)");
    }
    if (!unknown.isEmpty()) {
      source
          .append("; no price for ")
          .append(String.join(", ", unknown.stream().distinct().toList()))
          .append(" in ")
          .append(region)
          .append(", counted as 0");
    }
    return source.toString();
  }
}
