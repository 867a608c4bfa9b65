package io.cncfdemo.cluster;

import io.cncfdemo.exception.InvalidInputException;
import io.cncfdemo.support.Check;
import io.cncfdemo.support.CncfDemoValue;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * One server of a {@link BareMetalTarget}: its address and, where it differs from the target's, how
 * to log in (port, user, key), its role, the node labels it gets, a pinned host key and the node
 * name. Every setting it leaves out comes from the target ({@code sshUser}, {@code sshPort}, {@code
 * sshKey}); the node name is the host's own.
 */
@CncfDemoValue
public abstract class BareMetalHost {
  /** What a host becomes: a control-plane node or a worker. */
  public enum Role {
    MASTER,
    MINION;

    /** The role as inventories write it: {@code master} or {@code minion}. */
    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  static final String LABEL_KEY_RULE =
      "a Kubernetes label key: an optional DNS subdomain prefix and '/', then 1 to 63 characters of"
          + " a-z, A-Z, 0-9, '-', '_' and '.', starting and ending with a letter or digit";
  static final String LABEL_VALUE_RULE =
      "a Kubernetes label value: at most 63 characters of a-z, A-Z, 0-9, '-', '_'"
          + " and '.', starting and ending with a letter or digit";
  private static final Pattern LABEL_NAME =
      Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?");
  private static final Pattern LABEL_VALUE =
      Pattern.compile("([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?");
  private static final Pattern SSH_DESTINATION =
      Pattern.compile("(?:([^@]+)@)?(\\[[^]]+]|[^:@]+)(?::([^:]+))?");

  BareMetalHost() {}

  /** A host by name or IP address, everything else from the target. */
  public static BareMetalHost of(String address) {
    return ImmutableBareMetalHost.builder().address(Check.host("address", address)).build();
  }

  /**
   * A host written as OpenSSH's {@code -J} option writes it: {@code [user@]host[:port]}, e.g.
   * {@code ops@jump.example.com:2222}.
   */
  public static BareMetalHost parse(String field, String destination) {
    var matcher = destination == null ? null : SSH_DESTINATION.matcher(destination);
    if (matcher == null || !matcher.matches()) {
      throw new InvalidInputException(
          field, destination, "[user@]host[:port], such as ops@jump.example.com:22");
    }
    var address =
        matcher.group(2).startsWith("[")
            ? matcher.group(2).substring(1, matcher.group(2).length() - 1)
            : matcher.group(2);
    var host = ImmutableBareMetalHost.builder().address(Check.host(field, address));
    if (matcher.group(1) != null) {
      host.user(Check.posixUser(field + " user", matcher.group(1)));
    }
    if (matcher.group(3) != null) {
      int port;
      try {
        port = Integer.parseInt(matcher.group(3));
      } catch (NumberFormatException e) {
        throw new InvalidInputException(field + " port", matcher.group(3), "between 1 and 65535");
      }
      host.port(Check.between(field + " port", port, 1, 65535));
    }
    return host.build();
  }

  /** The host name or IP address SSH connects to. */
  public abstract String address();

  /** The SSH port, when not the target's {@code sshPort}. */
  public abstract OptionalInt port();

  /** The login user, when not the target's {@code sshUser}. */
  public abstract Optional<String> user();

  /** The private key, when not the target's {@code sshKey}. */
  public abstract Optional<Path> key();

  /**
   * The role, when given; when no host of a target has one, the first {@code masters} hosts are the
   * masters.
   */
  public abstract Optional<Role> role();

  /** Labels the host's node gets. */
  public abstract Map<String, String> labels();

  /**
   * The pinned SHA-256 fingerprint of the host's key, e.g. {@code SHA256:uNiV...}; checked before
   * anything is sent.
   */
  public abstract Optional<String> hostKey();

  /** The Kubernetes node name, when not the host's own host name. */
  public abstract Optional<String> hostname();

  public BareMetalHost port(int port) {
    return ImmutableBareMetalHost.copyOf(this).copyWithPort(Check.between("port", port, 1, 65535));
  }

  public BareMetalHost user(String user) {
    return ImmutableBareMetalHost.copyOf(this).copyWithUser(Check.posixUser("user", user));
  }

  public BareMetalHost key(Path key) {
    return ImmutableBareMetalHost.copyOf(this)
        .copyWithKey(BareMetalChecks.readableFile("key", key, "a private key file"));
  }

  public BareMetalHost role(Role role) {
    return ImmutableBareMetalHost.copyOf(this)
        .copyWithRole(Check.notNull("role", role, "master or minion"));
  }

  /** The same host with this node label added (or replaced). */
  public BareMetalHost label(String key, String value) {
    checkLabel(key, value);
    var labels = new java.util.LinkedHashMap<>(labels());
    labels.put(key, value);
    return ImmutableBareMetalHost.copyOf(this).copyWithLabels(labels);
  }

  public BareMetalHost hostKey(String fingerprint) {
    return ImmutableBareMetalHost.copyOf(this)
        .copyWithHostKey(BareMetalChecks.fingerprint("hostKey", fingerprint));
  }

  public BareMetalHost hostname(String name) {
    return ImmutableBareMetalHost.copyOf(this)
        .copyWithHostname(Check.dnsSubdomain("hostname", name));
  }

  /** The host as {@code [user@]address[:port]} with what it sets itself. */
  public String describe() {
    var address = address().contains(":") ? "[" + address() + "]" : address();
    return user().map(user -> user + "@").orElse("")
        + address
        + (port().isPresent() ? ":" + port().getAsInt() : "");
  }

  private static void checkLabel(String key, String value) {
    if (key == null) {
      throw new InvalidInputException("label", null, LABEL_KEY_RULE);
    }
    int slash = key.indexOf('/');
    var name = slash < 0 ? key : key.substring(slash + 1);
    if (!LABEL_NAME.matcher(name).matches()) {
      throw new InvalidInputException("label", key, LABEL_KEY_RULE);
    }
    if (slash >= 0) {
      try {
        Check.dnsSubdomain("label", key.substring(0, slash));
      } catch (InvalidInputException e) {
        throw new InvalidInputException("label", key, LABEL_KEY_RULE);
      }
    }
    if (value == null || !LABEL_VALUE.matcher(value).matches()) {
      throw new InvalidInputException("label " + key, value, LABEL_VALUE_RULE);
    }
  }

  @Value.Check
  protected void check() {
    Check.host("address", address());
    labels().forEach(BareMetalHost::checkLabel);
  }
}
