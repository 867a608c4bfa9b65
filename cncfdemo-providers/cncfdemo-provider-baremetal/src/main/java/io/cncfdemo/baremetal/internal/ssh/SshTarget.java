package io.cncfdemo.baremetal.internal.ssh;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where and how to log in to one host.
 *
 * @param address host name or IP address
 * @param port SSH port
 * @param user login user; commands run through {@code sudo -n} unless it is {@code root}
 * @param key the private key, or none for the default keys in {@code ~/.ssh}
 * @param pinnedKey the SHA-256 fingerprint the host's key must have, or none to check known_hosts
 *     only
 * @param via the jump host the connection goes through, or none for a direct one
 */
public record SshTarget(
    String address,
    int port,
    String user,
    Optional<Path> key,
    Optional<String> pinnedKey,
    Optional<SshTarget> via) {

  /** The name known_hosts files use: {@code host} on port 22, {@code [host]:port} on others. */
  public String knownHostsName() {
    return port == 22 ? address : "[" + address + "]:" + port;
  }

  /** {@code user@host:port}, for messages. */
  public String describe() {
    return user + "@" + (address.contains(":") ? "[" + address + "]" : address) + ":" + port;
  }

  public boolean isRoot() {
    return user.equals("root");
  }
}
