package io.cncfdemo.gcp;

import com.google.api.client.http.HttpRequestInitializer;
import com.google.api.gax.core.CredentialsProvider;
import com.google.api.gax.core.FixedCredentialsProvider;
import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.rpc.ApiException;
import com.google.auth.http.HttpCredentialsAdapter;
import com.google.auth.oauth2.GoogleCredentials;
import io.cncfdemo.bootstrap.AdminAccess;
import io.cncfdemo.cluster.ClusterProvider;
import io.cncfdemo.cluster.ClusterSpec;
import io.cncfdemo.cluster.GcpTarget;
import io.cncfdemo.cluster.ProvisioningPlan;
import io.cncfdemo.cluster.PublicZone;
import io.cncfdemo.cluster.PublishedNames;
import io.cncfdemo.cluster.RunningCluster;
import io.cncfdemo.cluster.Target;
import io.cncfdemo.exception.CncfDemoException;
import io.cncfdemo.exception.InvalidInputException;
import io.cncfdemo.gcp.internal.CloudDnsZone;
import io.cncfdemo.gcp.internal.GcpClients;
import io.cncfdemo.gcp.internal.GcpInfrastructure;
import io.cncfdemo.gcp.internal.GcpNames;
import io.cncfdemo.gcp.internal.GcpPlan;
import io.cncfdemo.gcp.internal.Preflight;
import io.cncfdemo.gcp.internal.PriceTable;
import io.cncfdemo.gcp.internal.Teardown;
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
 * The "gcp" provider: {@code
 * Cluster.on(gcp().project("my-project").zone("us-central1-a").apiAccessCidr(
 * "203.0.113.7/32")).create()} makes a VPC network with a subnetwork and firewall rules, instance
 * templates and regional managed instance groups whose instances bootstrap themselves with kubeadm
 * and Calico (and the persistent disk CSI driver as the default StorageClass), running as a service
 * account of their own, an internal passthrough load balancer for the API server and a private
 * Cloud DNS zone; then waits for the API and every node. Found by {@link java.util.ServiceLoader};
 * build one with {@link #builder()} for a key file, a project, endpoints or timeouts, and pass it
 * to {@code Cluster.using(provider)}.
 *
 * <p>Credentials are Application Default Credentials unless given, and are never logged; the
 * project is the target's, else the builder's, else the service-account key's, else {@code
 * GOOGLE_CLOUD_PROJECT}.
 */
public final class GcpClusterProvider implements ClusterProvider {
  public static final Duration DEFAULT_KUBECONFIG_TIMEOUT = Duration.ofMinutes(20);
  public static final Duration DEFAULT_READY_TIMEOUT = Duration.ofMinutes(15);
  public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(15);

  private static final Logger LOG = LoggerFactory.getLogger(GcpClusterProvider.class);

  private final Settings settings;
  private final Consumer<String> progress;

  /**
   * The provider as {@link java.util.ServiceLoader} makes it: Application Default Credentials,
   * Google's endpoints.
   */
  public GcpClusterProvider() {
    this(builder());
  }

  private GcpClusterProvider(Builder builder) {
    this(builder.settings(), builder.progress);
  }

  private GcpClusterProvider(Settings settings, Consumer<String> progress) {
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
    return new GcpClusterProvider(settings, progress.andThen(listener));
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String name() {
    return GcpTarget.PROVIDER;
  }

  @Override
  public String description() {
    return "GCP: regional managed instance groups, kubeadm with Calico, an internal load balancer"
        + " and a private Cloud DNS zone; Compute Engine and Cloud DNS clients";
  }

  @Override
  public ProvisioningPlan plan(ClusterSpec spec) {
    gcp(spec.target());
    return GcpPlan.of(spec, PriceTable.shipped());
  }

  @Override
  public RunningCluster create(ClusterSpec spec) {
    var target = gcp(spec.target());
    var names = new GcpNames(spec.name());
    var apiAccessCidr = Preflight.apiAccessCidr(target);
    try (var gcp = clients(target)) {
      try {
        Preflight.capacity(gcp, spec);
        target.publicZone().ifPresent(zone -> CloudDnsZone.find(gcp, zone));
      } catch (ApiException e) {
        throw new CncfDemoException(
            "Google Cloud refused a read before anything was created ("
                + reason(e)
                + "); nothing was created",
            e);
      }
      tell("creating cluster " + spec.name() + " in project " + gcp.project + ", zone " + gcp.zone);
      var last = new AtomicReference<GcpInfrastructure.Step>();
      try {
        var minions =
            GcpInfrastructure.ensure(
                gcp,
                spec,
                apiAccessCidr,
                step -> {
                  last.set(step);
                  tell(step.description() + ": done");
                  settings.afterStep().done(step);
                });
        tell(names.minionsRecord() + " lists " + minions.size() + " address(es)");
      } catch (ApiException e) {
        throw interrupted("Google Cloud refused a request (" + reason(e) + ")", last.get(), e);
      } catch (CncfDemoException e) {
        throw interrupted(e.getMessage(), last.get(), e);
      }
      var kubeconfigText =
          GcpInfrastructure.adminKubeconfig(
              gcp, names, settings.kubeconfigTimeout(), settings.pollInterval(), this::tell);
      return AdminAccess.connect(
          this,
          spec,
          kubeconfigFile(names, gcp.project),
          kubeconfigText,
          settings.readyTimeout(),
          settings.pollInterval(),
          this::tell);
    }
  }

  /**
   * The public Cloud DNS managed zone {@code gcp().publicZone(..)} names, looked up by its DNS name
   * in the project; fails, naming it, when there is none.
   */
  @Override
  public Optional<PublicZone> openPublicZone(ClusterSpec spec) {
    var target = gcp(spec.target());
    return target.publicZone().map(zone -> CloudDnsZone.open(clients(target), zone));
  }

  @Override
  public void destroy(ClusterSpec spec) {
    destroyAndReport(spec);
  }

  /** {@link #destroy}, returning what was removed: one line per resource, its kind and name. */
  public List<String> destroyAndReport(ClusterSpec spec) {
    var target = gcp(spec.target());
    var names = new GcpNames(spec.name());
    try (var gcp = clients(target)) {
      tell(
          "deleting cluster "
              + spec.name()
              + " in project "
              + gcp.project
              + ", region "
              + gcp.region);
      var removed = new ArrayList<>(PublishedNames.deleteForCluster(this, spec));
      removed.addAll(new Teardown(gcp, names).run());
      removed.forEach(line -> tell("removed " + line));
      var file = kubeconfigFile(names, gcp.project);
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        LOG.warn("could not delete {}: {}", file, e.getMessage());
      }
      tell(
          "cluster "
              + spec.name()
              + " deleted"
              + (removed.isEmpty() ? " (nothing was there)" : ""));
      return removed;
    }
  }

  private static CncfDemoException interrupted(
      String what, GcpInfrastructure.Step last, RuntimeException cause) {
    return new CncfDemoException(
        what
            + " ("
            + (last == null ? "at the first step" : "after the step \"" + last.description() + "\"")
            + "). What was made so far is kept: run create() again to go on from there, or"
            + " destroy() to remove everything",
        cause);
  }

  private static String reason(ApiException e) {
    var first = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
    return e.getStatusCode().getCode()
        + (e.getReason() != null ? " " + e.getReason() : "")
        + ": "
        + first;
  }

  Path kubeconfigFile(GcpNames names, String projectId) {
    return settings
        .kubeconfigDirectory()
        .resolve(names.cluster() + "." + projectId + ".kubeconfig");
  }

  /**
   * Finds the credentials and the project, then connects; nothing is created before this returns.
   */
  private GcpClients clients(GcpTarget target) {
    CredentialsProvider computeCredentials;
    HttpRequestInitializer dnsCredentials;
    Optional<GoogleCredentials> found;
    if (settings.anonymous()) {
      found = Optional.empty();
      computeCredentials = NoCredentialsProvider.create();
      dnsCredentials = request -> {};
    } else {
      var chosen =
          settings.credentials().orElseGet(() -> Preflight.credentials(settings.keyFile()));
      found = Optional.of(chosen);
      computeCredentials = FixedCredentialsProvider.create(chosen);
      dnsCredentials = new HttpCredentialsAdapter(chosen);
    }
    var projectId =
        Preflight.project(
            target,
            settings.project(),
            found,
            Optional.ofNullable(System.getenv(Preflight.PROJECT_VARIABLE)));
    return new GcpClients(
        projectId,
        target.zone(),
        target.region(),
        computeCredentials,
        dnsCredentials,
        settings.endpoint(),
        settings.dnsEndpoint(),
        settings.identityEndpoint(),
        settings.operationPoll());
  }

  private void tell(String message) {
    LOG.info(message);
    progress.accept(message);
  }

  private static GcpTarget gcp(Target target) {
    if (!(target instanceof GcpTarget gcp)) {
      throw new InvalidInputException("target", target.describe(), "a gcp() target");
    }
    return gcp;
  }

  /** Options of a {@link GcpClusterProvider}; every one has a default. */
  public static final class Builder {
    private Optional<URI> endpoint = Optional.empty();
    private Optional<URI> dnsEndpoint = Optional.empty();
    private Optional<URI> identityEndpoint = Optional.empty();
    private Optional<GoogleCredentials> credentials = Optional.empty();
    private Optional<Path> keyFile = Optional.empty();
    private boolean anonymous;
    private Optional<Duration> operationPoll = Optional.empty();
    private Optional<String> project = Optional.empty();
    private Path kubeconfigDirectory = Path.of(System.getProperty("user.home"), ".cncfdemo", "gcp");
    private Duration kubeconfigTimeout = DEFAULT_KUBECONFIG_TIMEOUT;
    private Duration readyTimeout = DEFAULT_READY_TIMEOUT;
    private Duration pollInterval = DEFAULT_POLL_INTERVAL;
    private Consumer<String> progress = message -> {};
    private GcpInfrastructure.StepListener afterStep = step -> {};

    private Builder() {}

    /**
     * Sends every Compute Engine request here, e.g. {@code http://127.0.0.1:8080}, instead of
     * Google's endpoint.
     */
    public Builder endpoint(URI computeEndpoint) {
      this.endpoint = Optional.of(Objects.requireNonNull(computeEndpoint, "computeEndpoint"));
      return this;
    }

    /** Sends every Cloud DNS request here (its root URL, e.g. {@code http://127.0.0.1:8080/}). */
    public Builder dnsEndpoint(URI rootUrl) {
      this.dnsEndpoint = Optional.of(Objects.requireNonNull(rootUrl, "rootUrl"));
      return this;
    }

    /** Uses these credentials instead of Application Default Credentials. */
    public Builder credentials(GoogleCredentials credentials) {
      this.credentials = Optional.of(Objects.requireNonNull(credentials, "credentials"));
      return this;
    }

    /**
     * Reads the credentials from this key file (a service-account JSON key) instead of Application
     * Default Credentials.
     */
    public Builder keyFile(Path file) {
      this.keyFile = Optional.of(Objects.requireNonNull(file, "file"));
      return this;
    }

    /**
     * The project when the target names none; before the key's and {@code GOOGLE_CLOUD_PROJECT}.
     */
    public Builder project(String projectId) {
      this.project = Optional.of(Check.notBlank("project", projectId));
      return this;
    }

    /**
     * Where admin kubeconfigs are written, as {@code <cluster>.<project>.kubeconfig}; default
     * {@code ~/.cncfdemo/gcp}.
     */
    public Builder kubeconfigDirectory(Path directory) {
      this.kubeconfigDirectory = Objects.requireNonNull(directory, "directory");
      return this;
    }

    /**
     * How long to wait for the first master to publish the admin kubeconfig; default 20 minutes.
     */
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

    /** How often to look while waiting; default 15 seconds. */
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
     * Test seam: sends the IAM and Resource Manager requests here (a root URL, e.g. {@code
     * http://127.0.0.1:8080/}).
     */
    Builder identityEndpoint(URI rootUrl) {
      this.identityEndpoint = Optional.of(Objects.requireNonNull(rootUrl, "rootUrl"));
      return this;
    }

    /** Test seam: no credentials at all (for a fake on 127.0.0.1). */
    Builder anonymous() {
      this.anonymous = true;
      return this;
    }

    /**
     * Test seam: poll Compute Engine operations this often instead of the client's 0.5 s and more.
     */
    Builder operationPoll(Duration interval) {
      this.operationPoll = Optional.of(Check.positive("operationPoll", interval));
      return this;
    }

    /**
     * Test seam: told after each infrastructure step, may throw to interrupt {@code create()}
     * there.
     */
    Builder afterStep(GcpInfrastructure.StepListener listener) {
      this.afterStep = Objects.requireNonNull(listener, "listener");
      return this;
    }

    public GcpClusterProvider build() {
      return new GcpClusterProvider(this);
    }

    private Settings settings() {
      return new Settings(
          endpoint,
          dnsEndpoint,
          identityEndpoint,
          credentials,
          keyFile,
          anonymous,
          operationPoll,
          project,
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
      Optional<URI> dnsEndpoint,
      Optional<URI> identityEndpoint,
      Optional<GoogleCredentials> credentials,
      Optional<Path> keyFile,
      boolean anonymous,
      Optional<Duration> operationPoll,
      Optional<String> project,
      Path kubeconfigDirectory,
      Duration kubeconfigTimeout,
      Duration readyTimeout,
      Duration pollInterval,
      GcpInfrastructure.StepListener afterStep) {
    /** Names what it is without the credentials it holds, should it ever be printed. */
    @Override
    public String toString() {
      return "the settings of a gcp() provider (credentials not shown)";
    }
  }
}
