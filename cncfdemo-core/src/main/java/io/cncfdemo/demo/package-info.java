/**
 * A demo compiled to Kubernetes objects, stage by stage, and the errors of wiring its components.
 *
 * <p>A result left unused is a mistake ({@code @CheckReturnValue}), except where a method says
 * {@code @CanIgnoreReturnValue}.
 */
@NullMarked
@CheckReturnValue
package io.cncfdemo.demo;

import com.google.errorprone.annotations.CheckReturnValue;
import org.jspecify.annotations.NullMarked;
