package io.cncfdemo.apps.internal;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;

/**
 * Volumes and mounts, so that read-only root file systems get the few writable directories they
 * need.
 */
public final class Volumes {
  private Volumes() {}

  /** A scratch directory on the node's disk, at most {@code sizeLimit}. */
  public static Volume emptyDir(String name, String sizeLimit) {
    return new VolumeBuilder()
        .withName(name)
        .withNewEmptyDir()
        .withSizeLimit(new Quantity(sizeLimit))
        .endEmptyDir()
        .build();
  }

  /** A scratch directory in memory (tmpfs), for key material that must never reach a disk. */
  public static Volume memory(String name) {
    return new VolumeBuilder()
        .withName(name)
        .withNewEmptyDir()
        .withMedium("Memory")
        .withSizeLimit(new Quantity("1Mi"))
        .endEmptyDir()
        .build();
  }

  /** The files of a ConfigMap. */
  public static Volume configMap(String name, String configMap) {
    return new VolumeBuilder()
        .withName(name)
        .withNewConfigMap()
        .withName(configMap)
        .endConfigMap()
        .build();
  }

  /** The files of a Secret, readable by owner and group (the pod's fsGroup) only. */
  public static Volume secret(String name, String secret) {
    return new VolumeBuilder()
        .withName(name)
        .withNewSecret()
        .withSecretName(secret)
        .withDefaultMode(0440)
        .endSecret()
        .build();
  }

  /** A mount of a whole volume. */
  public static VolumeMount mount(String volume, String path, boolean readOnly) {
    return new VolumeMountBuilder()
        .withName(volume)
        .withMountPath(path)
        .withReadOnly(readOnly)
        .build();
  }

  /** A mount of one file of a volume. */
  public static VolumeMount file(String volume, String path, String key) {
    return new VolumeMountBuilder()
        .withName(volume)
        .withMountPath(path)
        .withSubPath(key)
        .withReadOnly(true)
        .build();
  }
}
