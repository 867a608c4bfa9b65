/**
 * The sample applications as demo components; {@code import static io.cncfdemo.apps.Apps.*;} gives
 * them all.
 *
 * <p>A result left unused is a mistake ({@code @CheckReturnValue}), except where a method says
 * {@code @CanIgnoreReturnValue}.
 */
@CheckReturnValue
package io.cncfdemo.apps;

import com.google.errorprone.annotations.CheckReturnValue;
