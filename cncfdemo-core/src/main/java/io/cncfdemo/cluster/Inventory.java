package io.cncfdemo.cluster;

import io.cncfdemo.exception.InvalidInputException;
import io.cncfdemo.support.CncfDemoValue;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * The hosts of a bare-metal cluster, read from a YAML file in the shape kubespray's and k0sctl's
 * users know, for {@code Cluster.on(bareMetal(Inventory.read(path)))}:
 *
 * <pre>{@code
 * user: ops                      # SSH login of every host that names none (default root)
 * port: 22                       # SSH port of every host that names none (default 22)
 * key: ~/.ssh/id_ed25519         # private key; relative paths are relative to this file
 * knownHosts: ~/.ssh/known_hosts # host keys are checked against it and against each host's hostKey
 * bastion: ops@jump.example.com  # optional jump host, [user@]host[:port] or a mapping like a host's
 * hourlyCost: 0.45               # optional: USD per host and hour, for plan() and comparisons
 * downloads: true                # optional: hosts download the software (default: uploaded from this machine)
 * mirror: https://mirror/k8s     # optional: ... from this mirror (kubespray's files_repo layout)
 * hosts:
 *   - address: 10.0.0.11         # required: host name or IP address
 *     role: master               # master | minion; without any role the first `masters` hosts are masters
 *     hostKey: SHA256:...        # optional pinned fingerprint, as ssh-keygen -l prints it
 *   - address: 10.0.0.12
 *     port: 2222                 # per host: port, user, key, role, labels, hostKey, hostname (the node name)
 *     labels: {rack: r1}
 *   - 10.0.0.13                  # a host may also be just its address
 * }</pre>
 *
 * Every mistake is an {@link InvalidInputException} that names the setting, its line and the file.
 */
@CncfDemoValue
public abstract class Inventory {
  Inventory() {}

  /** Reads and checks an inventory file. */
  public static Inventory read(Path file) {
    BareMetalChecks.readableFile("inventory", file, "an inventory file");
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InvalidInputException(
          "inventory", file, "the path of a readable inventory file (" + e.getMessage() + ")");
    }
    return new InventoryReader(file).read(text);
  }

  /** The file it was read from; relative paths in it are relative to its directory. */
  public abstract Path source();

  public abstract List<BareMetalHost> hosts();

  public abstract Optional<String> user();

  public abstract OptionalInt port();

  public abstract Optional<Path> key();

  public abstract Optional<Path> knownHosts();

  public abstract Optional<BareMetalHost> bastion();

  public abstract Optional<BigDecimal> hourlyCost();

  /**
   * Whether the hosts download the software themselves; see {@link BareMetalTarget#fromInternet()}.
   */
  @Value.Default
  public boolean downloads() {
    return false;
  }

  /** The mirror the hosts download from; see {@link BareMetalTarget#fromMirror(String)}. */
  public abstract Optional<String> mirror();

  static ImmutableInventory.Builder builder() {
    return ImmutableInventory.builder();
  }
}
