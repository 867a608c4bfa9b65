package io.cncfdemo.cluster;

import io.cncfdemo.internal.CncfDemoStyle;
import io.cncfdemo.internal.Check;
import java.nio.file.Path;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The "local" deployment model. With {@link #context(String)} or {@link #kubeconfig(Path)} it uses a cluster you
 * already run (kind, k3d, minikube, Docker Desktop); the {@code cncfdemo-provider-local} artifact acts on it.
 */
@Value.Immutable
@CncfDemoStyle
public abstract class LocalTarget implements Target {
  public static final String PROVIDER = "local";

  LocalTarget() {}

  public static LocalTarget create() {
    return ImmutableLocalTarget.builder().build();
  }

  /** The kubeconfig file to read; when absent, {@code $KUBECONFIG} or {@code ~/.kube/config}. */
  public abstract Optional<Path> kubeconfig();

  /** The kubeconfig context to use; when absent, the file's current context. */
  public abstract Optional<String> context();

  /** Uses the cluster of this kubeconfig file (its current context unless {@link #context(String)} is given). */
  public LocalTarget kubeconfig(Path file) {
    return ImmutableLocalTarget.copyOf(this).copyWithKubeconfig(
        Check.notNull("kubeconfig", file, "the path of a kubeconfig file"));
  }

  /** Uses the cluster of this kubeconfig context, e.g. {@code kind-kind} or {@code docker-desktop}. */
  public LocalTarget context(String name) {
    return ImmutableLocalTarget.copyOf(this).copyWithContext(Check.notBlank("context", name));
  }

  /** Whether this target names an existing cluster (a kubeconfig or a context) rather than asking for a new one. */
  public final boolean isExisting() {
    return kubeconfig().isPresent() || context().isPresent();
  }

  @Override
  public final String providerName() {
    return PROVIDER;
  }

  @Override
  public String describe() {
    var out = new StringBuilder("local()");
    kubeconfig().ifPresent(file -> out.append(".kubeconfig(\"").append(file).append("\")"));
    context().ifPresent(name -> out.append(".context(\"").append(name).append("\")"));
    return out.toString();
  }
}
