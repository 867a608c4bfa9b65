package io.cncfdemo.internal.deploy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;

/**
 * Objects that a deploy creates once and never overwrites: the demo's Secrets, whose content is
 * drawn at random per demo value. Applying a new draw over a running MongoDB would change its
 * keyfile and lock its members out of each other, so a Secret that exists is kept as it is,
 * whatever JVM or demo value deploys again.
 */
final class CreateOnly {
  private CreateOnly() {}

  static boolean applies(HasMetadata object) {
    return object instanceof Secret;
  }
}
