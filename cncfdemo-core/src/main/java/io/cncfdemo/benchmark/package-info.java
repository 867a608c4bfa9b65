/**
 * Benchmarks of a deployed demo, a cluster or a URL, and their reports: {@code
 * Benchmark.of(demo).duration(Duration.ofMinutes(5)).chaos(Chaos.deleteCountlyApiPod()).run()}.
 *
 * <p>A result left unused is a mistake ({@code @CheckReturnValue}), except where a method says
 * {@code @CanIgnoreReturnValue}.
 */
@NullMarked
@CheckReturnValue
package io.cncfdemo.benchmark;

import com.google.errorprone.annotations.CheckReturnValue;
import org.jspecify.annotations.NullMarked;
