package io.cncfdemo.gcp.internal;

import com.google.api.client.http.HttpResponseException;
import com.google.api.client.json.GenericJson;
import io.cncfdemo.exception.CncfDemoException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The nodes' own service account, {@link GcpNames#serviceAccountId()}, with the project roles
 * {@link #ROLES}: what the node bootstrap reads of Compute Engine and what the persistent disk CSI
 * driver needs (its documented roles/compute.storageAdmin and roles/iam.serviceAccountUser, and
 * attaching disks to instances). Made when missing (409 on a concurrent create counts as done); the
 * roles are added to the project's IAM policy by read, change, write with the policy's etag, read
 * again at once on a 409 conflict (the write itself is sent again for a while when IAM does not
 * know the account yet, and every call while Google throttles it: see {@link IdentityApi}). Removed
 * by taking the account out of every binding, then deleting it.
 */
public final class NodeIdentity {
  /** The roles bound to the nodes' service account on the project. */
  public static final List<String> ROLES =
      List.of(
          "roles/compute.instanceAdmin.v1",
          "roles/compute.storageAdmin",
          "roles/iam.serviceAccountUser");

  /** How often a policy write is tried again after another writer changed the policy. */
  static final int POLICY_ATTEMPTS = 5;

  private final GcpClients gcp;
  private final GcpNames names;

  public NodeIdentity(GcpClients gcp, GcpNames names) {
    this.gcp = gcp;
    this.names = names;
  }

  /** The account's email, made if missing, with every role bound. */
  public String ensure() {
    var email = names.serviceAccountEmail(gcp.project);
    if (gcp.identity.serviceAccount(gcp.project, email).isEmpty()) {
      gcp.identity.createServiceAccount(
          gcp.project, names.serviceAccountId(), "cncfdemo " + names.cluster() + " nodes");
    }
    changePolicy(policy -> bind(policy, "serviceAccount:" + email));
    return email;
  }

  /** Takes the account out of the project's policy and deletes it; returns "Kind name" of each. */
  public List<String> remove() {
    var email = names.serviceAccountEmail(gcp.project);
    var removed = new ArrayList<String>();
    var unbound = new ArrayList<String>();
    changePolicy(
        policy -> {
          unbound.clear();
          unbound.addAll(unbind(policy, "serviceAccount:" + email));
          return !unbound.isEmpty();
        });
    unbound.forEach(role -> removed.add(GcpPlan.IAM_BINDING + " " + role + " " + email));
    if (gcp.identity.deleteServiceAccount(gcp.project, email)) {
      removed.add(GcpPlan.SERVICE_ACCOUNT + " " + email);
    }
    return removed;
  }

  /** A change to a policy read from the project; false when it changed nothing. */
  @FunctionalInterface
  private interface PolicyChange {
    boolean apply(GenericJson policy);
  }

  private void changePolicy(PolicyChange change) {
    for (int attempt = 1; ; attempt++) {
      var policy = gcp.identity.policy(gcp.project);
      if (!change.apply(policy)) {
        return;
      }
      try {
        gcp.identity.setPolicy(gcp.project, policy);
        return;
      } catch (HttpResponseException e) {
        if (attempt == POLICY_ATTEMPTS) {
          throw new CncfDemoException(
              "the IAM policy of project "
                  + gcp.project
                  + " kept changing while it was written ("
                  + POLICY_ATTEMPTS
                  + " etag conflicts)",
              e);
        }
      }
    }
  }

  /** Adds the member to each role's binding, making the binding when missing. */
  private static boolean bind(GenericJson policy, String member) {
    var bindings = bindings(policy);
    boolean changed = false;
    for (var role : ROLES) {
      var binding =
          bindings.stream()
              .filter(b -> role.equals(b.get("role")) && !b.containsKey("condition"))
              .findFirst();
      if (binding.isPresent()) {
        var members = members(binding.get());
        if (!members.contains(member)) {
          members.add(member);
          binding.get().put("members", members);
          changed = true;
        }
      } else {
        var made = new LinkedHashMap<String, Object>();
        made.put("role", role);
        made.put("members", new ArrayList<>(List.of(member)));
        bindings.add(made);
        changed = true;
      }
    }
    policy.put("bindings", bindings);
    return changed;
  }

  /** Takes the member out of every binding (dropping bindings left empty); the roles it had. */
  private static List<String> unbind(GenericJson policy, String member) {
    var roles = new ArrayList<String>();
    var kept = new ArrayList<Map<String, Object>>();
    for (var binding : bindings(policy)) {
      var members = members(binding);
      if (members.remove(member)) {
        roles.add(String.valueOf(binding.get("role")));
      }
      if (!members.isEmpty()) {
        binding.put("members", members);
        kept.add(binding);
      }
    }
    policy.put("bindings", kept);
    return roles;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> bindings(GenericJson policy) {
    var out = new ArrayList<Map<String, Object>>();
    if (policy.get("bindings") instanceof List<?> list) {
      for (var item : list) {
        if (item instanceof Map<?, ?> binding) {
          out.add(new LinkedHashMap<>((Map<String, Object>) binding));
        }
      }
    }
    return out;
  }

  private static List<String> members(Map<String, Object> binding) {
    var out = new ArrayList<String>();
    if (binding.get("members") instanceof List<?> list) {
      list.forEach(member -> out.add(String.valueOf(member)));
    }
    return out;
  }
}
