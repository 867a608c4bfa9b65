package io.cncfdemo.apps.internal;

import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSecurityContextBuilder;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;

/**
 * The security contexts of every pod and container of a demo, as the Pod Security Standard {@code
 * restricted} wants them: not root, no privilege escalation, no capabilities, the runtime's default
 * seccomp profile.
 */
public final class Hardening {
  private Hardening() {}

  /** Whether a container may write to its image's file system. */
  public enum RootFilesystem {
    /** Read-only: everything it writes goes to volumes. */
    READ_ONLY,
    /** Writable: the image writes into its own file system; every use says why in a comment. */
    WRITABLE
  }

  /**
   * A pod that runs as {@code user} and group {@code user}, with volumes owned by that group;
   * explicit because several images default to root.
   */
  public static PodSecurityContext pod(long user) {
    return pod(user, user);
  }

  /** A pod that runs as {@code user} and {@code group}, with volumes owned by that group. */
  public static PodSecurityContext pod(long user, long group) {
    return new PodSecurityContextBuilder()
        .withRunAsNonRoot(true)
        .withRunAsUser(user)
        .withRunAsGroup(group)
        .withFsGroup(group)
        .withFsGroupChangePolicy("OnRootMismatch")
        .withNewSeccompProfile()
        .withType("RuntimeDefault")
        .endSeccompProfile()
        .build();
  }

  /**
   * A container without privileges; its root file system read-only unless {@code root} says
   * otherwise.
   */
  public static SecurityContext container(RootFilesystem root) {
    return new SecurityContextBuilder()
        .withRunAsNonRoot(true)
        .withAllowPrivilegeEscalation(false)
        .withPrivileged(false)
        .withReadOnlyRootFilesystem(root == RootFilesystem.READ_ONLY)
        .withNewCapabilities()
        .addToDrop("ALL")
        .endCapabilities()
        .withNewSeccompProfile()
        .withType("RuntimeDefault")
        .endSeccompProfile()
        .build();
  }
}
