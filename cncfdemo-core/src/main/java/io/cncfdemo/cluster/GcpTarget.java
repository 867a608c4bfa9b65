package io.cncfdemo.cluster;

import io.cncfdemo.support.CncfDemoValue;
import io.cncfdemo.support.Check;
import java.util.Optional;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/** The "gcp" deployment model: Compute Engine instances in one zone; acted on by {@code cncfdemo-provider-gcp}. */
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
  static final String PROJECT_RULE = "a Google Cloud project id: 6 to 30 characters of a-z, 0-9 and '-', starting with a letter";

  GcpTarget() {}

  public static GcpTarget create() {
    return ImmutableGcpTarget.builder().build();
  }

  /** The project to create the cluster in; when absent, the one of the application default credentials. */
  public abstract Optional<String> project();

  @Value.Default
  public String zone() {
    return DEFAULT_ZONE;
  }

  @Value.Default
  public String machineType() {
    return DEFAULT_MACHINE_TYPE;
  }

  public GcpTarget project(String project) {
    return ImmutableGcpTarget.copyOf(this).copyWithProject(Check.matches("project", project, PROJECT, PROJECT_RULE));
  }

  public GcpTarget zone(String zone) {
    return ImmutableGcpTarget.copyOf(this).copyWithZone(Check.matches("zone", zone, ZONE, ZONE_RULE));
  }

  public GcpTarget machineType(String type) {
    return ImmutableGcpTarget.copyOf(this).copyWithMachineType(
        Check.matches("machineType", type, MACHINE_TYPE, MACHINE_TYPE_RULE));
  }

  @Override
  public final String providerName() {
    return PROVIDER;
  }

  @Override
  public String describe() {
    return "gcp().zone(\"" + zone() + "\")";
  }

  @Value.Check
  protected void check() {
    Check.matches("zone", zone(), ZONE, ZONE_RULE);
    Check.matches("machineType", machineType(), MACHINE_TYPE, MACHINE_TYPE_RULE);
  }
}
