package io.cncfdemo.apps.internal;

import io.cncfdemo.apps.common.Resources;
import io.cncfdemo.apps.internal.Hardening.RootFilesystem;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;

/**
 * Containers that start hardened: pinned image, requests and limits, restricted security context.
 */
public final class Containers {
  private Containers() {}

  /**
   * A container with its image, resources and security context set; callers add command, ports and
   * probes.
   */
  public static ContainerBuilder hardened(
      String name, String image, Resources resources, RootFilesystem root) {
    return new ContainerBuilder()
        .withName(name)
        .withImage(Images.pinned("image", image))
        .withImagePullPolicy("IfNotPresent")
        .withResources(resources.toRequirements())
        .withSecurityContext(Hardening.container(root))
        .withTerminationMessagePolicy("FallbackToLogsOnError");
  }

  /** An environment variable with a plain value. */
  public static EnvVar env(String name, String value) {
    return new EnvVarBuilder().withName(name).withValue(value).build();
  }

  /** An environment variable taken from a key of a Secret that must exist. */
  public static EnvVar fromSecret(String name, String secret, String key) {
    return new EnvVarBuilder()
        .withName(name)
        .withNewValueFrom()
        .withNewSecretKeyRef()
        .withName(secret)
        .withKey(key)
        .withOptional(false)
        .endSecretKeyRef()
        .endValueFrom()
        .build();
  }

  /** A probe that GETs {@code path} on {@code port}. */
  public static Probe httpProbe(String path, int port, int periodSeconds, int failureThreshold) {
    return new ProbeBuilder()
        .withNewHttpGet()
        .withPath(path)
        .withNewPort(port)
        .endHttpGet()
        .withPeriodSeconds(periodSeconds)
        .withTimeoutSeconds(5)
        .withFailureThreshold(failureThreshold)
        .build();
  }

  /** A probe that opens a TCP connection to {@code port}. */
  public static Probe tcpProbe(int port, int periodSeconds, int failureThreshold) {
    return new ProbeBuilder()
        .withNewTcpSocket()
        .withNewPort(port)
        .endTcpSocket()
        .withPeriodSeconds(periodSeconds)
        .withTimeoutSeconds(5)
        .withFailureThreshold(failureThreshold)
        .build();
  }

  /** A probe that runs a command in the container. */
  public static Probe execProbe(
      int periodSeconds, int timeoutSeconds, int failureThreshold, String... command) {
    return new ProbeBuilder()
        .withNewExec()
        .withCommand(command)
        .endExec()
        .withPeriodSeconds(periodSeconds)
        .withTimeoutSeconds(timeoutSeconds)
        .withFailureThreshold(failureThreshold)
        .build();
  }
}
