package io.cncfdemo.baremetal.internal.ssh;

/**
 * What a command on a host did.
 *
 * @param exitCode its exit status
 * @param stdout what it printed
 * @param stderr what it printed on stderr
 */
public record CommandResult(int exitCode, String stdout, String stderr) {
  public boolean ok() {
    return exitCode == 0;
  }

  /** stdout and stderr, trimmed, for messages. */
  public String output() {
    var out = stdout.strip();
    var err = stderr.strip();
    return out.isEmpty() ? err : err.isEmpty() ? out : out + "\n" + err;
  }
}
