package io.cncfdemo.cluster;

import io.cncfdemo.support.CncfDemoValue;
import io.cncfdemo.support.Check;
import java.util.Optional;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * The "packet" deployment model: bare-metal servers rented by the hour from Packet (Equinix Metal) in one metro;
 * acted on by {@code cncfdemo-provider-packet}.
 */
@CncfDemoValue
public abstract class PacketTarget implements Target {
  public static final String PROVIDER = "packet";
  public static final String DEFAULT_METRO = "da";
  public static final String DEFAULT_PLAN = "c3.small.x86";
  static final Pattern METRO = Pattern.compile("[a-z]{2}");
  static final Pattern PLAN = Pattern.compile("[a-z][a-z0-9]*(\\.[a-z0-9]+)+");
  static final Pattern PROJECT =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  static final String METRO_RULE = "a two-letter metro code such as da, sv or am";
  static final String PLAN_RULE = "a server plan such as c3.small.x86 or m3.large.x86";
  static final String PROJECT_RULE = "a project UUID such as 3f2a8a3e-6a47-4c6e-9a3e-8c1f0a6b2d11";

  PacketTarget() {}

  public static PacketTarget create() {
    return ImmutablePacketTarget.builder().build();
  }

  /** The project the servers are billed to; when absent, the one of {@code METAL_PROJECT_ID}. */
  public abstract Optional<String> project();

  @Value.Default
  public String metro() {
    return DEFAULT_METRO;
  }

  @Value.Default
  public String plan() {
    return DEFAULT_PLAN;
  }

  public PacketTarget project(String project) {
    return ImmutablePacketTarget.copyOf(this).copyWithProject(Check.matches("project", project, PROJECT, PROJECT_RULE));
  }

  public PacketTarget metro(String metro) {
    return ImmutablePacketTarget.copyOf(this).copyWithMetro(Check.matches("metro", metro, METRO, METRO_RULE));
  }

  public PacketTarget plan(String plan) {
    return ImmutablePacketTarget.copyOf(this).copyWithPlan(Check.matches("plan", plan, PLAN, PLAN_RULE));
  }

  @Override
  public final String providerName() {
    return PROVIDER;
  }

  @Override
  public String describe() {
    return "packet().metro(\"" + metro() + "\")";
  }

  @Value.Check
  protected void check() {
    Check.matches("metro", metro(), METRO, METRO_RULE);
    Check.matches("plan", plan(), PLAN, PLAN_RULE);
  }
}
