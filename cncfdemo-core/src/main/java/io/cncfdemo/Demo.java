package io.cncfdemo;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import io.cncfdemo.cluster.ClusterSpec;
import io.cncfdemo.cluster.RunningCluster;
import io.cncfdemo.component.Component;
import io.cncfdemo.component.Nameable;
import io.cncfdemo.demo.CompiledDemo;
import io.cncfdemo.demo.PodSecurityLevel;
import io.cncfdemo.deploy.DeployOptions;
import io.cncfdemo.deploy.DeployPlan;
import io.cncfdemo.deploy.DeployedDemo;
import io.cncfdemo.deploy.ObjectChange;
import io.cncfdemo.deploy.PreflightException;
import io.cncfdemo.exception.InvalidInputException;
import io.cncfdemo.internal.demo.DefaultComponents;
import io.cncfdemo.internal.demo.DemoCompiler;
import io.cncfdemo.internal.demo.DemoSettings;
import io.cncfdemo.internal.demo.Preflight;
import io.cncfdemo.internal.demo.SecretMaterial;
import io.cncfdemo.internal.demo.Wiring;
import io.cncfdemo.internal.deploy.AppliedDemo;
import io.cncfdemo.internal.deploy.Differ;
import io.cncfdemo.internal.deploy.PublicNames;
import io.cncfdemo.internal.deploy.StagedDeployer;
import io.cncfdemo.internal.deploy.Teardown;
import io.cncfdemo.support.Check;
import io.cncfdemo.support.CncfDemoValue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.immutables.value.Value;

/**
 * A cloud-native demo as one sentence: {@code Demo.with(countly(), mongoSharded(3),
 * boinc()).deployTo(cluster)}. {@link #with} wires the components and fails early, in words, when
 * one needs something no other provides. Every method but {@link #deployTo} returns a value and
 * touches nothing. Each demo value draws its own random secrets (passwords, keyfiles) when first
 * compiled: compiling it again gives the same ones, a derived demo such as {@code demo.named("b")}
 * draws new ones.
 */
@CncfDemoValue
public abstract class Demo implements Nameable<Demo> {
  public static final String DEFAULT_NAME = "cncfdemo";

  /**
   * Ingress hosts live under this domain unless {@link #domain(String)} says otherwise; browsers
   * resolve it to 127.0.0.1.
   */
  public static final String DEFAULT_DOMAIN = "localhost";

  public static final PodSecurityLevel DEFAULT_POD_SECURITY = PodSecurityLevel.RESTRICTED;

  Demo() {}

  /**
   * A demo of these components, wired to each other; fails when one needs something no other
   * provides.
   */
  public static Demo with(Component... components) {
    if (components == null || components.length == 0) {
      throw new InvalidInputException(
          "components",
          "none",
          "at least one component, e.g. Demo.with(countly(), mongoSharded(3))");
    }
    return ImmutableDemo.builder().components(notNull(Arrays.asList(components))).build();
  }

  /** The same demo plus these components, wired again. */
  public Demo and(Component... more) {
    var all = new ArrayList<>(components());
    all.addAll(notNull(Arrays.asList(Objects.requireNonNull(more, "components"))));
    return ImmutableDemo.copyOf(this).copyWithComponents(all);
  }

  private static List<Component> notNull(List<Component> components) {
    if (components.contains(null)) {
      throw new InvalidInputException("components", components, "components that are not null");
    }
    return components;
  }

  /**
   * The same demo under another name (an RFC 1123 label): it prefixes PriorityClasses and labels
   * every object.
   */
  @Override
  public Demo named(String name) {
    return ImmutableDemo.copyOf(this).copyWithName(Check.dnsLabel("name", name));
  }

  /** The same demo in this namespace; by default the namespace is the demo's name. */
  public Demo inNamespace(String namespace) {
    return ImmutableDemo.copyOf(this)
        .copyWithGivenNamespace(Check.dnsLabel("namespace", namespace));
  }

  /**
   * The same demo with Ingress hosts under this DNS domain, e.g. {@code countly.demo.example.com}.
   */
  public Demo domain(String domain) {
    return ImmutableDemo.copyOf(this).copyWithDomain(Check.dnsSubdomain("domain", domain));
  }

  /** The same demo with this Pod Security level enforced on its namespace. */
  public Demo podSecurity(PodSecurityLevel level) {
    return ImmutableDemo.copyOf(this)
        .copyWithPodSecurity(
            Check.notNull(
                "podSecurity", level, "one of " + Arrays.toString(PodSecurityLevel.values())));
  }

  /**
   * The same demo without a group of default components, e.g. {@code without("monitoring")}; the
   * groups on the class path are listed by {@link #defaultGroups()}.
   */
  public Demo without(String group) {
    var known = DefaultComponents.groups();
    if (!known.contains(group)) {
      throw new InvalidInputException(
          "group",
          group,
          known.isEmpty()
              ? "a group of default components, and none is on the class path"
              : "one of " + known);
    }
    var groups = new LinkedHashSet<>(omittedGroups());
    groups.add(group);
    return ImmutableDemo.copyOf(this).copyWithOmittedGroups(groups);
  }

  /** The same demo without the default Prometheus, Pushgateway and Grafana. */
  public Demo withoutMonitoring() {
    return without("monitoring");
  }

  /** The groups of default components on the class path, e.g. {@code [monitoring]}. */
  public static Set<String> defaultGroups() {
    return DefaultComponents.groups();
  }

  /** The components as given to {@link #with} and {@link #and}. */
  public abstract List<Component> components();

  /** The groups of default components left out with {@link #without(String)}. */
  abstract Set<String> omittedGroups();

  @Value.Default
  public String name() {
    return DEFAULT_NAME;
  }

  /** The namespace given with {@link #inNamespace(String)}. */
  abstract Optional<String> givenNamespace();

  /** The demo's namespace: as given with {@link #inNamespace(String)}, else its name. */
  public String namespace() {
    return givenNamespace().orElse(name());
  }

  @Value.Default
  public String domain() {
    return DEFAULT_DOMAIN;
  }

  @Value.Default
  public PodSecurityLevel podSecurity() {
    return DEFAULT_POD_SECURITY;
  }

  /** The components the demo compiles: those given plus the defaults not removed or replaced. */
  @Value.Derived
  @Value.Auxiliary
  public List<Component> effectiveComponents() {
    return DefaultComponents.addTo(components(), omittedGroups());
  }

  /**
   * Who provides what to whom; built with the value, so that a missing provider fails at {@link
   * #with}.
   */
  @Value.Derived
  @Value.Auxiliary
  Wiring wiring() {
    return Wiring.of(effectiveComponents());
  }

  /**
   * This value's random secret material, drawn on first use; never shared with another demo value.
   */
  @Value.Lazy
  SecretMaterial secrets() {
    return new SecretMaterial();
  }

  /**
   * The demo's objects by stage, built for a cluster of {@value ClusterSpec#DEFAULT_MINIONS}
   * minions.
   */
  public CompiledDemo compile() {
    return compile(ClusterSpec.DEFAULT_MINIONS);
  }

  /**
   * The demo's objects by stage, built for a cluster of this many minions (replica counts and
   * spreads follow it).
   */
  public CompiledDemo compile(int minions) {
    Check.between("minions", minions, 1, ClusterSpec.MAX_MINIONS);
    return DemoCompiler.compile(settings(), effectiveComponents(), wiring(), minions);
  }

  /** Every object as one multi-document YAML stream that {@code kubectl apply -f} accepts. */
  public String toYaml() {
    return compile().toYaml();
  }

  /** Writes one YAML file per stage into {@code directory}, in apply order; returns the files. */
  @CanIgnoreReturnValue
  public List<Path> writeTo(Path directory) {
    return compile().writeTo(directory);
  }

  /**
   * Applies the demo to the cluster stage after stage, each stage once the one before is ready
   * (Deployments available, StatefulSets ready, Jobs complete, Services with endpoints), with the
   * default {@link DeployOptions}. Deploying the same demo again changes nothing; a changed demo
   * changes only what differs. First, before anything is applied, it checks the demo against what
   * the cluster offers ({@link #plan(RunningCluster)}): it adds the default add-ons the cluster
   * lacks and fails with a {@link PreflightException} naming every unmet need and its fix.
   */
  @CanIgnoreReturnValue
  public DeployedDemo deployTo(RunningCluster cluster) {
    return deployTo(cluster, DeployOptions.defaults());
  }

  /**
   * Applies the demo as {@link #deployTo(RunningCluster)} does, with these options (listener,
   * timeouts, parallelism).
   */
  @CanIgnoreReturnValue
  public DeployedDemo deployTo(RunningCluster cluster, DeployOptions options) {
    Objects.requireNonNull(cluster, "cluster");
    Objects.requireNonNull(options, "options");
    var plan = plan(cluster);
    if (!plan.passes()) {
      throw new PreflightException(plan);
    }
    var compiled = compile(cluster, plan.addons());
    var names = PublicNames.checked(cluster, name(), compiled);
    var changes = new StagedDeployer(cluster.client(), options).deploy(compiled);
    names.publish(options);
    return new AppliedDemo(cluster, name(), compiled, changes, options);
  }

  /**
   * The demo as deployed on {@code cluster} earlier, e.g. by another JVM, without applying
   * anything: for its {@code status()}, a benchmark or a teardown. Its {@code changes()} are empty.
   */
  public DeployedDemo deployedOn(RunningCluster cluster) {
    Objects.requireNonNull(cluster, "cluster");
    return new AppliedDemo(
        cluster,
        name(),
        compile(cluster, plan(cluster).addons()),
        List.of(),
        DeployOptions.defaults());
  }

  /**
   * What {@link #deployTo(RunningCluster)} would change on this cluster, object by object and field
   * by field, found by a server-side dry run; changes nothing.
   */
  public List<ObjectChange> diff(RunningCluster cluster) {
    Objects.requireNonNull(cluster, "cluster");
    return new Differ(cluster.client(), DeployOptions.defaults())
        .diff(compile(cluster, plan(cluster).addons()));
  }

  /**
   * Removes from the cluster what this demo created — found by its label and field manager, so it
   * works from a fresh JVM — in reverse stage order, and waits until it is gone; objects the demo
   * did not create are left alone. The default add-ons this demo installed go too (an add-on
   * another demo installed stays).
   */
  @CanIgnoreReturnValue
  public List<ObjectChange> teardown(RunningCluster cluster) {
    return teardown(cluster, DeployOptions.defaults());
  }

  /** Removes the demo as {@link #teardown(RunningCluster)} does, with these options. */
  @CanIgnoreReturnValue
  public List<ObjectChange> teardown(RunningCluster cluster, DeployOptions options) {
    Objects.requireNonNull(cluster, "cluster");
    var addons =
        Preflight.installed(
            settings(),
            DefaultComponents.addons(components(), omittedGroups()),
            cluster.client(),
            cluster.spec().minions());
    var compiled = compile(cluster, addons);
    PublicNames.of(cluster, name(), compiled).unpublish();
    return new Teardown(cluster.client(), options).run(name(), compiled);
  }

  /**
   * What {@link #deployTo(RunningCluster)} would do on this cluster, decided from what the cluster
   * offers ({@link RunningCluster#capabilities()}) without changing anything: the default add-ons
   * the demo adds because the cluster lacks what they provide (metrics-server where it has no
   * metrics API, ingress-nginx where it has no default IngressClass, local-path storage only where
   * its provider declares the nodes' disks its storage), and every need of a component it does not
   * meet — volumes, the metrics API, an IngressClass, and CPU and memory for the foreground pods
   * (background pods are preemptible and not counted). {@code deployTo} fails with these findings
   * in a {@link PreflightException} before it applies anything.
   */
  public DeployPlan plan(RunningCluster cluster) {
    Objects.requireNonNull(cluster, "cluster");
    return Preflight.plan(
        settings(),
        effectiveComponents(),
        DefaultComponents.addons(components(), omittedGroups()),
        cluster.capabilities(),
        cluster.client(),
        cluster.spec().minions());
  }

  private CompiledDemo compile(RunningCluster cluster, List<Component> addons) {
    var all = new ArrayList<>(effectiveComponents());
    all.addAll(addons);
    return DemoCompiler.compile(settings(), all, Wiring.of(all), cluster.spec().minions());
  }

  private DemoSettings settings() {
    return new DemoSettings(name(), namespace(), domain(), podSecurity(), secrets());
  }

  @Override
  public String toString() {
    return "Demo.with("
        + components().stream().map(Component::describe).collect(Collectors.joining(", "))
        + ")"
        + omittedGroups().stream()
            .sorted()
            .map(group -> ".without(\"" + group + "\")")
            .collect(Collectors.joining())
        + (name().equals(DEFAULT_NAME) ? "" : ".named(\"" + name() + "\")")
        + givenNamespace().map(namespace -> ".inNamespace(\"" + namespace + "\")").orElse("")
        + (domain().equals(DEFAULT_DOMAIN) ? "" : ".domain(\"" + domain() + "\")")
        + (podSecurity() == DEFAULT_POD_SECURITY ? "" : ".podSecurity(" + podSecurity() + ")");
  }
}
