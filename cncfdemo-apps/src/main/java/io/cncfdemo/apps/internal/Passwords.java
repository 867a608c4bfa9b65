package io.cncfdemo.apps.internal;

import io.cncfdemo.component.DemoContext;
import java.util.regex.Pattern;

/**
 * Passwords drawn from a demo's secret material, of letters and digits only so that they survive
 * URIs and shells.
 */
public final class Passwords {
  private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^A-Za-z0-9]");

  private Passwords() {}

  /** About 180 random bits for {@code purpose}, stable for one demo value; never log it. */
  public static String of(DemoContext context, String purpose) {
    return NOT_ALPHANUMERIC.matcher(context.secret(purpose, 32)).replaceAll("");
  }
}
