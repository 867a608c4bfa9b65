package io.cncfdemo.baremetal.internal.ssh;

import com.jcraft.jsch.HostKeyRepository;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Opens {@link SshSession}s: key authentication only, host keys checked by a {@link HostKeyPolicy}
 * (known_hosts and pinned fingerprints; unknown keys refused), jump hosts through {@link
 * JumpProxy}. Every failure is an {@link SshException} that says what happened in words:
 * unreachable, key refused (with its fingerprint), login refused. {@link #close()} ends every
 * connection it opened.
 */
public final class SshConnector implements AutoCloseable {
  public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  static final List<String> DEFAULT_KEYS = List.of("id_ed25519", "id_ecdsa", "id_rsa");

  private final HostKeyPolicy hostKeys;
  private final Map<SshTarget, Session> bastions = new ConcurrentHashMap<>();
  private final List<Session> sessions = new ArrayList<>();

  /**
   * @param knownHosts the known_hosts file, if any
   * @param pins pinned fingerprints by known_hosts name ({@code host}, {@code [host]:port})
   */
  public SshConnector(Optional<Path> knownHosts, Map<String, String> pins) {
    Optional<HostKeyRepository> repository = Optional.empty();
    if (knownHosts.isPresent()) {
      try {
        var jsch = new JSch();
        jsch.setKnownHosts(knownHosts.get().toString());
        repository = Optional.of(jsch.getHostKeyRepository());
      } catch (JSchException e) {
        throw new SshException(
            "could not read the known_hosts file " + knownHosts.get() + ": " + e.getMessage(), e);
      }
    }
    this.hostKeys = new HostKeyPolicy(pins, repository, knownHosts.map(Path::toString));
  }

  /**
   * The known_hosts file the provider uses when none is given: {@code ~/.ssh/known_hosts}, if it
   * exists.
   */
  public static Optional<Path> defaultKnownHosts() {
    var file = Path.of(System.getProperty("user.home"), ".ssh", "known_hosts");
    return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
  }

  /** Logs in to the target, through its jump host if it has one. */
  public SshSession connect(SshTarget target) {
    Optional<Session> via =
        target.via().map(bastion -> bastions.computeIfAbsent(bastion, this::open));
    try {
      return new SshSession(target, open(target, via));
    } catch (SshException e) {
      throw via.isPresent()
          ? new SshException(
              e.getMessage() + " (through the bastion " + target.via().get().describe() + ")", e)
          : e;
    }
  }

  private Session open(SshTarget target) {
    try {
      return open(target, Optional.empty());
    } catch (SshException e) {
      throw new SshException("bastion " + e.getMessage(), e);
    }
  }

  private Session open(SshTarget target, Optional<Session> via) {
    Session session;
    try {
      var jsch = new JSch();
      for (var key : keys(target)) {
        jsch.addIdentity(key.toString());
      }
      for (var identity : jsch.getIdentityRepository().getIdentities()) {
        if (identity.isEncrypted()) {
          throw new SshException(
              target.describe()
                  + ": the key "
                  + identity.getName()
                  + " is protected by a passphrase, which the provider cannot ask for; give it a"
                  + " key without one (for automation), e.g. a decrypted copy: ssh-keygen -p -N ''"
                  + " -f COPY");
        }
      }
      jsch.setHostKeyRepository(hostKeys);
      session = jsch.getSession(target.user(), target.address(), target.port());
      session.setConfig("StrictHostKeyChecking", "yes");
      session.setConfig("PreferredAuthentications", "publickey");
      session.setConfig("prefer_known_host_key_types", "yes");
      session.setServerAliveInterval(15_000);
      session.setServerAliveCountMax(4);
      if (via.isPresent()) {
        session.setProxy(new JumpProxy(via.get()));
      }
    } catch (JSchException e) {
      throw new SshException(target.describe() + ": could not use the key: " + e.getMessage(), e);
    }
    try {
      session.connect((int) CONNECT_TIMEOUT.toMillis());
    } catch (JSchException e) {
      throw new SshException(target.describe() + ": " + reason(target, e), e);
    }
    synchronized (sessions) {
      sessions.add(session);
    }
    return session;
  }

  private String reason(SshTarget target, JSchException e) {
    var refusal = hostKeys.refusal(target);
    if (refusal.isPresent()) {
      return refusal.get();
    }
    var cause = e.getCause();
    if (cause instanceof ConnectException) {
      return "cannot connect: connection refused (is sshd listening on port "
          + target.port()
          + "?)";
    }
    if (cause instanceof NoRouteToHostException) {
      return "cannot connect: no route to the host";
    }
    if (cause instanceof UnknownHostException) {
      return "cannot connect: no such host name";
    }
    var message = String.valueOf(e.getMessage());
    if (cause instanceof SocketTimeoutException || message.startsWith("timeout")) {
      return "cannot connect: no answer within " + CONNECT_TIMEOUT.toSeconds() + "s";
    }
    if (message.contains("Auth fail") || message.contains("Auth cancel")) {
      return "the server refused the login of "
          + target.user()
          + " with the key "
          + keys(target).stream()
              .map(Path::toString)
              .reduce((a, b) -> a + ", " + b)
              .orElse("(none found in ~/.ssh)")
          + " (is its public key in the user's authorized_keys?)";
    }
    return "cannot connect: " + message;
  }

  private static List<Path> keys(SshTarget target) {
    if (target.key().isPresent()) {
      return List.of(target.key().get());
    }
    var home = Path.of(System.getProperty("user.home"), ".ssh");
    return DEFAULT_KEYS.stream().map(home::resolve).filter(Files::isRegularFile).toList();
  }

  @Override
  public void close() {
    synchronized (sessions) {
      for (int i = sessions.size() - 1; i >= 0; i--) {
        sessions.get(i).disconnect();
      }
      sessions.clear();
    }
    bastions.clear();
  }
}
