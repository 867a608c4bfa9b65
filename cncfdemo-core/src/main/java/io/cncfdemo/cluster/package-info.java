/**
 * Where a cluster runs and how it is acted on: the targets ({@code local()}, {@code aws()}, ...),
 * the validated {@link io.cncfdemo.cluster.ClusterSpec}, the {@link
 * io.cncfdemo.cluster.ClusterProvider} SPI and the running cluster.
 *
 * <p>A result left unused is a mistake ({@code @CheckReturnValue}), except where a method says
 * {@code @CanIgnoreReturnValue}.
 */
@CheckReturnValue
package io.cncfdemo.cluster;

import com.google.errorprone.annotations.CheckReturnValue;
