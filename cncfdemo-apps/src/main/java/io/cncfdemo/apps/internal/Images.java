package io.cncfdemo.apps.internal;

import io.cncfdemo.exception.InvalidInputException;
import java.util.regex.Pattern;

/**
 * Container image references: every image of a demo is pinned to a version tag or a digest, never
 * {@code latest}.
 */
public final class Images {
  static final String RULE =
      "an image pinned to a version tag or a digest, such as mongo:7.0.14 (not :latest)";
  private static final Pattern NAME =
      Pattern.compile("[a-z0-9]+([._-][a-z0-9]+)*(:[0-9]+)?(/[a-z0-9]+([._-][a-z0-9]+)*)*");
  private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
  private static final Pattern DIGEST = Pattern.compile("sha256:[a-f0-9]{64}");

  private Images() {}

  /**
   * The image if it is pinned; throws {@link InvalidInputException} naming {@code field} otherwise.
   */
  public static String pinned(String field, String image) {
    if (image == null || !isPinned(image)) {
      throw new InvalidInputException(field, image, RULE);
    }
    return image;
  }

  /** Whether {@code image} names a version tag other than {@code latest} or a digest. */
  public static boolean isPinned(String image) {
    var at = image.indexOf('@');
    if (at >= 0) {
      return nameAndTag(image.substring(0, at), true)
          && DIGEST.matcher(image.substring(at + 1)).matches();
    }
    return nameAndTag(image, false);
  }

  private static boolean nameAndTag(String reference, boolean tagOptional) {
    var slash = reference.lastIndexOf('/');
    var colon = reference.lastIndexOf(':');
    if (colon <= slash) {
      return tagOptional && NAME.matcher(reference).matches();
    }
    var tag = reference.substring(colon + 1);
    return NAME.matcher(reference.substring(0, colon)).matches()
        && TAG.matcher(tag).matches()
        && !"latest".equals(tag);
  }
}
