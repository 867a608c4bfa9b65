package io.cncfdemo.azure.internal;

import com.azure.resourcemanager.resources.fluent.models.ResourceGroupInner;
import io.cncfdemo.cluster.AzureTarget;
import io.cncfdemo.cluster.ClusterSpec;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * Makes the Azure resources of a cluster, step by step, each an idempotent ARM create-or-update, so
 * that a run that failed half-way is continued by the next one and a second run changes nothing.
 * Stops short of Kubernetes: the nodes bootstrap themselves (see {@link AzureBootstrap}).
 */
public final class AzureInfrastructure {

  /** The steps, in order. */
  public enum Step {
    RESOURCE_GROUP("resource group"),
    IDENTITIES("managed identities and their role assignments"),
    NETWORK("virtual network and subnets"),
    SECURITY_GROUP("network security group"),
    LOAD_BALANCER("internal load balancer of the API server"),
    DNS_ZONE("private DNS zone and its network link"),
    SCALE_SETS("VM scale sets of the masters and the minions"),
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

  /**
   * What was made.
   *
   * @param resourceGroup the cluster's resource group
   * @param minionAddresses the addresses {@code minions.<cluster>.k8s} lists
   */
  public record Description(String resourceGroup, List<String> minionAddresses) {}

  private AzureInfrastructure() {}

  /** Creates or updates every resource of the cluster, telling {@code listener} after each step. */
  public static Description ensure(
      AzureClients azure, ClusterSpec spec, String sshPublicKey, StepListener listener) {
    var target = (AzureTarget) spec.target();
    var names = new AzureNames(spec.name(), target.location());
    var ids = new ResourceIds(azure.subscription(), names);
    var arm = new Arm(azure);
    var apiAccessCidr = Preflight.apiAccessCidr(target);

    azure
        .resources()
        .serviceClient()
        .getResourceGroups()
        .createOrUpdate(
            names.resourceGroup(),
            new ResourceGroupInner()
                .withLocation(names.location())
                .withTags(Tags.of(names.cluster(), null)));
    listener.done(Step.RESOURCE_GROUP);
    var identities = new Identities(azure, names, ids).ensure();
    listener.done(Step.IDENTITIES);
    new Network(arm, names, ids).ensure();
    listener.done(Step.NETWORK);
    new SecurityRules(arm, names, ids).ensure(apiAccessCidr);
    listener.done(Step.SECURITY_GROUP);
    var loadBalancer = new ApiLoadBalancer(arm, names, ids);
    loadBalancer.ensure();
    listener.done(Step.LOAD_BALANCER);
    var dns = new PrivateDns(arm, names, ids);
    dns.ensureZone();
    listener.done(Step.DNS_ZONE);
    var vms = new ClusterVms(azure, names, ids);
    var secrets = new JoinSecretsSource(new RunCommand(azure, names.resourceGroup()), vms);
    new ScaleSets(arm, azure, names, ids)
        .ensure(spec, identities, sshPublicKey, loadBalancer.backendPool(), secrets::get);
    listener.done(Step.SCALE_SETS);
    var minions = new DnsRecords(dns, vms).reconcile();
    listener.done(Step.DNS_RECORDS);
    return new Description(names.resourceGroup(), minions);
  }

  /** The admin kubeconfig, once the first master has it; see {@link AdminKubeconfig}. */
  public static String adminKubeconfig(
      AzureClients azure,
      AzureNames names,
      Duration timeout,
      Duration poll,
      Consumer<String> progress) {
    var ids = new ResourceIds(azure.subscription(), names);
    return new AdminKubeconfig(
            new RunCommand(azure, names.resourceGroup()), new ClusterVms(azure, names, ids))
        .await(timeout, poll, progress);
  }
}
