package io.cncfdemo.apps.addons;

import io.cncfdemo.apps.common.Imaged;
import io.cncfdemo.apps.common.Resources;
import io.cncfdemo.apps.common.Sized;
import io.cncfdemo.apps.internal.Images;
import io.cncfdemo.component.ClusterFeature;
import io.cncfdemo.component.Component;
import io.cncfdemo.component.DemoContext;
import io.cncfdemo.component.Stage;
import io.cncfdemo.support.Check;
import io.cncfdemo.support.CncfDemoValue;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * Rancher's local-path-provisioner in its own namespace {@code local-path-storage}, with the
 * StorageClass {@code local-path} (the cluster's default unless {@link #defaultClass(boolean)} says
 * otherwise): volumes are directories under {@link #path()} on the node that runs the pod, so they
 * are as durable as that node's disk. For bare metal and kind-like clusters without a StorageClass;
 * it joins a demo by itself only where the cluster's provider declares the nodes' disks its storage
 * (bare metal), never by guess.
 */
@CncfDemoValue
public abstract class LocalPathStorage
    implements Component, Imaged<LocalPathStorage>, Sized<LocalPathStorage> {
  public static final String NAME = "local-path-provisioner";
  public static final String NAMESPACE = "local-path-storage";
  public static final String CLASS_NAME = "local-path";
  public static final String PROVISIONER = "rancher.io/local-path";
  public static final String DEFAULT_IMAGE = "rancher/local-path-provisioner:v0.0.31";

  /** The image of the short-lived pods that create and remove a volume's directory on its node. */
  public static final String DEFAULT_HELPER_IMAGE = "busybox:1.37.0";

  public static final String DEFAULT_PATH = "/opt/local-path-provisioner";
  public static final Resources DEFAULT_RESOURCES =
      Resources.requests("50m", "64Mi").limits("500m", "256Mi");
  public static final boolean DEFAULT_DEFAULT_CLASS = true;
  private static final Pattern PATH = Pattern.compile("(/[A-Za-z0-9._-]+)+");

  LocalPathStorage() {}

  public static LocalPathStorage create() {
    return ImmutableLocalPathStorage.builder().build();
  }

  @Value.Default
  @Override
  public String image() {
    return DEFAULT_IMAGE;
  }

  @Value.Default
  public String helperImage() {
    return DEFAULT_HELPER_IMAGE;
  }

  @Value.Default
  @Override
  public Resources resources() {
    return DEFAULT_RESOURCES;
  }

  /** The directory on every node under which volumes are created. */
  @Value.Default
  public String path() {
    return DEFAULT_PATH;
  }

  /**
   * Whether the StorageClass {@code local-path} is the cluster's default (annotation {@code
   * is-default-class}).
   */
  @Value.Default
  public boolean defaultClass() {
    return DEFAULT_DEFAULT_CLASS;
  }

  @Override
  public LocalPathStorage image(String image) {
    return ImmutableLocalPathStorage.copyOf(this).copyWithImage(Images.pinned("image", image));
  }

  /** The same provisioner with this image for its helper pods, pinned like every image. */
  public LocalPathStorage helperImage(String image) {
    return ImmutableLocalPathStorage.copyOf(this)
        .copyWithHelperImage(Images.pinned("helperImage", image));
  }

  @Override
  public LocalPathStorage resources(Resources resources) {
    return ImmutableLocalPathStorage.copyOf(this)
        .copyWithResources(Check.notNull("resources", resources, "CPU and memory"));
  }

  /** The same provisioner, creating volumes under this absolute directory of each node. */
  public LocalPathStorage path(String path) {
    return ImmutableLocalPathStorage.copyOf(this)
        .copyWithPath(
            Check.matches("path", path, PATH, "an absolute directory such as /var/local-path"));
  }

  /** The same provisioner, its StorageClass the cluster's default or not. */
  public LocalPathStorage defaultClass(boolean isDefault) {
    return ImmutableLocalPathStorage.copyOf(this).copyWithDefaultClass(isDefault);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String describe() {
    return "localPathStorage()";
  }

  /**
   * A default StorageClass (unless {@link #defaultClass(boolean) defaultClass(false)}): this add-on
   * joins by itself only a demo whose cluster's provider declares the nodes' disks its storage.
   */
  @Override
  public Set<ClusterFeature> adds() {
    return defaultClass() ? Set.of(ClusterFeature.STORAGE) : Set.of();
  }

  @Override
  public Map<Stage, List<HasMetadata>> objects(DemoContext context) {
    return Map.of(Stage.FOUNDATION, LocalPathObjects.all(this, context));
  }

  @Override
  public String toString() {
    return describe();
  }
}
