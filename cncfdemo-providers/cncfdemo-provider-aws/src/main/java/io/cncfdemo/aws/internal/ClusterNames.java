package io.cncfdemo.aws.internal;

import io.cncfdemo.bootstrap.NodeRole;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The name of every resource of one cluster, derived from its name and region alone, so that a
 * fresh JVM finds what another one made. Names that AWS limits in length are shortened with a hash
 * suffix when needed; IAM names, global to the account, carry the region too.
 *
 * @param cluster the cluster name, an RFC 1123 label
 * @param region the region code
 */
public record ClusterNames(String cluster, String region) {
  static final int IAM_NAME_MAX = 64;
  static final int LAMBDA_NAME_MAX = 64;
  static final int RULE_NAME_MAX = 64;

  /** The private DNS zone, {@code <cluster>.k8s}. */
  public String zone() {
    return cluster + ".k8s";
  }

  /**
   * The record listing the masters, {@code masters.<cluster>.k8s}: how nodes find the API server.
   */
  public String mastersRecord() {
    return "masters." + zone();
  }

  /** The record listing the minions, {@code minions.<cluster>.k8s}. */
  public String minionsRecord() {
    return "minions." + zone();
  }

  /**
   * The SSM parameter path under which the bootstrap secrets and the admin kubeconfig live, without
   * trailing slash.
   */
  public String parameterPath() {
    return "/cncfdemo/" + cluster;
  }

  public String parameter(String leaf) {
    return parameterPath() + "/" + leaf;
  }

  /**
   * The IAM path of the cluster's roles and instance profiles: {@code
   * /cncfdemo/<region>/<cluster>/}.
   */
  public String iamPath() {
    return "/cncfdemo/" + region + "/" + cluster + "/";
  }

  /**
   * An IAM role or instance profile name, unique per account: {@code <cluster>-<what>-<region>}.
   */
  public String iam(String what) {
    return fit(cluster, what + "-" + region, IAM_NAME_MAX);
  }

  public String autoScalingGroup(NodeRole role) {
    return cluster + "-" + role.plural();
  }

  public String launchTemplate(NodeRole role) {
    return cluster + "-" + role.tag();
  }

  public String securityGroup(NodeRole role) {
    return cluster + "-" + role.plural();
  }

  public String nodesSecurityGroup() {
    return cluster + "-nodes";
  }

  public String dnsUpdaterFunction() {
    return fit(cluster, "dns-updater", LAMBDA_NAME_MAX);
  }

  public String dnsUpdaterLogGroup() {
    return "/aws/lambda/" + dnsUpdaterFunction();
  }

  public String autoScalingEventsRule() {
    return fit(cluster, "asg-events", RULE_NAME_MAX);
  }

  public String subnet(String zone) {
    return cluster + "-public-" + zone;
  }

  /**
   * {@code base-suffix}, or when longer than {@code max} a shortened base with a hash of the whole
   * name.
   */
  static String fit(String base, String suffix, int max) {
    var whole = base + "-" + suffix;
    if (whole.length() <= max) {
      return whole;
    }
    var hash = sha256(whole).substring(0, 8);
    var keep = Math.max(1, max - suffix.length() - hash.length() - 2);
    return base.substring(0, Math.min(base.length(), keep)) + "-" + hash + "-" + suffix;
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
