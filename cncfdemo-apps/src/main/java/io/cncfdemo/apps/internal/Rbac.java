package io.cncfdemo.apps.internal;

import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import java.util.List;
import java.util.Map;

/** Service accounts, roles and bindings, least privilege spelled out rule by rule. */
public final class Rbac {
  private static final String API_GROUP = "rbac.authorization.k8s.io";

  private Rbac() {}

  /** A rule: these verbs on these resources of one API group ({@code ""} is the core group). */
  public static PolicyRule rule(String apiGroup, List<String> resources, String... verbs) {
    return new PolicyRuleBuilder()
        .withApiGroups(apiGroup)
        .withResources(resources)
        .withVerbs(verbs)
        .build();
  }

  /** A rule limited to the objects of these names. */
  public static PolicyRule named(
      String apiGroup, String resource, List<String> names, String... verbs) {
    return new PolicyRuleBuilder()
        .withApiGroups(apiGroup)
        .withResources(resource)
        .withResourceNames(names)
        .withVerbs(verbs)
        .build();
  }

  /**
   * A service account in {@code namespace} whose token pods mount (they talk to the API server).
   */
  public static ServiceAccount account(String name, String namespace, Map<String, String> labels) {
    return new ServiceAccountBuilder()
        .withMetadata(KubeObjects.meta(name, namespace, labels))
        .withAutomountServiceAccountToken(true)
        .build();
  }

  public static ClusterRole clusterRole(
      String name, Map<String, String> labels, PolicyRule... rules) {
    return new ClusterRoleBuilder()
        .withMetadata(KubeObjects.meta(name, labels))
        .withRules(rules)
        .build();
  }

  public static Role role(
      String name, String namespace, Map<String, String> labels, PolicyRule... rules) {
    return new RoleBuilder()
        .withMetadata(KubeObjects.meta(name, namespace, labels))
        .withRules(rules)
        .build();
  }

  /**
   * Binds the ClusterRole {@code role} to the service account {@code account} of {@code namespace}.
   */
  public static ClusterRoleBinding clusterBinding(
      String name, Map<String, String> labels, String role, String account, String namespace) {
    return new ClusterRoleBindingBuilder()
        .withMetadata(KubeObjects.meta(name, labels))
        .withNewRoleRef()
        .withApiGroup(API_GROUP)
        .withKind("ClusterRole")
        .withName(role)
        .endRoleRef()
        .addNewSubject()
        .withKind("ServiceAccount")
        .withName(account)
        .withNamespace(namespace)
        .endSubject()
        .build();
  }

  /**
   * Binds the Role (or, with {@code kind} ClusterRole, the ClusterRole) {@code role} in {@code
   * namespace}.
   */
  public static RoleBinding binding(
      String name,
      String namespace,
      Map<String, String> labels,
      String kind,
      String role,
      String account,
      String accountNamespace) {
    return new RoleBindingBuilder()
        .withMetadata(KubeObjects.meta(name, namespace, labels))
        .withNewRoleRef()
        .withApiGroup(API_GROUP)
        .withKind(kind)
        .withName(role)
        .endRoleRef()
        .addNewSubject()
        .withKind("ServiceAccount")
        .withName(account)
        .withNamespace(accountNamespace)
        .endSubject()
        .build();
  }
}
