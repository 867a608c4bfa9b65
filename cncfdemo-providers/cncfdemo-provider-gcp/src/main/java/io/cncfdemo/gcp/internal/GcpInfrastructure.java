package io.cncfdemo.gcp.internal;

import com.google.cloud.compute.v1.GetGuestAttributesInstanceRequest;
import com.google.cloud.compute.v1.ManagedInstance;
import io.cncfdemo.bootstrap.NodeRole;
import io.cncfdemo.cluster.ClusterSpec;
import io.cncfdemo.cluster.GcpTarget;
import io.cncfdemo.exception.CncfDemoException;
import io.cncfdemo.support.Backoff;
import io.cncfdemo.support.Poll;
import io.cncfdemo.support.WaitTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Makes the nodes' identity (unless the target names a service account), then the Compute Engine
 * and Cloud DNS resources of a cluster, step by step, each one read first and inserted only when
 * missing (an insert that meets 409 alreadyExists counts as done), so that a run that stopped
 * half-way is continued by the next one and a second run changes nothing. Stops short of
 * Kubernetes: the nodes bootstrap themselves (see {@link GcpBootstrap}).
 */
public final class GcpInfrastructure {

  /** The steps, in order. */
  public enum Step {
    IDENTITY("the nodes' service account and its roles"),
    NETWORK("network and subnetwork"),
    FIREWALLS("firewall rules"),
    TEMPLATES("instance templates of the masters and the minions"),
    GROUPS("managed instance groups of the masters and the minions"),
    LOAD_BALANCER("internal load balancer of the API server"),
    DNS_ZONE("private DNS zone"),
    DNS_RECORDS("DNS records of the nodes");

    private final String description;

    Step(String description) {
      this.description = description;
    }

    public String description() {
      return description;
    }
  }

  /**
   * Told after each step; may throw to stop the run there (tests use this to interrupt a create).
   */
  @FunctionalInterface
  public interface StepListener {
    void done(Step step);
  }

  private GcpInfrastructure() {}

  /**
   * Creates what is missing of the cluster, telling {@code listener} after each step; returns the
   * addresses {@code minions.<cluster>.k8s} lists. The minions' record is reconciled from the
   * group's managed instances on every create (and resume) rather than by a function on instance
   * events: that needs Eventarc, Cloud Run and their IAM, none of which the fake can prove; nothing
   * in the bootstrap reads that record (the nodes find the masters at the load balancer's fixed
   * address), so it is current after each create() and may lag a group's later repairs.
   */
  public static List<String> ensure(
      GcpClients gcp, ClusterSpec spec, String apiAccessCidr, StepListener listener) {
    var names = new GcpNames(spec.name());
    var target = (GcpTarget) spec.target();
    var serviceAccount =
        target.serviceAccount().orElseGet(() -> new NodeIdentity(gcp, names).ensure());
    listener.done(Step.IDENTITY);
    var network = new NetworkSteps(gcp, names);
    network.ensureNetwork();
    listener.done(Step.NETWORK);
    network.ensureFirewalls(apiAccessCidr);
    listener.done(Step.FIREWALLS);
    var groups = new GroupSteps(gcp, names);
    groups.ensureTemplates(spec, network, serviceAccount);
    listener.done(Step.TEMPLATES);
    groups.ensureGroups(spec);
    listener.done(Step.GROUPS);
    new LoadBalancerSteps(gcp, names).ensure(network, groups);
    listener.done(Step.LOAD_BALANCER);
    var dns = new CloudDns(gcp, names);
    dns.ensureZone();
    listener.done(Step.DNS_ZONE);
    var minions = dns.reconcile(internalAddresses(gcp, groups.instances(NodeRole.MINION)));
    listener.done(Step.DNS_RECORDS);
    return minions;
  }

  /** The admin kubeconfig the first master published as a guest attribute, waiting for it. */
  public static String adminKubeconfig(
      GcpClients gcp, GcpNames names, Duration timeout, Duration poll, Consumer<String> progress) {
    var groups = new GroupSteps(gcp, names);
    progress.accept(
        "waiting for the first master to run kubeadm init and publish the admin kubeconfig");
    try {
      return Poll.with(Backoff.fixed(poll).deadline(timeout))
          .untilDone(
              "the admin kubeconfig",
              () -> {
                for (var master : groups.instances(NodeRole.MASTER)) {
                  var text =
                      guestAttribute(gcp, master.getInstance(), GcpBootstrap.ADMIN_KUBECONFIG_KEY);
                  if (text.isPresent()) {
                    progress.accept(
                        "the first master ("
                            + Links.name(master.getInstance())
                            + ") has the admin kubeconfig");
                    return Poll.done(text.get());
                  }
                }
                return Poll.notYet("no master has published it yet");
              });
    } catch (WaitTimeoutException e) {
      throw new CncfDemoException(
          "no master published the admin kubeconfig within "
              + timeout.toSeconds()
              + " s. The infrastructure is in place: see the masters' serial port output"
              + " (/var/log/cloud-init-output.log), then run create() again to go on waiting, or"
              + " destroy() to remove everything",
          e);
    }
  }

  private static Optional<String> guestAttribute(GcpClients gcp, String instanceUrl, String key) {
    var request =
        GetGuestAttributesInstanceRequest.newBuilder()
            .setProject(gcp.project)
            .setZone(Links.zoneOf(instanceUrl))
            .setInstance(Links.name(instanceUrl))
            .setQueryPath(GcpBootstrap.NAMESPACE + "/" + key)
            .build();
    return Operations.find(() -> gcp.instances.getGuestAttributes(request))
        .flatMap(
            attributes ->
                attributes.getQueryValue().getItemsList().stream()
                    .filter(item -> item.getKey().equals(key))
                    .map(item -> item.getValue())
                    .filter(v -> !v.isEmpty())
                    .findFirst());
  }

  private static List<String> internalAddresses(GcpClients gcp, List<ManagedInstance> managed) {
    var addresses = new ArrayList<String>();
    for (var instance : managed) {
      Operations.find(
              () ->
                  gcp.instances.get(
                      gcp.project,
                      Links.zoneOf(instance.getInstance()),
                      Links.name(instance.getInstance())))
          .filter(found -> found.getNetworkInterfacesCount() > 0)
          .map(found -> found.getNetworkInterfaces(0).getNetworkIP())
          .filter(ip -> !ip.isEmpty())
          .ifPresent(addresses::add);
    }
    return addresses;
  }
}
