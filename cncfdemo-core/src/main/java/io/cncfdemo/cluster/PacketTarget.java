package io.cncfdemo.cluster;

import io.cncfdemo.exception.CncfDemoException;
import io.cncfdemo.support.CncfDemoValue;

/**
 * The former "packet" deployment model. Equinix Metal (formerly Packet) shut down on 2026-06-30, so
 * no target of it can be made any more: {@link #create()} throws {@link #SHUT_DOWN}. Its successor
 * in this library is {@link BareMetalTarget}, which deploys to servers from any vendor. (The type
 * stays until the CLI stops naming it.)
 */
@CncfDemoValue
public abstract class PacketTarget implements Target {
  public static final String PROVIDER = "packet";

  /** Why there is no Packet target, and what to use instead. */
  public static final String SHUT_DOWN =
      "Equinix Metal (formerly Packet) shut down on 2026-06-30 and its API creates nothing any"
          + " more; bareMetal(\"10.0.0.11\", \"10.0.0.12\", ...) deploys to servers from any vendor"
          + " over SSH (artifact io.cncfdemo:cncfdemo-provider-baremetal), and"
          + " bareMetal(Inventory.read(path)) to a fleet such as the former CNCF Community Cluster";

  PacketTarget() {}

  /** Always throws: Equinix Metal shut down on 2026-06-30 ({@link #SHUT_DOWN}). */
  public static PacketTarget create() {
    throw new CncfDemoException(SHUT_DOWN);
  }

  public abstract String metro();

  public PacketTarget metro(String metro) {
    return ImmutablePacketTarget.copyOf(this).copyWithMetro(metro);
  }

  @Override
  public final String providerName() {
    return PROVIDER;
  }

  @Override
  public String describe() {
    return "packet()";
  }
}
