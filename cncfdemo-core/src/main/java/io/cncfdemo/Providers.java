package io.cncfdemo;

import io.cncfdemo.cluster.AwsTarget;
import io.cncfdemo.cluster.AzureTarget;
import io.cncfdemo.cluster.BareMetalTarget;
import io.cncfdemo.cluster.ClusterProvider;
import io.cncfdemo.cluster.GcpTarget;
import io.cncfdemo.cluster.Inventory;
import io.cncfdemo.cluster.LocalTarget;
import io.cncfdemo.cluster.Target;
import io.cncfdemo.exception.CncfDemoException;
import io.cncfdemo.internal.ProviderRegistry;
import io.cncfdemo.support.Check;
import java.util.Arrays;
import java.util.List;

/**
 * The deployment models, for {@code import static io.cncfdemo.Providers.*}: {@link #local()},
 * {@link #aws()}, {@link #azure()}, {@link #gcp()}, {@link #packet()}, {@link
 * #bareMetal(String...)}, each a typed, immutable {@link Target} to pass to {@link
 * Cluster#on(Target)}. A target only describes; the provider artifact on the class path (e.g.
 * {@code cncfdemo-provider-aws}) acts on it.
 */
public final class Providers {
  private static final String PACKET = "packet";
  private static final String PACKET_SHUT_DOWN =
      "Equinix Metal (formerly Packet) shut down on 2026-06-30 and its API creates nothing any"
          + " more; bareMetal(\"10.0.0.11\", \"10.0.0.12\", ...) deploys to servers from any vendor"
          + " over SSH (artifact io.cncfdemo:cncfdemo-provider-baremetal), and"
          + " bareMetal(Inventory.read(path)) to a fleet such as the former CNCF Community Cluster";

  private Providers() {}

  /** This machine: an existing cluster of a kubeconfig ({@code local().context("kind-kind")}). */
  public static LocalTarget local() {
    return LocalTarget.create();
  }

  /**
   * Amazon Web Services, region {@value AwsTarget#DEFAULT_REGION} unless {@code .region(...)} says
   * otherwise.
   */
  public static AwsTarget aws() {
    return AwsTarget.create();
  }

  /**
   * Microsoft Azure, location {@value AzureTarget#DEFAULT_LOCATION} unless {@code .location(...)}
   * says otherwise.
   */
  public static AzureTarget azure() {
    return AzureTarget.create();
  }

  /**
   * Google Cloud, zone {@value GcpTarget#DEFAULT_ZONE} unless {@code .zone(...)} says otherwise.
   */
  public static GcpTarget gcp() {
    return GcpTarget.create();
  }

  /**
   * Packet, later Equinix Metal, which shut down on 2026-06-30: no target of it can be made any
   * more, so this always throws {@link CncfDemoException}, saying so and naming {@link
   * #bareMetal(String...)}, its successor here, which deploys to servers from any vendor. It stays
   * so that code written for the original demo fails with directions rather than not compiling.
   */
  @Deprecated
  public static Target packet() {
    throw new CncfDemoException(PACKET_SHUT_DOWN);
  }

  /**
   * Servers you already have, by host name or IP address, reached over SSH: {@code
   * bareMetal("10.0.0.11", "10.0.0.12").sshUser("ops").sshKey(path)}. The first {@code masters}
   * hosts become masters, the others minions.
   */
  public static BareMetalTarget bareMetal(String... hosts) {
    return BareMetalTarget.of(hosts == null ? List.of() : Arrays.asList(hosts));
  }

  /**
   * The servers of an inventory file: {@code bareMetal(Inventory.read(Path.of("cluster.yaml")))}.
   */
  public static BareMetalTarget bareMetal(Inventory inventory) {
    return BareMetalTarget.of(inventory);
  }

  /**
   * The target of the provider with this name, with its defaults, e.g. {@code named("aws")} for the
   * CLI or a configuration file. Fails, naming the providers on the class path and the artifact
   * that adds the missing one, when no provider of this name is there.
   */
  public static Target named(String name) {
    Check.notBlank("provider", name);
    if (name.equals(PACKET)) {
      throw new CncfDemoException(PACKET_SHUT_DOWN);
    }
    var provider = ProviderRegistry.require(name);
    return switch (provider.name()) {
      case LocalTarget.PROVIDER -> local();
      case AwsTarget.PROVIDER -> aws();
      case AzureTarget.PROVIDER -> azure();
      case GcpTarget.PROVIDER -> gcp();
      default -> new NamedTarget(provider.name());
    };
  }

  /**
   * The names of the providers the project publishes, sorted; each comes in its own artifact,
   * {@code io.cncfdemo:cncfdemo-provider-NAME}.
   */
  public static List<String> published() {
    return ProviderRegistry.KNOWN_ARTIFACTS.keySet().stream().sorted().toList();
  }

  /** The providers on the class path, sorted by name. */
  public static List<ClusterProvider> available() {
    return ProviderRegistry.all();
  }

  /** The target of a third-party provider that the library knows only by name. */
  private record NamedTarget(String providerName) implements Target {
    @Override
    public String describe() {
      return "named(\"" + providerName + "\")";
    }
  }
}
