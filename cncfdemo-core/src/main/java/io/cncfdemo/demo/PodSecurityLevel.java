package io.cncfdemo.demo;

/** A Pod Security Standards level, enforced on the demo's namespace by Pod Security admission. */
public enum PodSecurityLevel {
  /** Unrestricted. */
  PRIVILEGED,
  /** Prevents known privilege escalations. */
  BASELINE,
  /**
   * Current pod hardening best practice: non-root, no privilege escalation, dropped capabilities,
   * seccomp.
   */
  RESTRICTED;

  /** The label value, e.g. {@code restricted}. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
