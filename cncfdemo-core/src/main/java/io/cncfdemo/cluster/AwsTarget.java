package io.cncfdemo.cluster;

import io.cncfdemo.support.Check;
import io.cncfdemo.support.CncfDemoValue;
import java.util.Optional;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * The "aws" deployment model: EC2 instances in a VPC of one region; acted on by {@code
 * cncfdemo-provider-aws}.
 */
@CncfDemoValue
public abstract class AwsTarget implements Target {
  public static final String PROVIDER = "aws";
  public static final String DEFAULT_REGION = "us-west-2";
  public static final String DEFAULT_INSTANCE_TYPE = "t3.medium";
  static final Pattern REGION = Pattern.compile("[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\\d{1,2}");
  static final Pattern INSTANCE_TYPE = Pattern.compile("[a-z][a-z0-9-]*\\.[a-z0-9]+");
  static final String REGION_RULE = "an AWS region code such as us-west-2 or eu-central-1";
  static final String INSTANCE_TYPE_RULE = "an EC2 instance type such as t3.medium or m6i.large";

  AwsTarget() {}

  public static AwsTarget create() {
    return ImmutableAwsTarget.builder().build();
  }

  @Value.Default
  public String region() {
    return DEFAULT_REGION;
  }

  /** The instance type of the minions. */
  @Value.Default
  public String instanceType() {
    return DEFAULT_INSTANCE_TYPE;
  }

  /** The instance type of the masters. */
  @Value.Default
  public String masterInstanceType() {
    return DEFAULT_INSTANCE_TYPE;
  }

  /** The only IPv4 range allowed to reach the API server, e.g. {@code 203.0.113.7/32}. */
  public abstract Optional<String> apiAccessCidr();

  /**
   * The public Route53 hosted zone of the account in which the demo's Ingress hosts are published
   * (see {@link #publicZone(String)}).
   */
  @Override
  public abstract Optional<String> publicZone();

  public AwsTarget region(String region) {
    return ImmutableAwsTarget.copyOf(this)
        .copyWithRegion(Check.matches("region", region, REGION, REGION_RULE));
  }

  public AwsTarget instanceType(String type) {
    return ImmutableAwsTarget.copyOf(this)
        .copyWithInstanceType(
            Check.matches("instanceType", type, INSTANCE_TYPE, INSTANCE_TYPE_RULE));
  }

  public AwsTarget masterInstanceType(String type) {
    return ImmutableAwsTarget.copyOf(this)
        .copyWithMasterInstanceType(
            Check.matches("masterInstanceType", type, INSTANCE_TYPE, INSTANCE_TYPE_RULE));
  }

  public AwsTarget apiAccessCidr(String cidr) {
    return ImmutableAwsTarget.copyOf(this)
        .copyWithApiAccessCidr(Check.ipv4Cidr("apiAccessCidr", cidr));
  }

  /**
   * The same target publishing the demo's Ingress hosts ({@code countly.<domain>}, {@code
   * grafana.<domain>}) in this public Route53 hosted zone of the account, e.g. {@code example.org}:
   * the zone must exist (it is looked up by name, never created) and the demo's domain must lie
   * under it.
   */
  public AwsTarget publicZone(String zone) {
    return ImmutableAwsTarget.copyOf(this).copyWithPublicZone(ZoneNames.check("publicZone", zone));
  }

  @Override
  public final String providerName() {
    return PROVIDER;
  }

  @Override
  public String describe() {
    return "aws().region(\""
        + region()
        + "\")"
        + publicZone().map(zone -> ".publicZone(\"" + zone + "\")").orElse("");
  }

  @Value.Check
  protected void check() {
    Check.matches("region", region(), REGION, REGION_RULE);
    Check.matches("instanceType", instanceType(), INSTANCE_TYPE, INSTANCE_TYPE_RULE);
    Check.matches("masterInstanceType", masterInstanceType(), INSTANCE_TYPE, INSTANCE_TYPE_RULE);
    publicZone().ifPresent(zone -> ZoneNames.check("publicZone", zone));
  }
}
