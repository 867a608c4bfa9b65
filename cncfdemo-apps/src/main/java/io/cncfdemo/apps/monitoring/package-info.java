/**
 * The default monitoring: {@code prometheus()}, {@code pushgateway()} and {@code grafana()}.
 *
 * <p>A result left unused is a mistake ({@code @CheckReturnValue}), except where a method says
 * {@code @CanIgnoreReturnValue}.
 */
@CheckReturnValue
package io.cncfdemo.apps.monitoring;

import com.google.errorprone.annotations.CheckReturnValue;
