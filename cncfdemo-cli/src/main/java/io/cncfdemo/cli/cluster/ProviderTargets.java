package io.cncfdemo.cli.cluster;

import io.cncfdemo.Providers;
import io.cncfdemo.cli.common.UsageException;
import io.cncfdemo.cluster.AwsTarget;
import io.cncfdemo.cluster.AzureTarget;
import io.cncfdemo.cluster.GcpTarget;
import io.cncfdemo.cluster.Target;
import io.cncfdemo.exception.CncfDemoException;

/**
 * The target of a provider named on the command line, with {@code --region} applied where the
 * provider has one.
 */
final class ProviderTargets {
  private ProviderTargets() {}

  /**
   * The provider's target; an unknown provider is a usage error that lists the providers on the
   * class path.
   */
  static Target of(String provider) {
    try {
      return Providers.named(provider);
    } catch (UsageException e) {
      throw e;
    } catch (CncfDemoException e) {
      throw new UsageException(e.getMessage());
    }
  }

  /** The target in this region (AWS region, Azure location, GCP zone). */
  static Target inRegion(Target target, String region) {
    if (region == null) {
      return target;
    }
    if (target instanceof AwsTarget aws) {
      return aws.region(region);
    }
    if (target instanceof AzureTarget azure) {
      return azure.location(region);
    }
    if (target instanceof GcpTarget gcp) {
      return gcp.zone(region);
    }
    throw new UsageException(
        "--region does not apply to the " + target.providerName() + " provider");
  }

  /**
   * The target with the range allowed to reach SSH and the API server, for the providers that have
   * one.
   */
  static Target withApiAccessCidr(Target target, String cidr) {
    if (cidr == null) {
      return target;
    }
    if (target instanceof AwsTarget aws) {
      return aws.apiAccessCidr(cidr);
    }
    if (target instanceof AzureTarget azure) {
      return azure.apiAccessCidr(cidr);
    }
    if (target instanceof GcpTarget gcp) {
      return gcp.apiAccessCidr(cidr);
    }
    throw new UsageException("--api-access-cidr applies to the aws, azure and gcp providers only");
  }

  /**
   * The target with Azure's subscription and VM sizes; each option is refused for another provider.
   */
  static Target withAzureOptions(
      Target target, String subscription, String vmSize, String masterVmSize) {
    if (subscription == null && vmSize == null && masterVmSize == null) {
      return target;
    }
    if (!(target instanceof AzureTarget azure)) {
      throw new UsageException(
          "--subscription, --vm-size and --master-vm-size apply to the azure provider only");
    }
    azure = subscription == null ? azure : azure.subscription(subscription);
    azure = vmSize == null ? azure : azure.vmSize(vmSize);
    return masterVmSize == null ? azure : azure.masterVmSize(masterVmSize);
  }
}
