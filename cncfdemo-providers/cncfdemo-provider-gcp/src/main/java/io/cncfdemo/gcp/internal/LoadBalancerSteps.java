package io.cncfdemo.gcp.internal;

import com.google.cloud.compute.v1.Address;
import com.google.cloud.compute.v1.Backend;
import com.google.cloud.compute.v1.BackendService;
import com.google.cloud.compute.v1.ForwardingRule;
import com.google.cloud.compute.v1.HealthCheck;
import com.google.cloud.compute.v1.TCPHealthCheck;
import io.cncfdemo.bootstrap.NodeRole;

/**
 * The internal passthrough load balancer of the API server: a static internal address ({@value
 * GcpNames#API_ADDRESS}), a regional TCP health check, a regional internal backend service with the
 * masters' instance group, and a forwarding rule for TCP {@value Firewalls#API_PORT}.
 */
final class LoadBalancerSteps {
  private final GcpClients gcp;
  private final GcpNames names;

  LoadBalancerSteps(GcpClients gcp, GcpNames names) {
    this.gcp = gcp;
    this.names = names;
  }

  void ensure(NetworkSteps network, GroupSteps groups) {
    var labels = NodeTemplates.labels(names, NodeRole.MASTER);
    if (Operations.find(() -> gcp.addresses.get(gcp.project, gcp.region, names.apiAddress()))
        .isEmpty()) {
      var address =
          Address.newBuilder()
              .setName(names.apiAddress())
              .setAddressType("INTERNAL")
              .setAddress(GcpNames.API_ADDRESS)
              .setSubnetwork(network.subnetworkLink())
              .setPurpose("GCE_ENDPOINT")
              .putAllLabels(labels)
              .build();
      Operations.insert(
          "reserve internal address " + address.getName(),
          () -> gcp.addresses.insertAsync(gcp.project, gcp.region, address));
    }
    if (Operations.find(() -> gcp.healthChecks.get(gcp.project, gcp.region, names.healthCheck()))
        .isEmpty()) {
      var check =
          HealthCheck.newBuilder()
              .setName(names.healthCheck())
              .setType("TCP")
              .setRegion(gcp.region)
              .setCheckIntervalSec(5)
              .setTimeoutSec(5)
              .setHealthyThreshold(2)
              .setUnhealthyThreshold(3)
              .setTcpHealthCheck(TCPHealthCheck.newBuilder().setPort(Firewalls.API_PORT))
              .build();
      Operations.insert(
          "create health check " + check.getName(),
          () -> gcp.healthChecks.insertAsync(gcp.project, gcp.region, check));
    }
    if (Operations.find(
            () -> gcp.backendServices.get(gcp.project, gcp.region, names.backendService()))
        .isEmpty()) {
      var service =
          BackendService.newBuilder()
              .setName(names.backendService())
              .setLoadBalancingScheme("INTERNAL")
              .setProtocol("TCP")
              .setRegion(gcp.region)
              .setNetwork(network.networkLink())
              .addHealthChecks(Links.healthCheck(gcp.project, gcp.region, names.healthCheck()))
              .addBackends(
                  Backend.newBuilder()
                      .setGroup(groups.mastersInstanceGroup())
                      .setBalancingMode("CONNECTION"))
              .build();
      Operations.insert(
          "create backend service " + service.getName(),
          () -> gcp.backendServices.insertAsync(gcp.project, gcp.region, service));
    }
    if (Operations.find(
            () -> gcp.forwardingRules.get(gcp.project, gcp.region, names.forwardingRule()))
        .isEmpty()) {
      var rule =
          ForwardingRule.newBuilder()
              .setName(names.forwardingRule())
              .setLoadBalancingScheme("INTERNAL")
              .setIPAddress(Links.address(gcp.project, gcp.region, names.apiAddress()))
              .setIPProtocol("TCP")
              .addPorts(String.valueOf(Firewalls.API_PORT))
              .setBackendService(
                  Links.backendService(gcp.project, gcp.region, names.backendService()))
              .setNetwork(network.networkLink())
              .setSubnetwork(network.subnetworkLink())
              .putAllLabels(labels)
              .build();
      Operations.insert(
          "create forwarding rule " + rule.getName(),
          () -> gcp.forwardingRules.insertAsync(gcp.project, gcp.region, rule));
    }
  }
}
