/**
 * The DSL: {@code Cluster.on(aws()).minions(3).create()} and {@code Demo.with(countly(),
 * mongoSharded(3)).deployTo(cluster)}; {@code import static io.cncfdemo.Providers.*;} gives the
 * targets.
 *
 * <p>A result left unused is a mistake ({@code @CheckReturnValue}), except where a method says
 * {@code @CanIgnoreReturnValue}.
 */
@NullMarked
@CheckReturnValue
package io.cncfdemo;

import com.google.errorprone.annotations.CheckReturnValue;
import org.jspecify.annotations.NullMarked;
