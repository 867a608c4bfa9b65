package io.cncfdemo.azure.internal;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpPipeline;
import com.azure.core.management.AzureEnvironment;
import com.azure.core.management.profile.AzureProfile;
import com.azure.resourcemanager.authorization.AuthorizationManager;
import com.azure.resourcemanager.compute.ComputeManager;
import com.azure.resourcemanager.msi.MsiManager;
import com.azure.resourcemanager.network.NetworkManager;
import com.azure.resourcemanager.resources.ResourceManager;
import com.azure.resourcemanager.resources.fluentcore.utils.HttpPipelineProvider;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;

/**
 * The Azure resource managers of one subscription, sharing one production HTTP pipeline
 * (bearer-token policy, retry policy that honours {@code Retry-After}, one HTTP client). The
 * resource-manager endpoint is Azure's own unless given, e.g. a local fake of ARM.
 */
public final class AzureClients {
  private final String subscription;
  private final TokenCredential credential;
  private final AzureProfile profile;
  private final ResourceManager resources;
  private final ComputeManager compute;
  private final NetworkManager network;
  private final MsiManager msi;
  private final AuthorizationManager authorization;

  public AzureClients(
      String subscription,
      TokenCredential credential,
      Optional<URI> endpoint,
      HttpClient httpClient) {
    this.subscription = subscription;
    this.credential = credential;
    this.profile = new AzureProfile(null, subscription, environment(endpoint));
    HttpPipeline pipeline =
        HttpPipelineProvider.buildHttpPipeline(
            credential, profile, null, null, null, null, List.of(), httpClient);
    this.resources = ResourceManager.authenticate(pipeline, profile).withSubscription(subscription);
    this.compute = ComputeManager.authenticate(pipeline, profile);
    this.network = NetworkManager.authenticate(pipeline, profile);
    this.msi = MsiManager.authenticate(pipeline, profile);
    this.authorization = AuthorizationManager.authenticate(pipeline, profile);
  }

  /** Azure's public cloud, with the resource-manager endpoint replaced when one is given. */
  static AzureEnvironment environment(Optional<URI> endpoint) {
    if (endpoint.isEmpty()) {
      return AzureEnvironment.AZURE;
    }
    var endpoints = new HashMap<>(AzureEnvironment.AZURE.getEndpoints());
    var url = endpoint.get().toString();
    endpoints.put("resourceManagerEndpointUrl", url.endsWith("/") ? url : url + "/");
    return new AzureEnvironment(endpoints);
  }

  public String subscription() {
    return subscription;
  }

  public TokenCredential credential() {
    return credential;
  }

  public AzureProfile profile() {
    return profile;
  }

  public ResourceManager resources() {
    return resources;
  }

  public ComputeManager compute() {
    return compute;
  }

  public NetworkManager network() {
    return network;
  }

  public MsiManager msi() {
    return msi;
  }

  public AuthorizationManager authorization() {
    return authorization;
  }
}
