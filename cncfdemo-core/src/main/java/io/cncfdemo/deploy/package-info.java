/**
 * A demo applied to a cluster: how ({@link io.cncfdemo.deploy.DeployOptions}), what changed, and
 * the deployed demo.
 *
 * <p>A result left unused is a mistake ({@code @CheckReturnValue}), except where a method says
 * {@code @CanIgnoreReturnValue}.
 */
@NullMarked
@CheckReturnValue
package io.cncfdemo.deploy;

import com.google.errorprone.annotations.CheckReturnValue;
import org.jspecify.annotations.NullMarked;
