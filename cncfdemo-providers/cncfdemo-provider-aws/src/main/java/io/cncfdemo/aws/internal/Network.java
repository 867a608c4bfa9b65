package io.cncfdemo.aws.internal;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.AvailabilityZone;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ec2.model.Subnet;

/**
 * The VPC ({@value #VPC_CIDR}, DNS support and host names on), an internet gateway, one public
 * subnet in each of up to {@value #MAX_ZONES} availability zones (tagged for the cloud controller
 * manager's internet-facing balancers, see {@link Tags#publicSubnet}) and a route table sending
 * {@code 0.0.0.0/0} to the gateway. Each piece is found by its tags first and created only when
 * missing.
 */
final class Network {
  static final String VPC_CIDR = "10.0.0.0/16";
  static final int MAX_ZONES = 3;
  private static final Logger LOG = LoggerFactory.getLogger(Network.class);

  private final Ec2Client ec2;
  private final ClusterNames names;

  Network(Ec2Client ec2, ClusterNames names) {
    this.ec2 = ec2;
    this.names = names;
  }

  /**
   * What was found or made.
   *
   * @param vpcId the VPC
   * @param subnetIds one public subnet per zone
   */
  record Ids(String vpcId, List<String> subnetIds) {}

  Ids ensure() {
    var vpcId = vpc();
    var gateway = internetGateway(vpcId);
    var subnets = subnets(vpcId);
    routeTable(vpcId, gateway, subnets);
    return new Ids(vpcId, subnets);
  }

  private String vpc() {
    var name = names.cluster();
    var found = ec2.describeVpcs(r -> r.filters(Tags.ec2Filters(name, name))).vpcs();
    if (!found.isEmpty()) {
      return found.get(0).vpcId();
    }
    var vpcId =
        ec2.createVpc(
                r ->
                    r.cidrBlock(VPC_CIDR)
                        .tagSpecifications(
                            Tags.ec2Spec(ResourceType.VPC, Tags.of(name, name, null))))
            .vpc()
            .vpcId();
    ec2.waiter().waitUntilVpcAvailable(r -> r.vpcIds(vpcId));
    ec2.modifyVpcAttribute(r -> r.vpcId(vpcId).enableDnsSupport(b -> b.value(true)));
    ec2.modifyVpcAttribute(r -> r.vpcId(vpcId).enableDnsHostnames(b -> b.value(true)));
    LOG.info("created VPC {} ({})", vpcId, VPC_CIDR);
    return vpcId;
  }

  private String internetGateway(String vpcId) {
    var name = names.cluster();
    var found =
        ec2.describeInternetGateways(r -> r.filters(Tags.ec2Filters(name, name)))
            .internetGateways();
    String gatewayId;
    if (found.isEmpty()) {
      gatewayId =
          ec2.createInternetGateway(
                  r ->
                      r.tagSpecifications(
                          Tags.ec2Spec(ResourceType.INTERNET_GATEWAY, Tags.of(name, name, null))))
              .internetGateway()
              .internetGatewayId();
      LOG.info("created internet gateway {}", gatewayId);
    } else {
      gatewayId = found.get(0).internetGatewayId();
      if (found.get(0).attachments().stream().anyMatch(a -> vpcId.equals(a.vpcId()))) {
        return gatewayId;
      }
    }
    ec2.attachInternetGateway(r -> r.internetGatewayId(gatewayId).vpcId(vpcId));
    return gatewayId;
  }

  private List<String> subnets(String vpcId) {
    var zones =
        ec2
            .describeAvailabilityZones(
                r ->
                    r.filters(
                        Filter.builder().name("state").values("available").build(),
                        Filter.builder().name("zone-type").values("availability-zone").build()))
            .availabilityZones()
            .stream()
            .map(AvailabilityZone::zoneName)
            .sorted()
            .limit(MAX_ZONES)
            .toList();
    var ids = new ArrayList<String>();
    for (int index = 0; index < zones.size(); index++) {
      var zone = zones.get(index);
      var name = names.subnet(zone);
      var found =
          ec2.describeSubnets(r -> r.filters(Tags.ec2Filters(names.cluster(), name))).subnets();
      if (!found.isEmpty()) {
        ids.add(found.get(0).subnetId());
        continue;
      }
      var cidr = "10.0." + (index * 16) + ".0/20";
      Subnet subnet =
          ec2.createSubnet(
                  r ->
                      r.vpcId(vpcId)
                          .availabilityZone(zone)
                          .cidrBlock(cidr)
                          .tagSpecifications(
                              Tags.ec2Spec(
                                  ResourceType.SUBNET,
                                  Tags.publicSubnet(
                                      Tags.of(names.cluster(), name, null), names.cluster()))))
              .subnet();
      ec2.modifySubnetAttribute(
          r -> r.subnetId(subnet.subnetId()).mapPublicIpOnLaunch(b -> b.value(true)));
      LOG.info("created subnet {} ({}, {})", subnet.subnetId(), zone, cidr);
      ids.add(subnet.subnetId());
    }
    return ids;
  }

  private void routeTable(String vpcId, String gatewayId, List<String> subnetIds) {
    var name = names.cluster() + "-public";
    var found =
        ec2.describeRouteTables(r -> r.filters(Tags.ec2Filters(names.cluster(), name)))
            .routeTables();
    RouteTable table =
        found.isEmpty()
            ? ec2.createRouteTable(
                    r ->
                        r.vpcId(vpcId)
                            .tagSpecifications(
                                Tags.ec2Spec(
                                    ResourceType.ROUTE_TABLE,
                                    Tags.of(names.cluster(), name, null))))
                .routeTable()
            : found.get(0);
    if (table.routes().stream()
        .noneMatch(route -> "0.0.0.0/0".equals(route.destinationCidrBlock()))) {
      ec2.createRoute(
          r ->
              r.routeTableId(table.routeTableId())
                  .destinationCidrBlock("0.0.0.0/0")
                  .gatewayId(gatewayId));
    }
    for (var subnetId : subnetIds) {
      if (table.associations().stream().noneMatch(a -> subnetId.equals(a.subnetId()))) {
        ec2.associateRouteTable(r -> r.routeTableId(table.routeTableId()).subnetId(subnetId));
      }
    }
  }
}
