package io.cncfdemo.apps.common;

import com.google.errorprone.annotations.CheckReturnValue;

/**
 * An app that runs one main container image, which a user may replace, e.g. with a mirror: {@code
 * boinc().image("ghcr.io/0rax/boinc-client:v8.0.4")}.
 *
 * @param <T> the app's own type
 */
@CheckReturnValue
public interface Imaged<T> {
  /** The container image, pinned to a version tag or a digest. */
  String image();

  /**
   * The same app with this image, pinned to a version tag or a digest (never {@code latest});
   * touches nothing.
   */
  T image(String image);
}
