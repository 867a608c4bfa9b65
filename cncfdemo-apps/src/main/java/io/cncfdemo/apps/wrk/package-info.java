/**
 * HTTP load with wrk: as a Job of the demo ({@code wrk(url)}) or a process on this machine ({@code
 * LocalWrk}).
 *
 * <p>A result left unused is a mistake ({@code @CheckReturnValue}), except where a method says
 * {@code @CanIgnoreReturnValue}.
 */
@CheckReturnValue
package io.cncfdemo.apps.wrk;

import com.google.errorprone.annotations.CheckReturnValue;
