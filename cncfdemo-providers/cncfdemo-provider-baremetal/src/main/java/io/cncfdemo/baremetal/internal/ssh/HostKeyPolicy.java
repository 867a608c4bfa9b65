package io.cncfdemo.baremetal.internal.ssh;

import com.jcraft.jsch.HostKey;
import com.jcraft.jsch.HostKeyRepository;
import com.jcraft.jsch.UserInfo;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides whether a host's key is the right one: a pinned fingerprint, when the host has one, must
 * match; otherwise the known_hosts file must list the key. Nothing is ever added: an unknown key is
 * refused, and the key seen is kept so the refusal can print its fingerprint.
 */
final class HostKeyPolicy implements HostKeyRepository {
  /** A key a host presented. */
  record SeenKey(String type, String fingerprint) {}

  private final Map<String, String> pins;
  private final Optional<HostKeyRepository> knownHosts;
  private final Optional<String> knownHostsFile;
  private final Map<String, SeenKey> seen = new ConcurrentHashMap<>();
  private final Map<String, Integer> verdicts = new ConcurrentHashMap<>();

  /**
   * @param pins fingerprints by known_hosts name ({@code host} or {@code [host]:port})
   * @param knownHosts the known_hosts repository, if there is a file
   * @param knownHostsFile its path, for messages
   */
  HostKeyPolicy(
      Map<String, String> pins,
      Optional<HostKeyRepository> knownHosts,
      Optional<String> knownHostsFile) {
    this.pins = Map.copyOf(pins);
    this.knownHosts = knownHosts;
    this.knownHostsFile = knownHostsFile;
  }

  @Override
  public int check(String host, byte[] key) {
    var presented = new SeenKey(type(key), fingerprint(key));
    seen.put(host, presented);
    int verdict;
    var pin = pins.get(host);
    if (pin != null) {
      verdict = pin.equals(presented.fingerprint()) ? OK : CHANGED;
    } else {
      verdict = knownHosts.map(repository -> repository.check(host, key)).orElse(NOT_INCLUDED);
    }
    verdicts.put(host, verdict);
    return verdict;
  }

  /**
   * Why the key of this host was refused, with its fingerprint, or empty when it was accepted or
   * never seen.
   */
  Optional<String> refusal(SshTarget target) {
    var host = target.knownHostsName();
    var presented = seen.get(host);
    var verdict = verdicts.get(host);
    if (presented == null || verdict == null || verdict == OK) {
      return Optional.empty();
    }
    var key = "the host key " + presented.fingerprint() + " (" + presented.type() + ")";
    var pin = pins.get(host);
    if (pin != null) {
      return Optional.of(
          key
              + " does not match the pinned "
              + pin
              + "; refused. If the host was reinstalled, pin"
              + " its new key; otherwise the connection may be intercepted");
    }
    if (verdict == CHANGED) {
      return Optional.of(
          key
              + " differs from the key "
              + knownHostsFile.orElse("known_hosts")
              + " has for "
              + host
              + "; refused. If the host was reinstalled, remove the old entry (ssh-keygen -R '"
              + host
              + "'); otherwise"
              + " the connection may be intercepted");
    }
    return Optional.of(
        key
            + " is not in "
            + knownHostsFile
                .map(file -> "the known_hosts file " + file)
                .orElse("any known_hosts file")
            + " and not pinned; refused. If it is the host's key (on the host:"
            + " ssh-keygen -lf /etc/ssh/ssh_host_"
            + keyFileName(presented.type())
            + "_key.pub), pin it with"
            + " .hostKey(\""
            + target.address()
            + "\", \""
            + presented.fingerprint()
            + "\") or hostKey: in the inventory,"
            + " or add it to known_hosts");
  }

  /**
   * The fingerprint as {@code ssh-keygen -l} prints it: {@code SHA256:} and the unpadded base64 of
   * the key's hash.
   */
  static String fingerprint(byte[] key) {
    try {
      var digest = MessageDigest.getInstance("SHA-256").digest(key);
      return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no SHA-256", e);
    }
  }

  /** The algorithm name a public key blob starts with, e.g. {@code ssh-ed25519}. */
  static String type(byte[] key) {
    if (key.length < 4) {
      return "unknown";
    }
    int length =
        ((key[0] & 0xff) << 24)
            | ((key[1] & 0xff) << 16)
            | ((key[2] & 0xff) << 8)
            | (key[3] & 0xff);
    if (length <= 0 || length > key.length - 4) {
      return "unknown";
    }
    return new String(key, 4, length, StandardCharsets.US_ASCII);
  }

  private static String keyFileName(String type) {
    if (type.startsWith("ecdsa")) {
      return "ecdsa";
    }
    return type.startsWith("ssh-") ? type.substring(4) : type;
  }

  @Override
  public void add(HostKey hostkey, UserInfo ui) {
    // never: a key is trusted only when pinned or already in known_hosts
  }

  @Override
  public void remove(String host, String type) {
    // the known_hosts file is the user's; it is never changed
  }

  @Override
  public void remove(String host, String type, byte[] key) {
    // the known_hosts file is the user's; it is never changed
  }

  @Override
  public String getKnownHostsRepositoryID() {
    return knownHostsFile.orElse("cncfdemo pinned host keys");
  }

  @Override
  public HostKey[] getHostKey() {
    return knownHosts.map(HostKeyRepository::getHostKey).orElse(new HostKey[0]);
  }

  /**
   * The keys known_hosts lists for a host, so that JSch asks the server for a type it can check.
   */
  @Override
  public HostKey[] getHostKey(String host, String type) {
    return knownHosts.map(repository -> repository.getHostKey(host, type)).orElse(new HostKey[0]);
  }
}
