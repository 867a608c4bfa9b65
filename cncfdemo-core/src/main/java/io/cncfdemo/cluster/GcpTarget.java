package io.cncfdemo.cluster;

import io.cncfdemo.support.Check;
import io.cncfdemo.support.CncfDemoValue;
import java.util.Optional;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * The "gcp" deployment model: Compute Engine instances of one project, in the region of one zone;
 * acted on by {@code cncfdemo-provider-gcp}.
 */
@CncfDemoValue
public abstract class GcpTarget implements Target {
  public static final String PROVIDER = "gcp";
  public static final String DEFAULT_ZONE = "us-central1-a";
  public static final String DEFAULT_MACHINE_TYPE = "e2-standard-2";
  static final Pattern ZONE = Pattern.compile("[a-z]+-[a-z]+\\d{1,2}-[a-z]");
  static final Pattern MACHINE_TYPE = Pattern.compile("[a-z][a-z0-9]*-[a-z0-9-]+");
  static final Pattern PROJECT = Pattern.compile("[a-z][-a-z0-9]{4,28}[a-z0-9]");
  static final String ZONE_RULE = "a Compute Engine zone such as us-central1-a or europe-west4-b";
  static final String MACHINE_TYPE_RULE = "a Compute Engine machine type such as e2-standard-2";
  static final String PROJECT_RULE =
      "a Google Cloud project id: 6 to 30 characters of a-z, 0-9 and '-', starting with a letter";
  static final Pattern SERVICE_ACCOUNT =
      Pattern.compile("[a-z0-9][-a-z0-9]{4,28}[a-z0-9]@[-a-z0-9.]+\\.gserviceaccount\\.com");
  static final String SERVICE_ACCOUNT_RULE =
      "a service account e-mail such as cncfdemo-nodes@my-project.iam.gserviceaccount.com";

  GcpTarget() {}

  public static GcpTarget create() {
    return ImmutableGcpTarget.builder().build();
  }

  /**
   * The project to create the cluster in; when absent, the one of the application default
   * credentials.
   */
  public abstract Optional<String> project();

  @Value.Default
  public String zone() {
    return DEFAULT_ZONE;
  }

  /**
   * The region of the zone: where the subnetwork, the managed instance groups and the load balancer
   * are.
   */
  public final String region() {
    return zone().substring(0, zone().lastIndexOf('-'));
  }

  /** The machine type of the minions. */
  @Value.Default
  public String machineType() {
    return DEFAULT_MACHINE_TYPE;
  }

  /** The machine type of the masters. */
  @Value.Default
  public String masterMachineType() {
    return DEFAULT_MACHINE_TYPE;
  }

  /** The only IPv4 range allowed to reach the API server and SSH, e.g. {@code 203.0.113.7/32}. */
  public abstract Optional<String> apiAccessCidr();

  /**
   * The service account the nodes run as, made by the user and used as it is; when absent, {@code
   * create()} makes {@code cncfdemo-<cluster>-nodes} and binds it the roles the nodes and the disk
   * CSI driver need (which needs IAM admin rights on the project), and {@code destroy()} removes
   * it.
   */
  public abstract Optional<String> serviceAccount();

  public GcpTarget project(String project) {
    return ImmutableGcpTarget.copyOf(this)
        .copyWithProject(Check.matches("project", project, PROJECT, PROJECT_RULE));
  }

  public GcpTarget zone(String zone) {
    return ImmutableGcpTarget.copyOf(this)
        .copyWithZone(Check.matches("zone", zone, ZONE, ZONE_RULE));
  }

  public GcpTarget machineType(String type) {
    return ImmutableGcpTarget.copyOf(this)
        .copyWithMachineType(Check.matches("machineType", type, MACHINE_TYPE, MACHINE_TYPE_RULE));
  }

  public GcpTarget masterMachineType(String type) {
    return ImmutableGcpTarget.copyOf(this)
        .copyWithMasterMachineType(
            Check.matches("masterMachineType", type, MACHINE_TYPE, MACHINE_TYPE_RULE));
  }

  /**
   * The DNS zone in which the demo's Ingress hosts are published (see {@link #publicZone(String)}).
   */
  @Override
  public abstract Optional<String> publicZone();

  /**
   * The same target publishing the demo's Ingress hosts ({@code countly.<domain>}, {@code
   * grafana.<domain>}) in this zone, e.g. {@code example.org}: a public Cloud DNS managed zone of
   * the project, looked up by name, never created; the demo's domain must lie under it.
   */
  public GcpTarget publicZone(String zone) {
    return ImmutableGcpTarget.copyOf(this).copyWithPublicZone(ZoneNames.check("publicZone", zone));
  }

  public GcpTarget apiAccessCidr(String cidr) {
    return ImmutableGcpTarget.copyOf(this)
        .copyWithApiAccessCidr(Check.ipv4Cidr("apiAccessCidr", cidr));
  }

  public GcpTarget serviceAccount(String email) {
    return ImmutableGcpTarget.copyOf(this)
        .copyWithServiceAccount(
            Check.matches("serviceAccount", email, SERVICE_ACCOUNT, SERVICE_ACCOUNT_RULE));
  }

  @Override
  public final String providerName() {
    return PROVIDER;
  }

  @Override
  public String describe() {
    return "gcp()"
        + project().map(id -> ".project(\"" + id + "\")").orElse("")
        + ".zone(\""
        + zone()
        + "\")"
        + publicZone().map(zone -> ".publicZone(\"" + zone + "\")").orElse("");
  }

  @Value.Check
  protected void check() {
    Check.matches("zone", zone(), ZONE, ZONE_RULE);
    Check.matches("machineType", machineType(), MACHINE_TYPE, MACHINE_TYPE_RULE);
    Check.matches("masterMachineType", masterMachineType(), MACHINE_TYPE, MACHINE_TYPE_RULE);
    project().ifPresent(id -> Check.matches("project", id, PROJECT, PROJECT_RULE));
    publicZone().ifPresent(zone -> ZoneNames.check("publicZone", zone));
    apiAccessCidr().ifPresent(cidr -> Check.ipv4Cidr("apiAccessCidr", cidr));
    serviceAccount()
        .ifPresent(
            email -> Check.matches("serviceAccount", email, SERVICE_ACCOUNT, SERVICE_ACCOUNT_RULE));
  }
}
