package io.cncfdemo.aws.internal;

/** The two kinds of node: control plane and worker, as the {@code Role} tag names them. */
public enum Role {
  MASTER("master"),
  MINION("minion");

  private final String tag;

  Role(String tag) {
    this.tag = tag;
  }

  /** The value of the {@code Role} tag: {@code master} or {@code minion}. */
  public String tag() {
    return tag;
  }

  public String plural() {
    return tag + "s";
  }
}
