/**
 * One stream of typed, timestamped events for every long operation: cluster create and destroy
 * steps, deploy stages and objects with what each waits for, benchmark phases, interval samples,
 * chaos, preemption and errors.
 *
 * <p>An {@link io.cncfdemo.event.EventStream} numbers and keeps the events; adapters publish to it
 * from the existing listeners ({@link io.cncfdemo.event.EventStream#deployListener()}, {@link
 * io.cncfdemo.event.EventStream#benchmarkListener()}, {@link
 * io.cncfdemo.event.EventStream#clusterSteps}). Each {@link io.cncfdemo.event.Event} is one JSON
 * object (versioned, {@link io.cncfdemo.event.Event#VERSION}), written one a line to a file by
 * {@link io.cncfdemo.event.EventStream#saveTo} and read back by {@link
 * io.cncfdemo.event.EventStream#replay}; a kind this version does not know is kept as {@link
 * io.cncfdemo.event.Payload.Unknown}. {@link io.cncfdemo.live.LiveView} shows a stream in the
 * browser as it grows.
 *
 * <p>A result left unused is a mistake ({@code @CheckReturnValue}), except where a method says
 * {@code @CanIgnoreReturnValue}.
 */
@NullMarked
@CheckReturnValue
package io.cncfdemo.event;

import com.google.errorprone.annotations.CheckReturnValue;
import org.jspecify.annotations.NullMarked;
