package io.cncfdemo.aws;

import io.cncfdemo.aws.internal.AdminKubeconfig;
import io.cncfdemo.aws.internal.AwsClients;
import io.cncfdemo.aws.internal.AwsInfrastructure;
import io.cncfdemo.aws.internal.AwsPlan;
import io.cncfdemo.aws.internal.ClusterNames;
import io.cncfdemo.aws.internal.Preflight;
import io.cncfdemo.aws.internal.PriceListApi;
import io.cncfdemo.aws.internal.PriceTable;
import io.cncfdemo.aws.internal.Route53PublicZone;
import io.cncfdemo.aws.internal.Teardown;
import io.cncfdemo.bootstrap.AdminAccess;
import io.cncfdemo.cluster.AwsTarget;
import io.cncfdemo.cluster.ClusterProvider;
import io.cncfdemo.cluster.ClusterSpec;
import io.cncfdemo.cluster.DeclaredCapability;
import io.cncfdemo.cluster.ProvisioningPlan;
import io.cncfdemo.cluster.PublicZone;
import io.cncfdemo.cluster.PublishedNames;
import io.cncfdemo.cluster.RunningCluster;
import io.cncfdemo.cluster.Target;
import io.cncfdemo.exception.InvalidInputException;
import io.cncfdemo.support.Check;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

/**
 * The "aws" provider: {@code
 * Cluster.on(aws().region("us-west-2").apiAccessCidr("203.0.113.7/32")).create()} makes a VPC with
 * public subnets in three zones, security groups, IAM roles, launch templates, an Auto Scaling
 * group of masters and one of minions bootstrapped by kubeadm with Calico, the AWS cloud controller
 * manager (Services of type LoadBalancer get an ELB) and the EBS CSI driver (the default
 * StorageClass {@code gp3}), and a private Route53 zone kept current by a Lambda function; then
 * waits for the API and every node. Found by {@link java.util.ServiceLoader}; build one with {@link
 * #builder()} for an emulator endpoint, other credentials or timeouts, and pass it to {@code
 * Cluster.using(provider)}.
 *
 * <p>Credentials come from the SDK's default chain unless given; they are never logged. The
 * endpoint is, in order, the one given here, the system property {@value #ENDPOINT_PROPERTY}, the
 * environment variable {@value #ENDPOINT_VARIABLE}, else AWS's own.
 */
public final class AwsClusterProvider implements ClusterProvider {
  /**
   * System property naming an emulator endpoint, e.g. {@code http://127.0.0.1:5000} for moto; the
   * SDK's own name.
   */
  public static final String ENDPOINT_PROPERTY = "aws.endpointUrl";

  /** Environment variable naming an emulator endpoint; the SDK's own name. */
  public static final String ENDPOINT_VARIABLE = "AWS_ENDPOINT_URL";

  public static final Duration DEFAULT_KUBECONFIG_TIMEOUT = Duration.ofMinutes(20);
  public static final Duration DEFAULT_READY_TIMEOUT = Duration.ofMinutes(15);
  public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(10);

  private static final Logger LOG = LoggerFactory.getLogger(AwsClusterProvider.class);

  private final Settings settings;
  private final Optional<URI> endpoint;
  private final Optional<AwsCredentialsProvider> credentials;
  private final Path kubeconfigDirectory;
  private final Duration kubeconfigTimeout;
  private final Duration readyTimeout;
  private final Duration pollInterval;
  private final boolean priceListApi;
  private final Consumer<String> progress;
  private final AwsInfrastructure.StepListener afterStep;

  /**
   * The provider as {@link java.util.ServiceLoader} makes it: default chain, AWS's endpoints,
   * default timeouts.
   */
  public AwsClusterProvider() {
    this(builder());
  }

  private AwsClusterProvider(Builder builder) {
    this(builder.settings(), builder.progress);
  }

  private AwsClusterProvider(Settings settings, Consumer<String> progress) {
    this.settings = settings;
    this.endpoint = settings.endpoint();
    this.credentials = settings.credentials();
    this.kubeconfigDirectory = settings.kubeconfigDirectory();
    this.kubeconfigTimeout = settings.kubeconfigTimeout();
    this.readyTimeout = settings.readyTimeout();
    this.pollInterval = settings.pollInterval();
    this.priceListApi = settings.priceListApi();
    this.afterStep = settings.afterStep();
    this.progress = progress;
  }

  /**
   * The same provider, rebuilt from its settings, telling {@code listener} too each step of a
   * create or destroy.
   */
  @Override
  public ClusterProvider reportingTo(Consumer<String> listener) {
    Objects.requireNonNull(listener, "listener");
    return new AwsClusterProvider(settings, progress.andThen(listener));
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String name() {
    return AwsTarget.PROVIDER;
  }

  @Override
  public String description() {
    return "AWS: VPC, Auto Scaling groups and kubeadm with Calico, the AWS cloud controller"
        + " manager and the EBS CSI driver (default StorageClass gp3), a Route53 zone kept by"
        + " Lambda; AWS SDK for Java v2";
  }

  /** Its clusters run the AWS cloud controller manager: LoadBalancer Services get an ELB. */
  @Override
  public Set<DeclaredCapability> declares(ClusterSpec spec) {
    return Set.of(DeclaredCapability.LOAD_BALANCERS);
  }

  @Override
  public ProvisioningPlan plan(ClusterSpec spec) {
    Preflight.region(aws(spec.target()));
    Optional<BiFunction<String, String, Optional<BigDecimal>>> live =
        priceListApi
            ? Optional.of(new PriceListApi(credentialsProvider(), endpoint)::instancePerHour)
            : Optional.empty();
    return AwsPlan.of(spec, PriceTable.shipped(), live);
  }

  @Override
  public RunningCluster create(ClusterSpec spec) {
    var target = aws(spec.target());
    var region = Preflight.region(target);
    Preflight.apiAccessCidr(target);
    var names = new ClusterNames(spec.name(), region.id());
    var credentialsProvider = credentialsProvider();
    String kubeconfigText;
    try (var aws = new AwsClients(region, credentialsProvider, endpoint)) {
      var account = Preflight.account(credentialsProvider, aws.sts());
      target.publicZone().ifPresent(zone -> Route53PublicZone.find(aws.route53(), zone));
      tell("creating cluster " + spec.name() + " in " + region.id());
      AwsInfrastructure.ensure(
          aws,
          spec,
          account,
          step -> {
            tell(step.description() + ": done");
            afterStep.done(step);
          });
      kubeconfigText =
          AdminKubeconfig.await(aws, names, kubeconfigTimeout, pollInterval, this::tell);
    }
    return AdminAccess.connect(
        this, spec, kubeconfigFile(names), kubeconfigText, readyTimeout, pollInterval, this::tell);
  }

  /**
   * The public Route53 hosted zone {@code aws().publicZone(..)} names, looked up by name; fails,
   * naming it, when the account has none of that name.
   */
  @Override
  public Optional<PublicZone> openPublicZone(ClusterSpec spec) {
    var target = aws(spec.target());
    return target
        .publicZone()
        .map(zone -> Route53PublicZone.open(zone, credentialsProvider(), endpoint));
  }

  @Override
  public void destroy(ClusterSpec spec) {
    var region = Preflight.region(aws(spec.target()));
    var names = new ClusterNames(spec.name(), region.id());
    var credentialsProvider = credentialsProvider();
    try (var aws = new AwsClients(region, credentialsProvider, endpoint)) {
      Preflight.account(credentialsProvider, aws.sts());
      tell("deleting cluster " + spec.name() + " in " + region.id());
      PublishedNames.deleteForCluster(this, spec).forEach(line -> tell("removed " + line));
      new Teardown(aws, names).run();
    }
    try {
      Files.deleteIfExists(kubeconfigFile(names));
    } catch (IOException e) {
      LOG.warn("could not delete {}: {}", kubeconfigFile(names), e.getMessage());
    }
    tell("cluster " + spec.name() + " in " + region.id() + " deleted");
  }

  /** The endpoint this provider sends its requests to, when not AWS's own. */
  public Optional<URI> endpoint() {
    return endpoint;
  }

  Path kubeconfigFile(ClusterNames names) {
    return kubeconfigDirectory.resolve(names.cluster() + "." + names.region() + ".kubeconfig");
  }

  private AwsCredentialsProvider credentialsProvider() {
    return credentials.orElseGet(() -> DefaultCredentialsProvider.builder().build());
  }

  private void tell(String message) {
    LOG.info(message);
    progress.accept(message);
  }

  private static AwsTarget aws(Target target) {
    if (!(target instanceof AwsTarget aws)) {
      throw new InvalidInputException("target", target.describe(), "an aws() target");
    }
    return aws;
  }

  static Optional<URI> configuredEndpoint() {
    return Optional.ofNullable(System.getProperty(ENDPOINT_PROPERTY))
        .or(() -> Optional.ofNullable(System.getenv(ENDPOINT_VARIABLE)))
        .filter(value -> !value.isBlank())
        .map(URI::create);
  }

  /** Options of an {@link AwsClusterProvider}; every one has a default. */
  public static final class Builder {
    private Optional<URI> endpoint = Optional.empty();
    private Optional<AwsCredentialsProvider> credentials = Optional.empty();
    private Path kubeconfigDirectory = Path.of(System.getProperty("user.home"), ".cncfdemo", "aws");
    private Duration kubeconfigTimeout = DEFAULT_KUBECONFIG_TIMEOUT;
    private Duration readyTimeout = DEFAULT_READY_TIMEOUT;
    private Duration pollInterval = DEFAULT_POLL_INTERVAL;
    private boolean priceListApi;
    private Consumer<String> progress = message -> {};
    private AwsInfrastructure.StepListener afterStep = step -> {};

    private Builder() {}

    /**
     * Sends every request to this endpoint, e.g. {@code http://127.0.0.1:5000} for moto or
     * LocalStack.
     */
    public Builder endpoint(URI endpoint) {
      this.endpoint = Optional.of(Objects.requireNonNull(endpoint, "endpoint"));
      return this;
    }

    /** Uses these credentials instead of the SDK's default chain. */
    public Builder credentials(AwsCredentialsProvider credentials) {
      this.credentials = Optional.of(Objects.requireNonNull(credentials, "credentials"));
      return this;
    }

    /**
     * Where admin kubeconfigs are written, as {@code <cluster>.<region>.kubeconfig}; default {@code
     * ~/.cncfdemo/aws}.
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

    /** How often to look while waiting; default 10 seconds. */
    public Builder pollInterval(Duration interval) {
      this.pollInterval = Check.positive("pollInterval", interval);
      return this;
    }

    /**
     * Lets {@code plan()} ask the AWS Price List API for today's instance prices (needs
     * credentials).
     */
    public Builder priceListApi(boolean enabled) {
      this.priceListApi = enabled;
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
    Builder afterStep(AwsInfrastructure.StepListener listener) {
      this.afterStep = Objects.requireNonNull(listener, "listener");
      return this;
    }

    public AwsClusterProvider build() {
      return new AwsClusterProvider(this);
    }

    private Settings settings() {
      return new Settings(
          endpoint.or(AwsClusterProvider::configuredEndpoint),
          credentials,
          kubeconfigDirectory,
          kubeconfigTimeout,
          readyTimeout,
          pollInterval,
          priceListApi,
          afterStep);
    }
  }

  /**
   * Every setting of a {@link Builder} but the progress listener, as {@link Builder#build} found
   * them: {@link #reportingTo} makes its provider from this snapshot, so it keeps every setting.
   */
  private record Settings(
      Optional<URI> endpoint,
      Optional<AwsCredentialsProvider> credentials,
      Path kubeconfigDirectory,
      Duration kubeconfigTimeout,
      Duration readyTimeout,
      Duration pollInterval,
      boolean priceListApi,
      AwsInfrastructure.StepListener afterStep) {
    /** Names what it is without the credentials it holds, should it ever be printed. */
    @Override
    public String toString() {
      return "the settings of a aws() provider (credentials not shown)";
    }
  }
}
