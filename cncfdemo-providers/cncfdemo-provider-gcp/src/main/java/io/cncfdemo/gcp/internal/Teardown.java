package io.cncfdemo.gcp.internal;

import com.google.api.gax.longrunning.OperationFuture;
import com.google.cloud.compute.v1.Firewall;
import com.google.cloud.compute.v1.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.StreamSupport;

/**
 * Deletes a cluster's resources, found by listing each collection and keeping what carries the
 * cluster's name prefix or label, in the order their references allow: forwarding rules, backend
 * services (which hold the masters' group), health checks, instance groups (with their instances
 * and disks), templates, addresses, the DNS zone and its records, firewall rules (also the {@code
 * k8s-*} rules Kubernetes' cloud integration adds on the cluster's network, which would keep the
 * network from being deleted), subnetwork, network, and last the nodes' service account with its
 * role bindings (see {@link NodeIdentity}). What is gone already is skipped; returns "Kind name" of
 * each removed resource.
 */
public final class Teardown {
  private final GcpClients gcp;
  private final GcpNames names;
  private final List<String> removed = new ArrayList<>();

  public Teardown(GcpClients gcp, GcpNames names) {
    this.gcp = gcp;
    this.names = names;
  }

  public List<String> run() {
    var project = gcp.project;
    var region = gcp.region;
    for (var rule :
        own(
            gcp.forwardingRules.list(project, region).iterateAll(),
            r -> r.getName(),
            r -> r.getLabelsMap())) {
      delete(
          GcpPlan.FORWARDING_RULE,
          rule,
          () -> gcp.forwardingRules.deleteAsync(project, region, rule));
    }
    for (var service :
        own(
            gcp.backendServices.list(project, region).iterateAll(),
            s -> s.getName(),
            unlabelled -> Map.of())) {
      delete(
          GcpPlan.BACKEND_SERVICE,
          service,
          () -> gcp.backendServices.deleteAsync(project, region, service));
    }
    for (var check :
        own(
            gcp.healthChecks.list(project, region).iterateAll(),
            c -> c.getName(),
            unlabelled -> Map.of())) {
      delete(
          GcpPlan.HEALTH_CHECK, check, () -> gcp.healthChecks.deleteAsync(project, region, check));
    }
    for (var group :
        own(
            gcp.groups.list(project, region).iterateAll(),
            g -> g.getName(),
            unlabelled -> Map.of())) {
      delete(
          GcpPlan.INSTANCE_GROUP_MANAGER,
          group,
          () -> gcp.groups.deleteAsync(project, region, group));
    }
    for (var template :
        own(
            gcp.templates.list(project).iterateAll(),
            t -> t.getName(),
            t -> t.getProperties().getLabelsMap())) {
      delete(
          GcpPlan.INSTANCE_TEMPLATE, template, () -> gcp.templates.deleteAsync(project, template));
    }
    for (var address :
        own(
            gcp.addresses.list(project, region).iterateAll(),
            a -> a.getName(),
            a -> a.getLabelsMap())) {
      delete(GcpPlan.ADDRESS, address, () -> gcp.addresses.deleteAsync(project, region, address));
    }
    removed.addAll(new CloudDns(gcp, names).delete());
    for (var firewall : firewalls()) {
      delete(GcpPlan.FIREWALL, firewall, () -> gcp.firewalls.deleteAsync(project, firewall));
    }
    for (var subnetwork :
        own(
            gcp.subnetworks.list(project, region).iterateAll(),
            s -> s.getName(),
            unlabelled -> Map.of())) {
      delete(
          GcpPlan.SUBNETWORK,
          subnetwork,
          () -> gcp.subnetworks.deleteAsync(project, region, subnetwork));
    }
    for (var network :
        own(gcp.networks.list(project).iterateAll(), n -> n.getName(), unlabelled -> Map.of())) {
      delete(GcpPlan.NETWORK, network, () -> gcp.networks.deleteAsync(project, network));
    }
    removed.addAll(new NodeIdentity(gcp, names).remove());
    return List.copyOf(removed);
  }

  /** The cluster's rules and the Kubernetes cloud integration's rules on the cluster's network. */
  private List<String> firewalls() {
    var network = Links.network(gcp.project, names.network());
    var all = new ArrayList<String>();
    for (Firewall rule : gcp.firewalls.list(gcp.project).iterateAll()) {
      var onOurNetwork =
          rule.getNetwork().equals(network) || rule.getNetwork().endsWith("/" + network);
      if (names.owns(rule.getName())
          || rule.getName().startsWith(Firewalls.KUBERNETES_PREFIX) && onOurNetwork) {
        all.add(rule.getName());
      }
    }
    return all;
  }

  private <T> List<String> own(
      Iterable<T> items, Function<T, String> name, Function<T, Map<String, String>> labels) {
    return StreamSupport.stream(items.spliterator(), false)
        .filter(
            item ->
                names.owns(name.apply(item))
                    || names.cluster().equals(labels.apply(item).get(GcpNames.CLUSTER_LABEL)))
        .map(name)
        .toList();
  }

  private void delete(
      String kind, String name, Supplier<OperationFuture<Operation, Operation>> call) {
    if (Operations.delete("delete " + kind + " " + name, call)) {
      removed.add(kind + " " + name);
    }
  }
}
