package io.cncfdemo.deploy;

/** What an apply, a diff or a teardown did, or would do, to one object. */
public enum Change {
  /** The object did not exist. */
  CREATED,
  /** The object existed and some of its fields changed. */
  CONFIGURED,
  /** The object existed as it is wanted. */
  UNCHANGED,
  /** The object was removed. */
  DELETED;

  /** Whether the object was (or would be) written. */
  public boolean isChange() {
    return this != UNCHANGED;
  }
}
