package io.cncfdemo.azure.internal;

import com.azure.core.management.exception.ManagementException;
import com.azure.resourcemanager.resources.fluent.ResourcesClient;
import com.azure.resourcemanager.resources.fluent.models.GenericResourceInner;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Azure Resource Manager's generic resource operations by resource id (PUT create-or-update, GET,
 * DELETE, each a long-running operation that the SDK's poller follows), for the resource types
 * whose bodies are written here after the REST API's own shape: network, load balancer, scale sets,
 * private DNS. A PUT of the same body is idempotent, which is what makes {@code create()}
 * resumable.
 */
final class Arm {
  static final String NETWORK_API = "2024-05-01";
  static final String COMPUTE_API = "2024-07-01";
  static final String PRIVATE_DNS_API = "2020-06-01";
  private static final Logger LOG = LoggerFactory.getLogger(Arm.class);

  private final ResourcesClient resources;

  Arm(AzureClients azure) {
    this.resources = azure.resources().serviceClient().getResources();
  }

  /**
   * Creates or updates the resource, waiting for the operation to end; returns it as ARM reports
   * it.
   */
  GenericResourceInner put(String id, String apiVersion, GenericResourceInner body) {
    LOG.info("PUT {}", id);
    return resources.createOrUpdateById(path(id), apiVersion, body);
  }

  /** The resource, or empty when ARM answers 404. */
  Optional<GenericResourceInner> get(String id, String apiVersion) {
    try {
      return Optional.of(resources.getById(path(id), apiVersion));
    } catch (ManagementException e) {
      if (e.getResponse() != null && e.getResponse().getStatusCode() == 404) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /**
   * Deletes the resource, waiting for the operation to end; a resource already gone (204 or 404) is
   * not an error.
   */
  void delete(String id, String apiVersion) {
    LOG.info("DELETE {}", id);
    try {
      resources.deleteById(path(id), apiVersion);
    } catch (ManagementException e) {
      if (e.getResponse() == null || e.getResponse().getStatusCode() != 404) {
        throw e;
      }
    }
  }

  /**
   * Updates part of the resource (PATCH), e.g. a scale set's capacity, waiting for the operation to
   * end.
   */
  GenericResourceInner patch(String id, String apiVersion, GenericResourceInner body) {
    LOG.info("PATCH {}", id);
    return resources.updateById(path(id), apiVersion, body);
  }

  /**
   * A resource id as the SDK's by-id operations take it: their URL template is {@code
   * /{resourceId}}, so the id goes without its leading '/' (with it, the request path would start
   * with '//').
   */
  static String path(String id) {
    return id.startsWith("/") ? id.substring(1) : id;
  }

  /**
   * The {@code provisioningState} of a resource's properties, e.g. {@code Succeeded} or {@code
   * Failed}.
   */
  static String provisioningState(GenericResourceInner resource) {
    return resource.properties() instanceof Map<?, ?> properties
        ? String.valueOf(properties.get("provisioningState"))
        : "unknown";
  }

  static GenericResourceInner body(
      String location, Map<String, String> tags, Map<String, Object> properties) {
    return new GenericResourceInner()
        .withLocation(location)
        .withTags(tags)
        .withProperties(properties);
  }
}
