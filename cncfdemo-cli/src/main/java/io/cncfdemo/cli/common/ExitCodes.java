package io.cncfdemo.cli.common;

/** The exit codes of every command: 0 done, 1 failed, 2 bad usage. */
public final class ExitCodes {
  public static final int OK = 0;
  public static final int FAILED = 1;
  public static final int USAGE = 2;

  private ExitCodes() {}
}
