package io.cncfdemo.aws.internal;

/** One IAM role and instance profile per node role, with the policies of {@link Policies}. */
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
    return new Profiles(ensure(Role.MASTER), ensure(Role.MINION));
  }

  private String ensure(Role role) {
    var name = names.iam(role.tag());
    roles.ensureRole(name, "ec2.amazonaws.com", role, role == Role.MASTER ? policies.master() : policies.minion());
    return roles.ensureInstanceProfile(name, name, role);
  }
}
