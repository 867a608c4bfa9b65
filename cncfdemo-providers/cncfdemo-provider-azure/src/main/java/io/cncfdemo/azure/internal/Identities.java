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
 * resource group ({@link BuiltInRole#of}). Both PUTs are idempotent: the role assignments' names
 * are derived from what they grant. The principal type is given so that ARM does not wait for the
 * new identity to replicate.
 */
final class Identities {
  /** What a scale set and its nodes need to know of their identity. */
  record Identity(String id, String principalId, String clientId) {}

  private static final Logger LOG = LoggerFactory.getLogger(Identities.class);

  private final AzureClients azure;
  private final AzureNames names;
  private final ResourceIds ids;

  Identities(AzureClients azure, AzureNames names, ResourceIds ids) {
    this.azure = azure;
    this.names = names;
    this.ids = ids;
  }

  Map<NodeRole, Identity> ensure() {
    var identities = new EnumMap<NodeRole, Identity>(NodeRole.class);
    for (var role : NodeRole.values()) {
      var inner =
          azure
              .msi()
              .serviceClient()
              .getUserAssignedIdentities()
              .createOrUpdate(
                  names.resourceGroup(),
                  names.identity(role),
                  new IdentityInner()
                      .withLocation(names.location())
                      .withTags(Tags.of(names.cluster(), role)));
      identities.put(
          role,
          new Identity(
              inner.id(), String.valueOf(inner.principalId()), String.valueOf(inner.clientId())));
    }
    for (var entry : identities.entrySet()) {
      for (var builtIn : BuiltInRole.of(entry.getKey())) {
        var definition = builtIn.definitionId(azure.subscription());
        azure
            .authorization()
            .roleServiceClient()
            .getRoleAssignments()
            .create(
                Arm.path(ids.resourceGroup()),
                names.roleAssignment(entry.getKey(), builtIn.id()),
                new RoleAssignmentCreateParameters()
                    .withRoleDefinitionId(definition)
                    .withPrincipalId(entry.getValue().principalId())
                    .withPrincipalType(PrincipalType.SERVICE_PRINCIPAL));
        LOG.info(
            "{} has {} on {}",
            names.identity(entry.getKey()),
            builtIn.displayName(),
            names.resourceGroup());
      }
    }
    return identities;
  }
}
