package io.cncfdemo.bootstrap;

/**
 * The two kinds of node: control plane and worker, as the {@code Role} tag of their cloud resources
 * names them.
 */
public enum NodeRole {
  MASTER("master"),
  MINION("minion");

  private final String tag;

  NodeRole(String tag) {
    this.tag = tag;
  }

  /** The value of the {@code Role} tag: {@code master} or {@code minion}. */
  public String tag() {
    return tag;
  }

  /** {@code masters} or {@code minions}, as in resource names. */
  public String plural() {
    return tag + "s";
  }
}
