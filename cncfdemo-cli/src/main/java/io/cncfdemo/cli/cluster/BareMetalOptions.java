package io.cncfdemo.cli.cluster;

import io.cncfdemo.Providers;
import io.cncfdemo.cli.common.UsageException;
import io.cncfdemo.cluster.BareMetalTarget;
import io.cncfdemo.cluster.Inventory;
import io.cncfdemo.cluster.Target;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import picocli.CommandLine.Option;

/**
 * The options of {@code bootstrap bare-metal} and {@code destroy bare-metal}: which servers, and
 * how to reach them over SSH. The servers come from {@code --hosts} or from an {@code --inventory}
 * file, never from the provider's name alone.
 */
final class BareMetalOptions {
  /** The provider's name on the command line, beside the library's {@code baremetal}. */
  static final String NAME = "bare-metal";

  @Option(
      names = "--hosts",
      split = ",",
      paramLabel = "HOST",
      description =
          "bare-metal: the servers, e.g. 10.0.0.11,10.0.0.12 (the first --masters are masters).")
  List<String> hosts;

  @Option(
      names = "--inventory",
      paramLabel = "FILE",
      description =
          "bare-metal: an inventory file of hosts, users, keys and roles (instead of --hosts).")
  Path inventory;

  @Option(
      names = "--ssh-user",
      paramLabel = "USER",
      description = "bare-metal: the SSH user (default root).")
  String sshUser;

  @Option(
      names = "--ssh-key",
      paramLabel = "FILE",
      description = "bare-metal: the SSH private key.")
  Path sshKey;

  @Option(
      names = "--ssh-port",
      paramLabel = "PORT",
      description = "bare-metal: the SSH port (default 22).")
  Integer sshPort;

  @Option(
      names = "--known-hosts",
      paramLabel = "FILE",
      description = "bare-metal: the known_hosts file the hosts' keys are checked against.")
  Path knownHosts;

  @Option(
      names = "--bastion",
      paramLabel = "USER@HOST:PORT",
      description = "bare-metal: the jump host the servers are reached through.")
  String bastion;

  @Option(
      names = "--hourly-cost",
      paramLabel = "USD",
      description =
          "bare-metal: what one host costs an hour, for plans and comparisons (default 0).")
  Double hourlyCost;

  /** Whether the command line names the bare-metal provider. */
  private static boolean isBareMetal(String provider) {
    return NAME.equals(provider) || BareMetalTarget.PROVIDER.equals(provider);
  }

  /**
   * The target of the provider named on the command line: these servers for bare metal, otherwise
   * the provider's own target (and these options are refused).
   */
  Target targetOf(String provider) {
    if (isBareMetal(provider)) {
      return target();
    }
    refuseFor(provider);
    return ProviderTargets.of(provider);
  }

  /** Refuses these options for a provider other than bare metal. */
  private void refuseFor(String provider) {
    boolean given =
        Stream.of(hosts, inventory, sshUser, sshKey, sshPort, knownHosts, bastion, hourlyCost)
            .anyMatch(option -> option != null);
    if (given) {
      throw new UsageException(
          "--hosts, --inventory, --ssh-user, --ssh-key, --ssh-port, --known-hosts, --bastion and"
              + " --hourly-cost apply to the bare-metal provider only, not "
              + provider);
    }
  }

  /** The servers, when {@code --hosts} or {@code --inventory} names them. */
  Optional<BareMetalTarget> servers() {
    return hosts == null && inventory == null ? Optional.empty() : Optional.of(target());
  }

  /** The servers these options name, with the SSH settings given. */
  private BareMetalTarget target() {
    if ((hosts == null) == (inventory == null)) {
      throw new UsageException(
          "bare-metal needs exactly one of --hosts h1,h2,... and --inventory FILE");
    }
    var target =
        hosts != null
            ? Providers.bareMetal(hosts.toArray(String[]::new))
            : Providers.bareMetal(Inventory.read(inventory));
    target = sshUser == null ? target : target.sshUser(sshUser);
    target = sshKey == null ? target : target.sshKey(sshKey);
    target = sshPort == null ? target : target.sshPort(sshPort);
    target = knownHosts == null ? target : target.knownHosts(knownHosts);
    target = bastion == null ? target : target.bastion(bastion);
    return hourlyCost == null ? target : target.hourlyCost(hourlyCost);
  }
}
