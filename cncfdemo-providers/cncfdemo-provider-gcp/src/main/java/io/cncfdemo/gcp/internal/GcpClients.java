package io.cncfdemo.gcp.internal;

import com.google.api.client.http.HttpRequestInitializer;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.gax.core.CredentialsProvider;
import com.google.api.gax.longrunning.OperationTimedPollAlgorithm;
import com.google.api.gax.retrying.RetrySettings;
import com.google.api.gax.rpc.ClientSettings;
import com.google.api.gax.rpc.OperationCallSettings;
import com.google.api.services.dns.Dns;
import com.google.cloud.compute.v1.AddressesClient;
import com.google.cloud.compute.v1.AddressesSettings;
import com.google.cloud.compute.v1.FirewallsClient;
import com.google.cloud.compute.v1.FirewallsSettings;
import com.google.cloud.compute.v1.ForwardingRulesClient;
import com.google.cloud.compute.v1.ForwardingRulesSettings;
import com.google.cloud.compute.v1.InstanceTemplatesClient;
import com.google.cloud.compute.v1.InstanceTemplatesSettings;
import com.google.cloud.compute.v1.InstancesClient;
import com.google.cloud.compute.v1.InstancesSettings;
import com.google.cloud.compute.v1.MachineTypesClient;
import com.google.cloud.compute.v1.MachineTypesSettings;
import com.google.cloud.compute.v1.NetworksClient;
import com.google.cloud.compute.v1.NetworksSettings;
import com.google.cloud.compute.v1.RegionBackendServicesClient;
import com.google.cloud.compute.v1.RegionBackendServicesSettings;
import com.google.cloud.compute.v1.RegionHealthChecksClient;
import com.google.cloud.compute.v1.RegionHealthChecksSettings;
import com.google.cloud.compute.v1.RegionInstanceGroupManagersClient;
import com.google.cloud.compute.v1.RegionInstanceGroupManagersSettings;
import com.google.cloud.compute.v1.RegionsClient;
import com.google.cloud.compute.v1.RegionsSettings;
import com.google.cloud.compute.v1.SubnetworksClient;
import com.google.cloud.compute.v1.SubnetworksSettings;
import com.google.cloud.compute.v1.ZonesClient;
import com.google.cloud.compute.v1.ZonesSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The Compute Engine clients (HTTP/JSON), the Cloud DNS client and the IAM calls of one project,
 * sharing one credential; all point at Google unless an endpoint is given (the tests' fake on
 * 127.0.0.1, plain HTTP). Closed together.
 */
public final class GcpClients implements AutoCloseable {
  public final String project;
  public final String zone;
  public final String region;
  public final NetworksClient networks;
  public final SubnetworksClient subnetworks;
  public final FirewallsClient firewalls;
  public final InstanceTemplatesClient templates;
  public final RegionInstanceGroupManagersClient groups;
  public final InstancesClient instances;
  public final AddressesClient addresses;
  public final RegionHealthChecksClient healthChecks;
  public final RegionBackendServicesClient backendServices;
  public final ForwardingRulesClient forwardingRules;
  public final ZonesClient zones;
  public final RegionsClient regions;
  public final MachineTypesClient machineTypes;
  public final Dns dns;
  final IdentityApi identity;
  private final List<AutoCloseable> closeables = new ArrayList<>();

  /**
   * @param computeEndpoint e.g. {@code http://127.0.0.1:PORT}; empty for Google's
   * @param dnsRootUrl e.g. {@code http://127.0.0.1:PORT/}; empty for Google's
   * @param identityRootUrl e.g. {@code http://127.0.0.1:PORT/}, for both the IAM and the Resource
   *     Manager API; empty for Google's
   * @param operationPoll how often to poll operations; empty for the client's default (from 0.5 s,
   *     growing)
   */
  public GcpClients(
      String project,
      String zone,
      String region,
      CredentialsProvider credentials,
      HttpRequestInitializer dnsCredentials,
      Optional<URI> computeEndpoint,
      Optional<URI> dnsRootUrl,
      Optional<URI> identityRootUrl,
      Optional<Duration> operationPoll) {
    this.project = project;
    this.zone = zone;
    this.region = region;
    try {
      networks =
          add(
              NetworksClient.create(
                  configure(
                      polled(
                          NetworksSettings.newBuilder(),
                          NetworksSettings.Builder::insertOperationSettings,
                          NetworksSettings.Builder::deleteOperationSettings,
                          operationPoll),
                      credentials,
                      computeEndpoint)));
      subnetworks =
          add(
              SubnetworksClient.create(
                  configure(
                      polled(
                          SubnetworksSettings.newBuilder(),
                          SubnetworksSettings.Builder::insertOperationSettings,
                          SubnetworksSettings.Builder::deleteOperationSettings,
                          operationPoll),
                      credentials,
                      computeEndpoint)));
      firewalls =
          add(
              FirewallsClient.create(
                  configure(
                      polled(
                          FirewallsSettings.newBuilder(),
                          FirewallsSettings.Builder::insertOperationSettings,
                          FirewallsSettings.Builder::deleteOperationSettings,
                          operationPoll),
                      credentials,
                      computeEndpoint)));
      templates =
          add(
              InstanceTemplatesClient.create(
                  configure(
                      polled(
                          InstanceTemplatesSettings.newBuilder(),
                          InstanceTemplatesSettings.Builder::insertOperationSettings,
                          InstanceTemplatesSettings.Builder::deleteOperationSettings,
                          operationPoll),
                      credentials,
                      computeEndpoint)));
      groups =
          add(
              RegionInstanceGroupManagersClient.create(
                  configure(
                      polled(
                          RegionInstanceGroupManagersSettings.newBuilder(),
                          RegionInstanceGroupManagersSettings.Builder::insertOperationSettings,
                          RegionInstanceGroupManagersSettings.Builder::deleteOperationSettings,
                          operationPoll),
                      credentials,
                      computeEndpoint)));
      instances =
          add(
              InstancesClient.create(
                  configure(InstancesSettings.newBuilder(), credentials, computeEndpoint)));
      addresses =
          add(
              AddressesClient.create(
                  configure(
                      polled(
                          AddressesSettings.newBuilder(),
                          AddressesSettings.Builder::insertOperationSettings,
                          AddressesSettings.Builder::deleteOperationSettings,
                          operationPoll),
                      credentials,
                      computeEndpoint)));
      healthChecks =
          add(
              RegionHealthChecksClient.create(
                  configure(
                      polled(
                          RegionHealthChecksSettings.newBuilder(),
                          RegionHealthChecksSettings.Builder::insertOperationSettings,
                          RegionHealthChecksSettings.Builder::deleteOperationSettings,
                          operationPoll),
                      credentials,
                      computeEndpoint)));
      backendServices =
          add(
              RegionBackendServicesClient.create(
                  configure(
                      polled(
                          RegionBackendServicesSettings.newBuilder(),
                          RegionBackendServicesSettings.Builder::insertOperationSettings,
                          RegionBackendServicesSettings.Builder::deleteOperationSettings,
                          operationPoll),
                      credentials,
                      computeEndpoint)));
      forwardingRules =
          add(
              ForwardingRulesClient.create(
                  configure(
                      polled(
                          ForwardingRulesSettings.newBuilder(),
                          ForwardingRulesSettings.Builder::insertOperationSettings,
                          ForwardingRulesSettings.Builder::deleteOperationSettings,
                          operationPoll),
                      credentials,
                      computeEndpoint)));
      zones =
          add(
              ZonesClient.create(
                  configure(ZonesSettings.newBuilder(), credentials, computeEndpoint)));
      regions =
          add(
              RegionsClient.create(
                  configure(RegionsSettings.newBuilder(), credentials, computeEndpoint)));
      machineTypes =
          add(
              MachineTypesClient.create(
                  configure(MachineTypesSettings.newBuilder(), credentials, computeEndpoint)));
    } catch (IOException e) {
      close();
      throw new UncheckedIOException(
          "could not make the Compute Engine clients: " + e.getMessage(), e);
    }
    var builder =
        new Dns.Builder(new NetHttpTransport(), GsonFactory.getDefaultInstance(), dnsCredentials)
            .setApplicationName("cncfdemo");
    dnsRootUrl.ifPresent(url -> builder.setRootUrl(url.toString()));
    dns = builder.build();
    identity =
        new IdentityApi(
            new NetHttpTransport().createRequestFactory(dnsCredentials),
            identityRootUrl.map(URI::toString).orElse(IdentityApi.IAM_ROOT),
            identityRootUrl.map(URI::toString).orElse(IdentityApi.RESOURCE_MANAGER_ROOT),
            IdentityApi.RETRIED);
  }

  private static <S extends ClientSettings<S>, B extends ClientSettings.Builder<S, B>> S configure(
      B builder, CredentialsProvider credentials, Optional<URI> endpoint) throws IOException {
    builder.setCredentialsProvider(credentials);
    endpoint.ifPresent(url -> builder.setEndpoint(url.toString()));
    return builder.build();
  }

  /**
   * The builder, with its insert and delete operations polled every {@code interval} when one is
   * given.
   */
  private static <B> B polled(
      B builder,
      Function<B, OperationCallSettings.Builder<?, ?, ?>> insert,
      Function<B, OperationCallSettings.Builder<?, ?, ?>> delete,
      Optional<Duration> interval) {
    interval.ifPresent(
        every -> {
          var algorithm =
              OperationTimedPollAlgorithm.create(
                  RetrySettings.newBuilder()
                      .setInitialRetryDelayDuration(every)
                      .setRetryDelayMultiplier(1.0)
                      .setMaxRetryDelayDuration(every)
                      .setInitialRpcTimeoutDuration(Duration.ZERO)
                      .setRpcTimeoutMultiplier(1.0)
                      .setMaxRpcTimeoutDuration(Duration.ZERO)
                      .setTotalTimeoutDuration(Duration.ofMinutes(5))
                      .build());
          insert.apply(builder).setPollingAlgorithm(algorithm);
          delete.apply(builder).setPollingAlgorithm(algorithm);
        });
    return builder;
  }

  private <T extends AutoCloseable> T add(T client) {
    closeables.add(client);
    return client;
  }

  @Override
  public void close() {
    for (var client : closeables) {
      try {
        client.close();
      } catch (Exception e) {
        // closing a client releases its executor; nothing is left to do when that fails
      }
    }
  }
}
