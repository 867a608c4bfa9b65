package io.cncfdemo.aws.internal;

import io.cncfdemo.bootstrap.NodeRole;
import io.cncfdemo.support.Yaml;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Tag;

/**
 * IAM roles under the cluster's path ({@link ClusterNames#iamPath()}), each with one inline policy
 * and the managed policies it needs, and instance profiles; created when missing, their policy
 * rewritten on every run so that it is always the current one.
 */
final class IamRoles {
  static final String POLICY_NAME = "cncfdemo";
  private static final Logger LOG = LoggerFactory.getLogger(IamRoles.class);

  private final IamClient iam;
  private final ClusterNames names;

  IamRoles(IamClient iam, ClusterNames names) {
    this.iam = iam;
    this.names = names;
  }

  /**
   * A role that {@code service} (e.g. {@code ec2.amazonaws.com}) may assume, with this inline
   * policy; its ARN.
   */
  String ensureRole(String roleName, String service, NodeRole role, Map<String, Object> policy) {
    String arn;
    try {
      arn = iam.getRole(r -> r.roleName(roleName)).role().arn();
    } catch (NoSuchEntityException e) {
      arn =
          iam.createRole(
                  r ->
                      r.roleName(roleName)
                          .path(names.iamPath())
                          .assumeRolePolicyDocument(json(trust(service)))
                          .description("cncfdemo " + names.cluster() + " in " + names.region())
                          .tags(tags(roleName, role)))
              .role()
              .arn();
      LOG.info("created IAM role {}", roleName);
    }
    iam.putRolePolicy(
        r -> r.roleName(roleName).policyName(POLICY_NAME).policyDocument(json(policy)));
    return arn;
  }

  /** Attaches the managed policy {@code policyArn} to {@code roleName} unless it is already. */
  void ensureAttached(String roleName, String policyArn) {
    var attached =
        iam.listAttachedRolePoliciesPaginator(r -> r.roleName(roleName)).attachedPolicies().stream()
            .anyMatch(p -> policyArn.equals(p.policyArn()));
    if (!attached) {
      iam.attachRolePolicy(r -> r.roleName(roleName).policyArn(policyArn));
      LOG.info("attached {} to IAM role {}", policyArn, roleName);
    }
  }

  /** An instance profile holding {@code roleName}; its name. */
  String ensureInstanceProfile(String profileName, String roleName, NodeRole role) {
    List<software.amazon.awssdk.services.iam.model.Role> roles;
    try {
      roles =
          iam.getInstanceProfile(r -> r.instanceProfileName(profileName)).instanceProfile().roles();
    } catch (NoSuchEntityException e) {
      iam.createInstanceProfile(
          r ->
              r.instanceProfileName(profileName)
                  .path(names.iamPath())
                  .tags(tags(profileName, role)));
      LOG.info("created instance profile {}", profileName);
      roles = List.of();
    }
    if (roles.stream().noneMatch(r -> roleName.equals(r.roleName()))) {
      try {
        iam.addRoleToInstanceProfile(r -> r.instanceProfileName(profileName).roleName(roleName));
      } catch (EntityAlreadyExistsException e) {
        LOG.debug("role {} already in {}", roleName, profileName);
      }
    }
    return profileName;
  }

  private List<Tag> tags(String name, NodeRole role) {
    return Tags.as(
        Tags.of(names.cluster(), name, role),
        (key, value) -> Tag.builder().key(key).value(value).build());
  }

  private static Map<String, Object> trust(String service) {
    return Map.of(
        "Version",
        "2012-10-17",
        "Statement",
        List.of(
            Map.of(
                "Effect",
                "Allow",
                "Principal",
                Map.of("Service", service),
                "Action",
                "sts:AssumeRole")));
  }

  static String json(Map<String, Object> document) {
    return Yaml.serialization().asJson(document);
  }
}
