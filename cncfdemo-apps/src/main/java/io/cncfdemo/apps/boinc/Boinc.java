package io.cncfdemo.apps.boinc;

import io.cncfdemo.apps.common.Imaged;
import io.cncfdemo.apps.common.Resources;
import io.cncfdemo.apps.common.Sized;
import io.cncfdemo.apps.internal.Images;
import io.cncfdemo.component.Component;
import io.cncfdemo.component.DemoContext;
import io.cncfdemo.component.Stage;
import io.cncfdemo.support.Check;
import io.cncfdemo.support.CncfDemoValue;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * BOINC computing for World Community Grid in the cluster's idle capacity: one client per minion at
 * the demo's background PriorityClass, with small requests and generous limits, so that it uses
 * what the foreground leaves and is the first to be preempted when the foreground needs room.
 *
 * <p>The World Community Grid account key is never part of the demo: the client reads it from a
 * Secret you create, by default {@value #DEFAULT_ACCOUNT_KEY_SECRET} with the key {@value
 * #DEFAULT_ACCOUNT_KEY_KEY}:
 *
 * <pre>kubectl -n NAMESPACE create secret generic boinc-account --from-literal=account-key=YOUR_KEY
 * </pre>
 *
 * Until it exists, the BOINC pods wait in {@code CreateContainerConfigError}, naming the missing
 * Secret; nothing else of the demo depends on them.
 */
@CncfDemoValue
public abstract class Boinc implements Component, Imaged<Boinc>, Sized<Boinc> {
  public static final String NAME = "boinc";

  /**
   * A BOINC client image with a version tag: the project's own {@code boinc/client} publishes only
   * moving tags ({@code latest}, {@code base-ubuntu}), which a demo cannot pin.
   */
  public static final String DEFAULT_IMAGE = "ghcr.io/0rax/boinc-client:v8.0.4";

  public static final String DEFAULT_ACCOUNT_KEY_SECRET = "boinc-account";
  public static final String DEFAULT_ACCOUNT_KEY_KEY = "account-key";
  public static final String DEFAULT_PROJECT_URL = "https://www.worldcommunitygrid.org/";

  /**
   * Small requests, so that it fits anywhere and goes first; generous limits, so that it fills idle
   * cores.
   */
  public static final Resources DEFAULT_RESOURCES =
      Resources.requests("100m", "128Mi").limits("2", "1Gi");

  static final Pattern SECRET_KEY = Pattern.compile("[-._a-zA-Z0-9]{1,253}");
  static final Pattern URL = Pattern.compile("https?://[a-zA-Z0-9.-]+(:[0-9]+)?(/[^\\s]*)?");

  Boinc() {}

  public static Boinc create() {
    return ImmutableBoinc.builder().build();
  }

  /** The number of clients; one per minion when empty. */
  public abstract OptionalInt replicas();

  @Value.Default
  @Override
  public String image() {
    return DEFAULT_IMAGE;
  }

  @Value.Default
  @Override
  public Resources resources() {
    return DEFAULT_RESOURCES;
  }

  /** The Secret, in the demo's namespace, that holds the account key. */
  @Value.Default
  public String accountKeySecret() {
    return DEFAULT_ACCOUNT_KEY_SECRET;
  }

  /** The key of the account key in {@link #accountKeySecret()}. */
  @Value.Default
  public String accountKeyKey() {
    return DEFAULT_ACCOUNT_KEY_KEY;
  }

  /** The BOINC project the clients attach to. */
  @Value.Default
  public String projectUrl() {
    return DEFAULT_PROJECT_URL;
  }

  public Boinc replicas(int replicas) {
    return ImmutableBoinc.copyOf(this)
        .copyWithReplicas(Check.between("replicas", replicas, 1, 1000));
  }

  @Override
  public Boinc image(String image) {
    return ImmutableBoinc.copyOf(this).copyWithImage(Images.pinned("image", image));
  }

  @Override
  public Boinc resources(Resources resources) {
    return ImmutableBoinc.copyOf(this)
        .copyWithResources(Check.notNull("resources", resources, "CPU and memory"));
  }

  /**
   * The account key is the value of {@code key} in the Secret {@code secret} that you create in the
   * demo's namespace.
   */
  public Boinc accountKeySecret(String secret, String key) {
    return ImmutableBoinc.copyOf(this)
        .copyWithAccountKeySecret(Check.dnsSubdomain("accountKeySecret", secret))
        .copyWithAccountKeyKey(
            Check.matches(
                "accountKeyKey",
                key,
                SECRET_KEY,
                "a Secret key of a-z, A-Z, 0-9, '-', '_' and '.'"));
  }

  /**
   * Attach to another BOINC project than World Community Grid; its account key comes from the same
   * Secret.
   */
  public Boinc projectUrl(String url) {
    return ImmutableBoinc.copyOf(this)
        .copyWithProjectUrl(
            Check.matches(
                "projectUrl",
                url,
                URL,
                "an http:// or https:// URL such as https://www.worldcommunitygrid.org/"));
  }

  @Override
  public String name() {
    return NAME;
  }

  /** The command that creates the Secret the clients need, for messages and the README. */
  public String secretCommand(String namespace) {
    return "kubectl -n "
        + namespace
        + " create secret generic "
        + accountKeySecret()
        + " --from-literal="
        + accountKeyKey()
        + "=YOUR_ACCOUNT_KEY";
  }

  @Override
  public Map<Stage, List<HasMetadata>> objects(DemoContext context) {
    return Map.of(
        Stage.BACKGROUND,
        List.of(BoincObjects.deployment(this, context), BoincObjects.networkPolicy(this, context)));
  }

  @Override
  public String toString() {
    return describe();
  }
}
