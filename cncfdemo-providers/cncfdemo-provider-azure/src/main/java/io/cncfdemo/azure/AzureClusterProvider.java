package io.cncfdemo.azure;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.okhttp.OkHttpAsyncHttpClientBuilder;
import com.azure.core.management.exception.ManagementException;
import com.azure.identity.DefaultAzureCredentialBuilder;
import io.cncfdemo.azure.internal.AzureClients;
import io.cncfdemo.azure.internal.AzureDnsZone;
import io.cncfdemo.azure.internal.AzureInfrastructure;
import io.cncfdemo.azure.internal.AzureNames;
import io.cncfdemo.azure.internal.AzurePlan;
import io.cncfdemo.azure.internal.Capacity;
import io.cncfdemo.azure.internal.Preflight;
import io.cncfdemo.azure.internal.PriceTable;
import io.cncfdemo.azure.internal.SshKey;
import io.cncfdemo.azure.internal.Teardown;
import io.cncfdemo.bootstrap.AdminAccess;
import io.cncfdemo.cluster.AzureTarget;
import io.cncfdemo.cluster.ClusterProvider;
import io.cncfdemo.cluster.ClusterSpec;
import io.cncfdemo.cluster.ProvisioningPlan;
import io.cncfdemo.cluster.PublicZone;
import io.cncfdemo.cluster.PublishedNames;
import io.cncfdemo.cluster.RunningCluster;
import io.cncfdemo.cluster.Target;
import io.cncfdemo.exception.CncfDemoException;
import io.cncfdemo.exception.InvalidInputException;
import io.cncfdemo.support.Check;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The "azure" provider: {@code
 * Cluster.on(azure().location("westeurope").apiAccessCidr("203.0.113.7/32")).create()} makes a
 * resource group with managed identities, a virtual network, a network security group, an internal
 * Standard load balancer for the API server, a private DNS zone and two VM Scale Sets (flexible
 * orchestration) whose VMs bootstrap themselves with kubeadm and Calico (VXLAN); then waits for the
 * API and every node. Found by {@link java.util.ServiceLoader}; build one with {@link #builder()}
 * for other credentials, a subscription, an endpoint or timeouts, and pass it to {@code
 * Cluster.using(provider)}.
 *
 * <p>Credentials come from {@code DefaultAzureCredential} unless given, and are never logged; the
 * subscription from the target, else the builder, else {@code AZURE_SUBSCRIPTION_ID}.
 */
public final class AzureClusterProvider implements ClusterProvider {
  public static final Duration DEFAULT_KUBECONFIG_TIMEOUT = Duration.ofMinutes(20);
  public static final Duration DEFAULT_READY_TIMEOUT = Duration.ofMinutes(15);
  public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(15);

  private static final Logger LOG = LoggerFactory.getLogger(AzureClusterProvider.class);

  private final Settings settings;
  private final Consumer<String> progress;

  /**
   * The provider as {@link java.util.ServiceLoader} makes it: DefaultAzureCredential, Azure's
   * endpoints, default timeouts.
   */
  public AzureClusterProvider() {
    this(builder());
  }

  private AzureClusterProvider(Builder builder) {
    this(builder.settings(), builder.progress);
  }

  private AzureClusterProvider(Settings settings, Consumer<String> progress) {
    this.settings = settings;
    this.progress = progress;
  }

  /**
   * The same provider, rebuilt from its settings, telling {@code listener} too each step of a
   * create or destroy.
   */
  @Override
  public ClusterProvider reportingTo(Consumer<String> listener) {
    Objects.requireNonNull(listener, "listener");
    return new AzureClusterProvider(settings, progress.andThen(listener));
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String name() {
    return AzureTarget.PROVIDER;
  }

  @Override
  public String description() {
    return "Azure: VM Scale Sets, kubeadm with Calico (VXLAN), an internal load balancer and a"
        + " private DNS zone; Azure SDK for Java";
  }

  @Override
  public ProvisioningPlan plan(ClusterSpec spec) {
    azure(spec.target());
    return AzurePlan.of(spec, PriceTable.shipped());
  }

  @Override
  public RunningCluster create(ClusterSpec spec) {
    var target = azure(spec.target());
    Preflight.apiAccessCidr(target);
    var names = new AzureNames(spec.name(), target.location());
    var azure = clients(target);
    new Capacity(azure).check(spec);
    target.publicZone().map(zone -> AzureDnsZone.open(azure, zone)).ifPresent(PublicZone::close);
    tell(
        "creating cluster "
            + spec.name()
            + " in "
            + target.location()
            + " (resource group "
            + names.resourceGroup()
            + ")");
    var key = SshKey.choose(settings.sshPublicKey(), Path.of(System.getProperty("user.home")));
    var last = new AtomicReference<AzureInfrastructure.Step>();
    try {
      AzureInfrastructure.ensure(
          azure,
          spec,
          key,
          step -> {
            last.set(step);
            tell(step.description() + ": done");
            settings.afterStep().done(step);
          });
    } catch (ManagementException e) {
      throw refused(e, last.get());
    }
    var kubeconfigText =
        AzureInfrastructure.adminKubeconfig(
            azure, names, settings.kubeconfigTimeout(), settings.pollInterval(), this::tell);
    return AdminAccess.connect(
        this,
        spec,
        kubeconfigFile(names),
        kubeconfigText,
        settings.readyTimeout(),
        settings.pollInterval(),
        this::tell);
  }

  /**
   * The public Azure DNS zone {@code azure().publicZone(..)} names, looked up by name in the
   * subscription; fails, naming it, when there is none of that name.
   */
  @Override
  public Optional<PublicZone> openPublicZone(ClusterSpec spec) {
    var target = azure(spec.target());
    return target.publicZone().map(zone -> AzureDnsZone.open(clients(target), zone));
  }

  @Override
  public void destroy(ClusterSpec spec) {
    destroyAndReport(spec);
  }

  /**
   * {@link #destroy}, returning what was removed: one line per resource group and per resource,
   * type and name.
   */
  public List<String> destroyAndReport(ClusterSpec spec) {
    var target = azure(spec.target());
    var names = new AzureNames(spec.name(), target.location());
    var azure = clients(target);
    tell("deleting cluster " + spec.name() + " in " + target.location());
    var removed = new ArrayList<>(PublishedNames.deleteForCluster(this, spec));
    removed.addAll(new Teardown(azure, names).run());
    removed.forEach(line -> tell("removed " + line));
    try {
      Files.deleteIfExists(kubeconfigFile(names));
    } catch (IOException e) {
      LOG.warn("could not delete {}: {}", kubeconfigFile(names), e.getMessage());
    }
    tell(
        "cluster "
            + spec.name()
            + " in "
            + target.location()
            + " deleted"
            + (removed.isEmpty() ? " (nothing was there)" : ""));
    return removed;
  }

  private static CncfDemoException refused(ManagementException e, AzureInfrastructure.Step last) {
    var error = e.getValue();
    var reason = error == null ? e.getMessage() : error.getCode() + ": " + error.getMessage();
    return new CncfDemoException(
        "Azure refused a request "
            + (last == null ? "at the first step" : "after the step \"" + last.description() + "\"")
            + " ("
            + reason
            + "). What was made so far is kept: run"
            + " create() again to go on from there, or destroy() to remove everything",
        e);
  }

  Path kubeconfigFile(AzureNames names) {
    return settings
        .kubeconfigDirectory()
        .resolve(names.cluster() + "." + names.location() + ".kubeconfig");
  }

  /**
   * Checks the subscription and the credential, then connects; nothing is created before this
   * returns.
   */
  private AzureClients clients(AzureTarget target) {
    var id =
        Preflight.subscription(
            target,
            settings.subscription(),
            Optional.ofNullable(System.getenv(Preflight.SUBSCRIPTION_VARIABLE)));
    var token = settings.credential().orElseGet(() -> new DefaultAzureCredentialBuilder().build());
    Preflight.credential(token, settings.credential().isEmpty());
    return new AzureClients(
        id,
        token,
        settings.endpoint(),
        settings.httpClient().orElseGet(() -> new OkHttpAsyncHttpClientBuilder().build()));
  }

  private void tell(String message) {
    LOG.info(message);
    progress.accept(message);
  }

  private static AzureTarget azure(Target target) {
    if (!(target instanceof AzureTarget azure)) {
      throw new InvalidInputException("target", target.describe(), "an azure() target");
    }
    return azure;
  }

  /** Options of an {@link AzureClusterProvider}; every one has a default. */
  public static final class Builder {
    private Optional<URI> endpoint = Optional.empty();
    private Optional<TokenCredential> credential = Optional.empty();
    private Optional<String> subscription = Optional.empty();
    private Optional<HttpClient> httpClient = Optional.empty();
    private Optional<String> sshPublicKey = Optional.empty();
    private Path kubeconfigDirectory =
        Path.of(System.getProperty("user.home"), ".cncfdemo", "azure");
    private Duration kubeconfigTimeout = DEFAULT_KUBECONFIG_TIMEOUT;
    private Duration readyTimeout = DEFAULT_READY_TIMEOUT;
    private Duration pollInterval = DEFAULT_POLL_INTERVAL;
    private Consumer<String> progress = message -> {};
    private AzureInfrastructure.StepListener afterStep = step -> {};

    private Builder() {}

    /**
     * Sends every Azure Resource Manager request to this endpoint instead of {@code
     * https://management.azure.com/}.
     */
    public Builder endpoint(URI endpoint) {
      this.endpoint = Optional.of(Objects.requireNonNull(endpoint, "endpoint"));
      return this;
    }

    /**
     * Uses this credential instead of {@code DefaultAzureCredential}, e.g. a {@code
     * ClientSecretCredential}.
     */
    public Builder credential(TokenCredential credential) {
      this.credential = Optional.of(Objects.requireNonNull(credential, "credential"));
      return this;
    }

    /** The subscription when the target names none; before {@code AZURE_SUBSCRIPTION_ID}. */
    public Builder subscription(String subscriptionId) {
      this.subscription = Optional.of(Check.notBlank("subscription", subscriptionId));
      return this;
    }

    /**
     * The HTTP client of the Azure SDK, e.g. one with a proxy or another trust store; default
     * OkHttp's.
     */
    public Builder httpClient(HttpClient client) {
      this.httpClient = Optional.of(Objects.requireNonNull(client, "client"));
      return this;
    }

    /**
     * The SSH public key the nodes accept (OpenSSH format); default {@code ~/.ssh/id_ed25519.pub}
     * or {@code id_rsa.pub}.
     */
    public Builder sshPublicKey(String key) {
      this.sshPublicKey = Optional.of(Check.notBlank("sshPublicKey", key));
      return this;
    }

    /**
     * Where admin kubeconfigs are written, as {@code <cluster>.<location>.kubeconfig}; default
     * {@code ~/.cncfdemo/azure}.
     */
    public Builder kubeconfigDirectory(Path directory) {
      this.kubeconfigDirectory = Objects.requireNonNull(directory, "directory");
      return this;
    }

    /** How long to wait for the first master to have the admin kubeconfig; default 20 minutes. */
    public Builder kubeconfigTimeout(Duration timeout) {
      this.kubeconfigTimeout = Check.positive("kubeconfigTimeout", timeout);
      return this;
    }

    /**
     * How long to wait, once the kubeconfig is there, for the API and every node to be Ready;
     * default 15 minutes.
     */
    public Builder readyTimeout(Duration timeout) {
      this.readyTimeout = Check.positive("readyTimeout", timeout);
      return this;
    }

    /**
     * How often to look while waiting; default 15 seconds (each look at the master is one Run
     * Command).
     */
    public Builder pollInterval(Duration interval) {
      this.pollInterval = Check.positive("pollInterval", interval);
      return this;
    }

    /**
     * Receives a line for each step of {@code create()} and {@code destroy()} and each change while
     * waiting.
     */
    public Builder progress(Consumer<String> listener) {
      this.progress = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Test seam: told after each infrastructure step, may throw to interrupt {@code create()}
     * there.
     */
    Builder afterStep(AzureInfrastructure.StepListener listener) {
      this.afterStep = Objects.requireNonNull(listener, "listener");
      return this;
    }

    public AzureClusterProvider build() {
      return new AzureClusterProvider(this);
    }

    private Settings settings() {
      return new Settings(
          endpoint,
          credential,
          subscription,
          httpClient,
          sshPublicKey,
          kubeconfigDirectory,
          kubeconfigTimeout,
          readyTimeout,
          pollInterval,
          afterStep);
    }
  }

  /**
   * Every setting of a {@link Builder} but the progress listener, as {@link Builder#build} found
   * them: {@link #reportingTo} makes its provider from this snapshot, so it keeps every setting.
   */
  private record Settings(
      Optional<URI> endpoint,
      Optional<TokenCredential> credential,
      Optional<String> subscription,
      Optional<HttpClient> httpClient,
      Optional<String> sshPublicKey,
      Path kubeconfigDirectory,
      Duration kubeconfigTimeout,
      Duration readyTimeout,
      Duration pollInterval,
      AzureInfrastructure.StepListener afterStep) {
    /** Names what it is without the credentials it holds, should it ever be printed. */
    @Override
    public String toString() {
      return "the settings of a azure() provider (credentials not shown)";
    }
  }
}
