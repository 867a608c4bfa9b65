package io.cncfdemo.internal.demo;

import io.cncfdemo.cluster.ClusterCapabilities;
import io.cncfdemo.cluster.ClusterClass;
import io.cncfdemo.cluster.DeclaredCapability;
import io.cncfdemo.component.ClusterFeature;
import io.cncfdemo.component.Component;
import io.cncfdemo.component.Need;
import io.cncfdemo.component.Stage;
import io.cncfdemo.deploy.DeployPlan;
import io.cncfdemo.deploy.Finding;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides, before anything is applied, whether a demo can run on a cluster: which default add-ons
 * join it (those whose feature the cluster lacks while a component needs it, and those this demo
 * installed before), then checks every component's {@link Need} and the CPU and memory its
 * foreground pods request against the cluster's {@link ClusterCapabilities}.
 */
public final class Preflight {
  /** The oldest minor version of Kubernetes 1 the demo runs on: Pod Security admission is GA. */
  static final int MIN_MINOR = 25;

  private final DemoSettings settings;
  private final ClusterCapabilities cluster;
  private final int minions;

  private Preflight(DemoSettings settings, ClusterCapabilities cluster, int minions) {
    this.settings = settings;
    this.cluster = cluster;
    this.minions = minions;
  }

  /**
   * The plan of a demo of {@code components} (the given ones and the defaults that always join) on
   * a cluster that offers {@code capabilities}, choosing among the default add-ons {@code
   * candidates}; {@code client} tells which add-ons this demo installed before.
   */
  public static DeployPlan plan(
      DemoSettings settings,
      List<Component> components,
      List<Component> candidates,
      ClusterCapabilities capabilities,
      KubernetesClient client,
      int minions) {
    var preflight = new Preflight(settings, capabilities, minions);
    var addons = preflight.addons(components, candidates, client);
    var all = new ArrayList<>(components);
    all.addAll(addons);
    var findings = new ArrayList<Finding>();
    preflight.version().ifPresent(findings::add);
    var supplied = supplied(all);
    for (var component : all) {
      for (var need : component.needs()) {
        preflight.check(component, need, supplied).ifPresent(findings::add);
      }
    }
    var background =
        new DefaultDemoContext(settings, minions, Wiring.of(all)).backgroundPriorityClass();
    var requests =
        Requests.of(objects(settings, minions, all), background, capabilities.schedulableNodes());
    findings.addAll(requests.findings(capabilities));
    return new DeployPlan(
        capabilities,
        addons,
        findings,
        requests.foregroundCpuMillis(),
        requests.backgroundCpuMillis());
  }

  /**
   * The default add-ons among {@code candidates} that this demo applied to the cluster before: what
   * its teardown removes.
   */
  public static List<Component> installed(
      DemoSettings settings, List<Component> candidates, KubernetesClient client, int minions) {
    return candidates.stream()
        .filter(candidate -> installedBefore(settings, minions, candidate, client))
        .toList();
  }

  /** Every component of {@code all} with the objects it builds for this demo, in order. */
  private static Map<Component, List<HasMetadata>> objects(
      DemoSettings settings, int minions, List<Component> all) {
    var context = new DefaultDemoContext(settings, minions, Wiring.of(all));
    var objects = new LinkedHashMap<Component, List<HasMetadata>>();
    for (var component : all) {
      context.building(component);
      var built = component.objects(context);
      var list = new ArrayList<HasMetadata>();
      for (var stage : Stage.values()) {
        list.addAll(built.getOrDefault(stage, List.of()));
      }
      objects.put(component, list);
    }
    return objects;
  }

  private List<Component> addons(
      List<Component> components, List<Component> candidates, KubernetesClient client) {
    var supplied = supplied(components);
    var lacking = EnumSet.noneOf(ClusterFeature.class);
    for (var component : components) {
      for (var need : component.needs()) {
        if (need.className().isEmpty()
            && !supplied.contains(need.feature())
            && !offers(need.feature())) {
          lacking.add(need.feature());
        }
      }
    }
    if (!cluster.declared().contains(DeclaredCapability.NODE_DISK_STORAGE)) {
      lacking.remove(ClusterFeature.STORAGE);
    }
    var chosen = new ArrayList<Component>();
    for (var candidate : candidates) {
      boolean needed = candidate.adds().stream().anyMatch(lacking::contains);
      if (needed || installedBefore(settings, minions, candidate, client)) {
        chosen.add(candidate);
        lacking.removeAll(candidate.adds());
      }
    }
    return chosen;
  }

  /**
   * Whether this demo applied the add-on before: then the cluster offers its feature only because
   * of it, and dropping it from a redeploy would leave it behind, untracked.
   */
  private static boolean installedBefore(
      DemoSettings settings, int minions, Component addon, KubernetesClient client) {
    var objects = objects(settings, minions, List.of(addon)).get(addon);
    if (objects.isEmpty()) {
      return false;
    }
    var first = objects.get(0);
    if (first instanceof Namespaced && first.getMetadata().getNamespace() == null) {
      first.getMetadata().setNamespace(settings.namespace());
    }
    try {
      var current = client.resource(first).get();
      return current != null
          && current.getMetadata().getLabels() != null
          && settings.name().equals(current.getMetadata().getLabels().get(DemoCompiler.DEMO_LABEL));
    } catch (KubernetesClientException e) {
      return false;
    }
  }

  private static Set<ClusterFeature> supplied(List<Component> components) {
    var supplied = EnumSet.noneOf(ClusterFeature.class);
    components.forEach(component -> supplied.addAll(component.adds()));
    return supplied;
  }

  /** Whether the cluster itself offers the default of {@code feature}. */
  private boolean offers(ClusterFeature feature) {
    return switch (feature) {
      case STORAGE -> cluster.defaultStorageClass().isPresent();
      case METRICS_API -> cluster.metricsApi();
      case CUSTOM_METRICS_API -> cluster.customMetricsApi();
      case INGRESS -> cluster.defaultIngressClass().isPresent();
    };
  }

  private Optional<Finding> version() {
    int minor = cluster.kubernetesMinor();
    if (minor == 0 || minor >= MIN_MINOR) {
      return Optional.empty();
    }
    return Optional.of(
        new Finding(
            Optional.empty(),
            "this cluster runs Kubernetes "
                + cluster.kubernetesVersion()
                + ", the demo needs 1."
                + MIN_MINOR
                + " or later (Pod Security admission)",
            "upgrade the cluster"));
  }

  private Optional<Finding> check(Component component, Need need, Set<ClusterFeature> supplied) {
    if (need.className().isPresent()) {
      return checkNamed(component, need, need.className().get());
    }
    if (supplied.contains(need.feature()) || offers(need.feature())) {
      return Optional.empty();
    }
    var problem =
        switch (need.feature()) {
          case STORAGE ->
              "this cluster has no default StorageClass" + others(cluster.storageClasses());
          case METRICS_API ->
              "this cluster has no metrics API (APIService v1beta1.metrics.k8s.io is not"
                  + " available)";
          case CUSTOM_METRICS_API ->
              "this cluster has no custom metrics API (APIService v1beta1.custom.metrics.k8s.io"
                  + " is not available)";
          case INGRESS ->
              "this cluster has no default IngressClass" + others(cluster.ingressClasses());
        };
    return Optional.of(new Finding(Optional.of(component.describe()), problem, need.fix()));
  }

  private Optional<Finding> checkNamed(Component component, Need need, String name) {
    boolean storage = need.feature() == ClusterFeature.STORAGE;
    var found = storage ? cluster.storageClass(name) : cluster.ingressClass(name);
    if (found.isPresent()) {
      return Optional.empty();
    }
    var kind = storage ? "StorageClass" : "IngressClass";
    var classes = storage ? cluster.storageClasses() : cluster.ingressClasses();
    return Optional.of(
        new Finding(
            Optional.of(component.describe()),
            "this cluster has no " + kind + " " + name + others(classes),
            classes.isEmpty()
                ? need.fix()
                : "pass ."
                    + (storage ? "storageClass" : "ingressClass")
                    + "(..) naming one it has"));
  }

  private static String others(List<ClusterClass> classes) {
    return classes.isEmpty()
        ? ""
        : classes.stream()
            .map(ClusterClass::name)
            .collect(Collectors.joining(", ", " (it has ", ")"));
  }
}
