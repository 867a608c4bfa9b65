/**
 * BOINC computing in the cluster's idle capacity: {@code boinc()}.
 *
 * <p>A result left unused is a mistake ({@code @CheckReturnValue}), except where a method says
 * {@code @CanIgnoreReturnValue}.
 */
@CheckReturnValue
package io.cncfdemo.apps.boinc;

import com.google.errorprone.annotations.CheckReturnValue;
