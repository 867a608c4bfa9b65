package io.cncfdemo.apps.internal;

import io.cncfdemo.component.DemoContext;

/**
 * Passwords drawn from a demo's secret material, of letters and digits only so that they survive
 * URIs and shells.
 */
public final class Passwords {
  private Passwords() {}

  /** About 180 random bits for {@code purpose}, stable for one demo value; never log it. */
  public static String of(DemoContext context, String purpose) {
    return context.secret(purpose, 32).replaceAll("[^A-Za-z0-9]", "");
  }
}
