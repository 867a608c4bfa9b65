/**
 * {@link io.cncfdemo.live.LiveView}: an {@link io.cncfdemo.event.EventStream} as a live page in the
 * browser, served on 127.0.0.1 with a token, updated by Server-Sent Events.
 *
 * <p>A result left unused is a mistake ({@code @CheckReturnValue}), except where a method says
 * {@code @CanIgnoreReturnValue}.
 */
@NullMarked
@CheckReturnValue
package io.cncfdemo.live;

import com.google.errorprone.annotations.CheckReturnValue;
import org.jspecify.annotations.NullMarked;
