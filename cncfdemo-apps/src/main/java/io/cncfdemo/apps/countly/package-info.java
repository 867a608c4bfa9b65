/**
 * Countly, the product-analytics server: {@code countly()}.
 *
 * <p>A result left unused is a mistake ({@code @CheckReturnValue}), except where a method says
 * {@code @CanIgnoreReturnValue}.
 */
@CheckReturnValue
package io.cncfdemo.apps.countly;

import com.google.errorprone.annotations.CheckReturnValue;
