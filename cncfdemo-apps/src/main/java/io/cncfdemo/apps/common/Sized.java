package io.cncfdemo.apps.common;

import com.google.errorprone.annotations.CheckReturnValue;

/**
 * An app whose main container a user may give other CPU and memory: {@code
 * wrk(url).resources(Resources.requests("1", "128Mi").limits("4", "512Mi"))}.
 *
 * @param <T> the app's own type
 */
@CheckReturnValue
public interface Sized<T> {
  /** The CPU and memory of the main container. */
  Resources resources();

  /** The same app with this CPU and memory for its main container; touches nothing. */
  T resources(Resources resources);
}
