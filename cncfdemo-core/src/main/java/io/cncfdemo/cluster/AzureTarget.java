package io.cncfdemo.cluster;

import io.cncfdemo.support.Check;
import io.cncfdemo.support.CncfDemoValue;
import java.util.Optional;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * The "azure" deployment model: VM Scale Sets in one Azure location and one subscription; acted on
 * by {@code cncfdemo-provider-azure}.
 */
@CncfDemoValue
public abstract class AzureTarget implements Target {
  public static final String PROVIDER = "azure";
  public static final String DEFAULT_LOCATION = "westus2";
  public static final String DEFAULT_VM_SIZE = "Standard_D2s_v5";
  static final Pattern LOCATION = Pattern.compile("[a-z][a-z0-9]{2,30}");
  static final Pattern VM_SIZE = Pattern.compile("(Standard|Basic)_[A-Za-z0-9_]+");
  static final Pattern SUBSCRIPTION =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  static final String LOCATION_RULE = "an Azure location name such as westus2 or westeurope";
  static final String VM_SIZE_RULE = "an Azure VM size such as Standard_D2s_v5";
  static final String SUBSCRIPTION_RULE =
      "an Azure subscription id, a GUID such as 00000000-0000-0000-0000-000000000000";

  AzureTarget() {}

  public static AzureTarget create() {
    return ImmutableAzureTarget.builder().build();
  }

  @Value.Default
  public String location() {
    return DEFAULT_LOCATION;
  }

  /** The VM size of the minions. */
  @Value.Default
  public String vmSize() {
    return DEFAULT_VM_SIZE;
  }

  /** The VM size of the masters. */
  @Value.Default
  public String masterVmSize() {
    return DEFAULT_VM_SIZE;
  }

  /** The only IPv4 range allowed to reach the API server and SSH, e.g. {@code 203.0.113.7/32}. */
  public abstract Optional<String> apiAccessCidr();

  /**
   * The subscription to create the cluster in; when absent, {@code AZURE_SUBSCRIPTION_ID} (or the
   * only one visible).
   */
  public abstract Optional<String> subscription();

  public AzureTarget location(String location) {
    return ImmutableAzureTarget.copyOf(this)
        .copyWithLocation(Check.matches("location", location, LOCATION, LOCATION_RULE));
  }

  public AzureTarget vmSize(String size) {
    return ImmutableAzureTarget.copyOf(this)
        .copyWithVmSize(Check.matches("vmSize", size, VM_SIZE, VM_SIZE_RULE));
  }

  public AzureTarget masterVmSize(String size) {
    return ImmutableAzureTarget.copyOf(this)
        .copyWithMasterVmSize(Check.matches("masterVmSize", size, VM_SIZE, VM_SIZE_RULE));
  }

  /**
   * The DNS zone in which the demo's Ingress hosts are published (see {@link #publicZone(String)}).
   */
  @Override
  public abstract Optional<String> publicZone();

  /**
   * The same target publishing the demo's Ingress hosts ({@code countly.<domain>}, {@code
   * grafana.<domain>}) in this zone, e.g. {@code example.org}: a public Azure DNS zone of the
   * subscription, looked up by name, never created; the demo's domain must lie under it.
   */
  public AzureTarget publicZone(String zone) {
    return ImmutableAzureTarget.copyOf(this)
        .copyWithPublicZone(ZoneNames.check("publicZone", zone));
  }

  public AzureTarget apiAccessCidr(String cidr) {
    return ImmutableAzureTarget.copyOf(this)
        .copyWithApiAccessCidr(Check.ipv4Cidr("apiAccessCidr", cidr));
  }

  public AzureTarget subscription(String subscriptionId) {
    return ImmutableAzureTarget.copyOf(this)
        .copyWithSubscription(
            Check.matches("subscription", subscriptionId, SUBSCRIPTION, SUBSCRIPTION_RULE));
  }

  @Override
  public final String providerName() {
    return PROVIDER;
  }

  @Override
  public String describe() {
    return "azure().location(\""
        + location()
        + "\")"
        + publicZone().map(zone -> ".publicZone(\"" + zone + "\")").orElse("");
  }

  @Value.Check
  protected void check() {
    Check.matches("location", location(), LOCATION, LOCATION_RULE);
    Check.matches("vmSize", vmSize(), VM_SIZE, VM_SIZE_RULE);
    Check.matches("masterVmSize", masterVmSize(), VM_SIZE, VM_SIZE_RULE);
    apiAccessCidr().ifPresent(cidr -> Check.ipv4Cidr("apiAccessCidr", cidr));
    publicZone().ifPresent(zone -> ZoneNames.check("publicZone", zone));
    subscription()
        .ifPresent(id -> Check.matches("subscription", id, SUBSCRIPTION, SUBSCRIPTION_RULE));
  }
}
