package io.cncfdemo.aws.internal;

import io.cncfdemo.bootstrap.NodeRole;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.ResourceType;

/**
 * Two security groups: {@code <cluster>-nodes} on every node, open to itself for all node-to-node
 * traffic (the kubelet, etcd and Calico's VXLAN overlay, UDP 4789), and {@code <cluster>-masters}
 * on the masters, opening the API server port {@value #API_PORT} to the user's range only. No SSH:
 * nodes are reached through the Kubernetes API. Only the nodes' group carries the cloud controller
 * manager's cluster tag: it opens that one group of an instance to the balancers it makes, and
 * wants exactly one tagged group per instance.
 */
final class SecurityGroups {
  static final int API_PORT = 6443;
  private static final Logger LOG = LoggerFactory.getLogger(SecurityGroups.class);

  private final Ec2Client ec2;
  private final ClusterNames names;

  SecurityGroups(Ec2Client ec2, ClusterNames names) {
    this.ec2 = ec2;
    this.names = names;
  }

  /**
   * @param nodes the group of every node
   * @param masters the group of the masters, with the API port
   */
  record Ids(String nodes, String masters) {}

  Ids ensure(String vpcId, String apiAccessCidr) {
    var nodes =
        group(
            vpcId,
            names.nodesSecurityGroup(),
            null,
            "cncfdemo " + names.cluster() + ": traffic between nodes",
            true);
    authorize(
        nodes,
        p ->
            p.ipProtocol("-1").userIdGroupPairs(g -> g.groupId(nodes).description("node to node")));
    var masters =
        group(
            vpcId,
            names.securityGroup(NodeRole.MASTER),
            NodeRole.MASTER,
            "cncfdemo " + names.cluster() + ": Kubernetes API from " + apiAccessCidr,
            false);
    authorize(
        masters,
        p ->
            p.ipProtocol("tcp")
                .fromPort(API_PORT)
                .toPort(API_PORT)
                .ipRanges(r -> r.cidrIp(apiAccessCidr).description("Kubernetes API clients")));
    return new Ids(nodes, masters);
  }

  private String group(
      String vpcId, String name, NodeRole role, String description, boolean discoverable) {
    var found =
        ec2.describeSecurityGroups(r -> r.filters(Tags.ec2Filters(names.cluster(), name)))
            .securityGroups();
    if (!found.isEmpty()) {
      return found.get(0).groupId();
    }
    var tags = Tags.of(names.cluster(), name, role);
    var id =
        ec2.createSecurityGroup(
                r ->
                    r.vpcId(vpcId)
                        .groupName(name)
                        .description(description)
                        .tagSpecifications(
                            Tags.ec2Spec(
                                ResourceType.SECURITY_GROUP,
                                discoverable ? Tags.discoverable(tags, names.cluster()) : tags)))
            .groupId();
    LOG.info("created security group {} ({})", id, name);
    return id;
  }

  /** Adds an ingress rule; one that is already there is left as it is. */
  private void authorize(String groupId, Consumer<IpPermission.Builder> permission) {
    try {
      ec2.authorizeSecurityGroupIngress(r -> r.groupId(groupId).ipPermissions(permission));
    } catch (Ec2Exception e) {
      if (!"InvalidPermission.Duplicate".equals(e.awsErrorDetails().errorCode())) {
        throw e;
      }
    }
  }
}
