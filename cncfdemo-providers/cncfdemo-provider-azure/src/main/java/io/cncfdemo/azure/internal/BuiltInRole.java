package io.cncfdemo.azure.internal;

import io.cncfdemo.bootstrap.NodeRole;
import java.util.List;

/**
 * The built-in Azure roles the nodes' identities get, on the cluster's resource group only: every
 * node may read it (to find the first master, its own public address and the CA hash the first
 * master publishes); masters may also write tags, which is how the first master publishes that
 * hash. The cloud's identity, which the Azure Disk CSI driver's controller uses from the masters,
 * is Contributor there, as the driver's documentation advises for a self-managed cluster: it
 * creates, attaches and deletes the volumes' disks. Nothing beyond the resource group.
 *
 * @param displayName the role's name in Azure
 * @param id the role definition's GUID, the same in every subscription
 */
public record BuiltInRole(String displayName, String id) {
  public static final BuiltInRole READER =
      new BuiltInRole("Reader", "acdd72a7-3385-48ef-bd42-f606fba81ae7");
  public static final BuiltInRole TAG_CONTRIBUTOR =
      new BuiltInRole("Tag Contributor", "4a9ae827-6dc8-4573-8ac7-8239d42aa03f");

  public static final BuiltInRole CONTRIBUTOR =
      new BuiltInRole("Contributor", "b24988ac-6180-42a0-ab88-20f7382dd24c");

  /** The roles of one kind of node. */
  public static List<BuiltInRole> of(NodeRole role) {
    return role == NodeRole.MASTER ? List.of(READER, TAG_CONTRIBUTOR) : List.of(READER);
  }

  /** The role definition's resource id in a subscription. */
  public String definitionId(String subscription) {
    return "/subscriptions/"
        + subscription
        + "/providers/Microsoft.Authorization/roleDefinitions/"
        + id;
  }
}
