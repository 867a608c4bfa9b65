package io.cncfdemo.internal.cluster;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** The minor version of an API server, as its {@code /version} reports it. */
public final class KubernetesVersions {
  private static final Pattern GIT_VERSION = Pattern.compile("v?1\\.(\\d+).*");
  private static final Pattern LEADING_DIGITS = Pattern.compile("(\\d+).*");

  private KubernetesVersions() {}

  /**
   * The minor version of Kubernetes 1 from {@code /version}'s {@code minor} field (which managed
   * clusters write as {@code 31+}), else from its {@code gitVersion}; 0 when neither says.
   */
  public static int minor(
      @Nullable String major, @Nullable String minor, @Nullable String gitVersion) {
    if ("1".equals(major) && minor != null) {
      var digits = LEADING_DIGITS.matcher(minor);
      if (digits.matches()) {
        return Integer.parseInt(digits.group(1));
      }
    }
    if (gitVersion != null) {
      var matcher = GIT_VERSION.matcher(gitVersion);
      if (matcher.matches()) {
        return Integer.parseInt(matcher.group(1));
      }
    }
    return 0;
  }
}
