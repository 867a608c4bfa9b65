package io.cncfdemo.cluster;

import io.cncfdemo.support.CncfDemoValue;
import io.cncfdemo.support.Check;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/** The "azure" deployment model: virtual machines in one Azure location; acted on by {@code cncfdemo-provider-azure}. */
@CncfDemoValue
public abstract class AzureTarget implements Target {
  public static final String PROVIDER = "azure";
  public static final String DEFAULT_LOCATION = "westus2";
  public static final String DEFAULT_VM_SIZE = "Standard_D2s_v5";
  static final Pattern LOCATION = Pattern.compile("[a-z][a-z0-9]{2,30}");
  static final Pattern VM_SIZE = Pattern.compile("(Standard|Basic)_[A-Za-z0-9_]+");
  static final String LOCATION_RULE = "an Azure location name such as westus2 or westeurope";
  static final String VM_SIZE_RULE = "an Azure VM size such as Standard_D2s_v5";

  AzureTarget() {}

  public static AzureTarget create() {
    return ImmutableAzureTarget.builder().build();
  }

  @Value.Default
  public String location() {
    return DEFAULT_LOCATION;
  }

  @Value.Default
  public String vmSize() {
    return DEFAULT_VM_SIZE;
  }

  public AzureTarget location(String location) {
    return ImmutableAzureTarget.copyOf(this).copyWithLocation(Check.matches("location", location, LOCATION, LOCATION_RULE));
  }

  public AzureTarget vmSize(String size) {
    return ImmutableAzureTarget.copyOf(this).copyWithVmSize(Check.matches("vmSize", size, VM_SIZE, VM_SIZE_RULE));
  }

  @Override
  public final String providerName() {
    return PROVIDER;
  }

  @Override
  public String describe() {
    return "azure().location(\"" + location() + "\")";
  }

  @Value.Check
  protected void check() {
    Check.matches("location", location(), LOCATION, LOCATION_RULE);
    Check.matches("vmSize", vmSize(), VM_SIZE, VM_SIZE_RULE);
  }
}
