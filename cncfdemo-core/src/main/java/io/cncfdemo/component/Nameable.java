package io.cncfdemo.component;

import com.google.errorprone.annotations.CheckReturnValue;

/**
 * A DSL value with a name of its own that a user may change: {@code Cluster}, {@code Demo}, {@code
 * Benchmark}, {@code wrk(url)}. Each says which names it accepts.
 *
 * @param <T> the value's own type
 */
@CheckReturnValue
public interface Nameable<T> {
  /** The same value under this name; touches nothing. */
  T named(String name);
}
