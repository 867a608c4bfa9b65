package io.cncfdemo.gcp.internal;

import com.google.cloud.compute.v1.DistributionPolicy;
import com.google.cloud.compute.v1.DistributionPolicyZoneConfiguration;
import com.google.cloud.compute.v1.InstanceGroupManager;
import com.google.cloud.compute.v1.InstanceTemplate;
import com.google.cloud.compute.v1.ManagedInstance;
import io.cncfdemo.bootstrap.JoinSecrets;
import io.cncfdemo.bootstrap.NodeRole;
import io.cncfdemo.cluster.ClusterSpec;
import io.cncfdemo.cluster.GcpTarget;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The instance templates and the regional managed instance groups of masters and minions (placed in
 * the target's zone). Templates are immutable: one that is there is kept, and its user data gives
 * the join secrets of the cluster.
 */
final class GroupSteps {
  private final GcpClients gcp;
  private final GcpNames names;

  GroupSteps(GcpClients gcp, GcpNames names) {
    this.gcp = gcp;
    this.names = names;
  }

  void ensureTemplates(ClusterSpec spec, NetworkSteps network, String serviceAccount) {
    var target = (GcpTarget) spec.target();
    var secrets = existingSecrets().orElseGet(JoinSecrets::generate);
    for (var role : NodeRole.values()) {
      if (find(role).isEmpty()) {
        var userData = GcpBootstrap.render(spec, names, gcp.project, gcp.region, role, secrets);
        var template =
            NodeTemplates.of(
                names,
                role,
                GcpPlan.machineType(target, role),
                network.networkLink(),
                network.subnetworkLink(),
                serviceAccount,
                userData);
        Operations.insert(
            "create instance template " + template.getName(),
            () -> gcp.templates.insertAsync(gcp.project, template));
      }
    }
  }

  void ensureGroups(ClusterSpec spec) {
    for (var role : NodeRole.values()) {
      var name = names.instanceGroup(role);
      if (Operations.find(() -> gcp.groups.get(gcp.project, gcp.region, name)).isEmpty()) {
        var group =
            InstanceGroupManager.newBuilder()
                .setName(name)
                .setDescription("cncfdemo " + names.cluster() + " " + role.plural())
                .setBaseInstanceName(name)
                .setInstanceTemplate(Links.template(gcp.project, names.template(role)))
                .setTargetSize(role == NodeRole.MASTER ? spec.masters() : spec.minions())
                .setDistributionPolicy(
                    DistributionPolicy.newBuilder()
                        .addZones(
                            DistributionPolicyZoneConfiguration.newBuilder()
                                .setZone("zones/" + gcp.zone)))
                .build();
        Operations.insert(
            "create managed instance group " + name,
            () -> gcp.groups.insertAsync(gcp.project, gcp.region, group));
      }
    }
  }

  /** The URL of the masters' instance group, the load balancer's backend. */
  String mastersInstanceGroup() {
    return gcp.groups
        .get(gcp.project, gcp.region, names.instanceGroup(NodeRole.MASTER))
        .getInstanceGroup();
  }

  /** The group's instances, sorted by name (every page). */
  List<ManagedInstance> instances(NodeRole role) {
    var all = new ArrayList<ManagedInstance>();
    gcp.groups
        .listManagedInstances(gcp.project, gcp.region, names.instanceGroup(role))
        .iterateAll()
        .forEach(all::add);
    all.sort(Comparator.comparing(managed -> Links.name(managed.getInstance())));
    return all;
  }

  private Optional<InstanceTemplate> find(NodeRole role) {
    return Operations.find(() -> gcp.templates.get(gcp.project, names.template(role)));
  }

  private Optional<JoinSecrets> existingSecrets() {
    for (var role : NodeRole.values()) {
      var userData =
          find(role)
              .flatMap(
                  template ->
                      template.getProperties().getMetadata().getItemsList().stream()
                          .filter(item -> item.getKey().equals("user-data"))
                          .map(item -> item.getValue())
                          .findFirst());
      var secrets = userData.flatMap(GcpBootstrap::secretsOf);
      if (secrets.isPresent()) {
        return secrets;
      }
    }
    return Optional.empty();
  }
}
