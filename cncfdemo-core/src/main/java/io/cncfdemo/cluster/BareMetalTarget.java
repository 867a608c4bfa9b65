package io.cncfdemo.cluster;

import io.cncfdemo.support.CncfDemoValue;
import io.cncfdemo.support.Check;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The "baremetal" deployment model: machines you own, reached over SSH; the first {@code masters} hosts become
 * masters, the rest minions. Acted on by {@code cncfdemo-provider-baremetal}.
 */
@CncfDemoValue
public abstract class BareMetalTarget implements Target {
  public static final String PROVIDER = "baremetal";
  public static final String DEFAULT_SSH_USER = "root";
  public static final int DEFAULT_SSH_PORT = 22;

  BareMetalTarget() {}

  /** A target of these hosts: host names or IP addresses, at least one. */
  public static BareMetalTarget of(List<String> hosts) {
    if (hosts == null || hosts.isEmpty()) {
      throw new io.cncfdemo.exception.InvalidInputException("hosts", "none", "at least one host name or IP address");
    }
    for (var host : hosts) {
      Check.host("hosts", host);
    }
    return ImmutableBareMetalTarget.builder().addAllHosts(hosts).build();
  }

  public abstract List<String> hosts();

  @Value.Default
  public String sshUser() {
    return DEFAULT_SSH_USER;
  }

  @Value.Default
  public int sshPort() {
    return DEFAULT_SSH_PORT;
  }

  /** The private key to log in with; when absent, the SSH agent. */
  public abstract Optional<Path> sshKey();

  public BareMetalTarget sshUser(String user) {
    return ImmutableBareMetalTarget.copyOf(this).copyWithSshUser(Check.posixUser("sshUser", user));
  }

  public BareMetalTarget sshPort(int port) {
    return ImmutableBareMetalTarget.copyOf(this).copyWithSshPort(Check.between("sshPort", port, 1, 65535));
  }

  public BareMetalTarget sshKey(Path key) {
    return ImmutableBareMetalTarget.copyOf(this).copyWithSshKey(Check.notNull("sshKey", key, "the path of a private key file"));
  }

  @Override
  public final String providerName() {
    return PROVIDER;
  }

  @Override
  public String describe() {
    return "bareMetal(\"" + String.join("\", \"", hosts()) + "\")";
  }
}
