package io.cncfdemo.baremetal.internal.ssh;

import com.jcraft.jsch.ChannelExec;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import io.cncfdemo.support.Backoff;
import io.cncfdemo.support.Poll;
import io.cncfdemo.support.WaitTimeoutException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A logged-in SSH connection to one host: runs commands and scripts as root (through {@code sudo
 * -n} for another user) and uploads files. Many commands may run on it at once.
 */
public final class SshSession implements AutoCloseable {
  /** How long one command may take unless the caller says otherwise. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

  private static final int COPY_BUFFER = 256 * 1024;
  private static final Duration EXIT_STATUS_WAIT = Duration.ofSeconds(10);

  private final SshTarget target;
  private final Session session;

  SshSession(SshTarget target, Session session) {
    this.target = target;
    this.session = session;
  }

  public SshTarget target() {
    return target;
  }

  /** Runs a command line as the login user, e.g. {@code sudo -n true}; no stdin. */
  public CommandResult exec(String command, Duration timeout) {
    return exec(command, InputStream.nullInputStream(), timeout);
  }

  /**
   * Runs a shell script as root, its text sent on stdin, with these arguments ({@code $1}, {@code
   * $2}, ...).
   */
  public CommandResult script(String script, List<String> args, Duration timeout) {
    var command = new ArrayList<String>(List.of("sh", "-s", "--"));
    command.addAll(args);
    return exec(
        asRoot(Shell.words(command)),
        new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)),
        timeout);
  }

  /**
   * Writes a file on the host as root, atomically (a temporary file renamed), with this mode, e.g.
   * {@code 0755}.
   */
  public void upload(Path local, String remote, String mode) {
    try (var in = Files.newInputStream(local)) {
      write(in, remote, mode, "upload " + local);
    } catch (IOException e) {
      throw new SshException("could not read " + local + ": " + e.getMessage(), e);
    }
  }

  /** Writes text to a file on the host as root, atomically, with this mode. */
  public void write(String text, String remote, String mode) {
    write(
        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
        remote,
        mode,
        "write " + remote);
  }

  private void write(InputStream in, String remote, String mode, String what) {
    var script =
        "set -e; d=$(dirname \"$1\"); mkdir -p \"$d\"; t=\"$1.cncfdemo-upload.$$\"; umask 077;"
            + " cat > \"$t\"; chmod \"$2\" \"$t\"; mv -f \"$t\" \"$1\"";
    var command =
        asRoot(
            "sh -c "
                + Shell.quote(script)
                + " upload "
                + Shell.quote(remote)
                + " "
                + Shell.quote(mode));
    var result = exec(command, in, DEFAULT_TIMEOUT);
    if (!result.ok()) {
      throw new SshException(target.describe() + ": could not " + what + ": " + result.output());
    }
  }

  /** Reads a file of the host as root. */
  public String read(String remote) {
    var result = exec(asRoot("cat " + Shell.quote(remote)), DEFAULT_TIMEOUT);
    if (!result.ok()) {
      throw new SshException(
          target.describe() + ": could not read " + remote + ": " + result.output());
    }
    return result.stdout();
  }

  /**
   * The command as root: itself for root, else through {@code sudo -n} (never asking for a
   * password).
   */
  public String asRoot(String command) {
    return target.isRoot() ? command : "sudo -n -- " + command;
  }

  private CommandResult exec(String command, InputStream stdin, Duration timeout) {
    ChannelExec channel;
    try {
      channel = (ChannelExec) session.openChannel("exec");
    } catch (JSchException e) {
      throw new SshException(
          target.describe() + ": the connection is gone (" + e.getMessage() + ")", e);
    }
    var stderr = new ByteArrayOutputStream();
    var stdout = new ByteArrayOutputStream();
    try {
      channel.setCommand(command);
      channel.setErrStream(stderr, true);
      var in = channel.getInputStream();
      var toHost = channel.getOutputStream();
      channel.connect((int) Math.min(Integer.MAX_VALUE, Duration.ofSeconds(30).toMillis()));
      var buffer = new byte[COPY_BUFFER];
      try {
        for (int read; (read = stdin.read(buffer)) >= 0; ) {
          toHost.write(buffer, 0, read);
        }
        toHost.close();
      } catch (IOException e) {
        if (!channel.isClosed() && !channel.isEOF()) {
          throw e;
        } // the command ended before it read everything: its exit status and stderr say why
      }
      var watchdog = Watchdog.disconnectAfter(channel, timeout);
      try {
        in.transferTo(stdout); // blocks until the command closes its output or the watchdog fires
      } catch (IOException e) {
        if (!watchdog.fired()) {
          throw e;
        }
      } finally {
        watchdog.cancel();
      }
      if (watchdog.fired()) {
        throw gaveUp(command, timeout);
      }
      awaitExitStatus(channel, command);
      return new CommandResult(
          channel.getExitStatus(),
          stdout.toString(StandardCharsets.UTF_8),
          stderr.toString(StandardCharsets.UTF_8));
    } catch (JSchException | IOException e) {
      throw new SshException(
          target.describe() + ": " + e.getMessage() + " while running: " + firstLine(command), e);
    } finally {
      channel.disconnect();
    }
  }

  /**
   * The exit status comes in its own message right after the end of the output; wait briefly for it
   * rather than report the -1 of a status not yet received.
   */
  private void awaitExitStatus(ChannelExec channel, String command) {
    try {
      Poll.with(
              Backoff.exponential(Duration.ofMillis(1), Duration.ofMillis(50))
                  .deadline(EXIT_STATUS_WAIT))
          .until(
              target.describe() + ": the exit status of " + firstLine(command), channel::isClosed);
    } catch (WaitTimeoutException e) {
      throw new SshException(e.getMessage(), e);
    }
  }

  private SshException gaveUp(String command, Duration timeout) {
    return new SshException(
        target.describe()
            + ": gave up after "
            + timeout.toSeconds()
            + "s on: "
            + firstLine(command));
  }

  private static String firstLine(String command) {
    int newline = command.indexOf('\n');
    return newline < 0 ? command : command.substring(0, newline) + " ...";
  }

  public boolean isConnected() {
    return session.isConnected();
  }

  @Override
  public void close() {
    session.disconnect();
  }
}
