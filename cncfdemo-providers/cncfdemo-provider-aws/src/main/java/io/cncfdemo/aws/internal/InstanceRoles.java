package io.cncfdemo.aws.internal;

import io.cncfdemo.bootstrap.NodeRole;

/**
 * One IAM role and instance profile per node role, with the policies of {@link Policies}; the
 * masters' also with the EBS CSI driver's managed policy (its controller runs there, see {@link
 * ClusterAddons}).
 */
final class InstanceRoles {
  private final IamRoles roles;
  private final ClusterNames names;
  private final Policies policies;

  InstanceRoles(IamRoles roles, ClusterNames names, Policies policies) {
    this.roles = roles;
    this.names = names;
    this.policies = policies;
  }

  /**
   * @param masterProfile the instance profile of the masters
   * @param minionProfile the instance profile of the minions
   */
  record Profiles(String masterProfile, String minionProfile) {}

  Profiles ensure() {
    return new Profiles(ensure(NodeRole.MASTER), ensure(NodeRole.MINION));
  }

  private String ensure(NodeRole role) {
    var name = names.iam(role.tag());
    roles.ensureRole(
        name,
        "ec2.amazonaws.com",
        role,
        role == NodeRole.MASTER ? policies.master() : policies.minion());
    if (role == NodeRole.MASTER) {
      roles.ensureAttached(name, policies.ebsCsiDriver());
    }
    return roles.ensureInstanceProfile(name, name, role);
  }
}
