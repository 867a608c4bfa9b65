package io.cncfdemo.azure.internal;

import com.azure.resourcemanager.authorization.models.PrincipalType;
import com.azure.resourcemanager.authorization.models.RoleAssignmentCreateParameters;
import com.azure.resourcemanager.msi.fluent.models.IdentityInner;
import io.cncfdemo.bootstrap.NodeRole;
import java.util.EnumMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A user-assigned managed identity per kind of node, with the least roles it needs on the cluster's
 * resource group ({@link BuiltInRole#of}), and the cloud's identity, Contributor there, which the
 * masters carry for the Azure Disk CSI driver's controller (never the minions, where workloads
 * run). Every PUT is idempotent: the role assignments' names are derived from what they grant. The
 * principal type is given so that ARM does not wait for the new identity to replicate.
 */
final class Identities {
  /** What a scale set and its nodes need to know of an identity. */
  record Identity(String id, String principalId, String clientId, String tenantId) {}

  /**
   * The identities of a cluster.
   *
   * @param nodes each kind of node's own identity
   * @param cloud the identity of the cloud's add-ons, on the masters
   */
  record All(Map<NodeRole, Identity> nodes, Identity cloud) {}

  private static final Logger LOG = LoggerFactory.getLogger(Identities.class);

  private final AzureClients azure;
  private final AzureNames names;
  private final ResourceIds ids;

  Identities(AzureClients azure, AzureNames names, ResourceIds ids) {
    this.azure = azure;
    this.names = names;
    this.ids = ids;
  }

  All ensure() {
    var nodes = new EnumMap<NodeRole, Identity>(NodeRole.class);
    for (var role : NodeRole.values()) {
      nodes.put(role, identity(names.identity(role), role));
    }
    var cloud = identity(names.cloudIdentity(), null);
    for (var entry : nodes.entrySet()) {
      for (var builtIn : BuiltInRole.of(entry.getKey())) {
        assign(
            names.identity(entry.getKey()),
            entry.getValue(),
            builtIn,
            names.roleAssignment(entry.getKey(), builtIn.id()));
      }
    }
    assign(
        names.cloudIdentity(),
        cloud,
        BuiltInRole.CONTRIBUTOR,
        names.cloudRoleAssignment(BuiltInRole.CONTRIBUTOR.id()));
    return new All(nodes, cloud);
  }

  private Identity identity(String name, NodeRole role) {
    var inner =
        azure
            .msi()
            .serviceClient()
            .getUserAssignedIdentities()
            .createOrUpdate(
                names.resourceGroup(),
                name,
                new IdentityInner()
                    .withLocation(names.location())
                    .withTags(Tags.of(names.cluster(), role)));
    return new Identity(
        inner.id(),
        String.valueOf(inner.principalId()),
        String.valueOf(inner.clientId()),
        String.valueOf(inner.tenantId()));
  }

  private void assign(String holder, Identity identity, BuiltInRole builtIn, String name) {
    azure
        .authorization()
        .roleServiceClient()
        .getRoleAssignments()
        .create(
            Arm.path(ids.resourceGroup()),
            name,
            new RoleAssignmentCreateParameters()
                .withRoleDefinitionId(builtIn.definitionId(azure.subscription()))
                .withPrincipalId(identity.principalId())
                .withPrincipalType(PrincipalType.SERVICE_PRINCIPAL));
    LOG.info("{} has {} on {}", holder, builtIn.displayName(), names.resourceGroup());
  }
}
