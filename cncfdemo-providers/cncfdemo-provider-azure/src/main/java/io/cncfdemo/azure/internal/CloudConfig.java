package io.cncfdemo.azure.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cncfdemo.bootstrap.NodeRole;
import java.util.LinkedHashMap;

/**
 * The cloud config of Azure's Kubernetes add-ons ({@code /etc/kubernetes/azure.json}, in the shape
 * cloud-provider-azure reads), which the Azure Disk CSI driver takes from the secret {@value
 * DiskCsiDriver#CLOUD_CONFIG_SECRET} in {@code kube-system}: where the cluster is, its network, and
 * the managed identity to act as. No secret: the nodes get their tokens from the instance metadata
 * service for the cloud's identity.
 *
 * @param tenantId the identity's tenant
 * @param subscription the cluster's subscription
 * @param names the cluster's names
 * @param identityClientId the cloud's identity's client id
 */
public record CloudConfig(
    String tenantId, String subscription, AzureNames names, String identityClientId) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The cloud config as JSON, one key a line. */
  public String json() {
    var config = new LinkedHashMap<String, Object>();
    config.put("cloud", "AzurePublicCloud");
    config.put("tenantId", tenantId);
    config.put("subscriptionId", subscription);
    config.put("resourceGroup", names.resourceGroup());
    config.put("location", names.location());
    config.put("vmType", "vmssflex");
    config.put("vnetName", names.virtualNetwork());
    config.put("vnetResourceGroup", names.resourceGroup());
    config.put("subnetName", names.subnet(NodeRole.MINION));
    config.put("securityGroupName", names.securityGroup());
    config.put("loadBalancerSku", "standard");
    config.put("useManagedIdentityExtension", true);
    config.put("userAssignedIdentityID", identityClientId);
    config.put("useInstanceMetadata", true);
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(config) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a map of strings and booleans is JSON", e);
    }
  }
}
