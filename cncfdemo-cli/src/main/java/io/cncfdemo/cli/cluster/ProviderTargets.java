package io.cncfdemo.cli.cluster;

import io.cncfdemo.exception.CncfDemoException;
import io.cncfdemo.Providers;
import io.cncfdemo.cli.common.UsageException;
import io.cncfdemo.cluster.AwsTarget;
import io.cncfdemo.cluster.AzureTarget;
import io.cncfdemo.cluster.GcpTarget;
import io.cncfdemo.cluster.PacketTarget;
import io.cncfdemo.cluster.Target;

/** The target of a provider named on the command line, with {@code --region} applied where the provider has one. */
final class ProviderTargets {
  private ProviderTargets() {}

  /** The provider's target; an unknown provider is a usage error that lists the providers on the class path. */
  static Target of(String provider) {
    try {
      return Providers.named(provider);
    } catch (UsageException e) {
      throw e;
    } catch (CncfDemoException e) {
      throw new UsageException(e.getMessage());
    }
  }

  /** The target in this region (AWS region, Azure location, GCP zone, Packet metro). */
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
    if (target instanceof PacketTarget packet) {
      return packet.metro(region);
    }
    throw new UsageException("--region does not apply to the " + target.providerName() + " provider");
  }
}
