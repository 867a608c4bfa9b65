package io.cncfdemo.support;

import io.cncfdemo.exception.InvalidInputException;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * Validation of what users type. Every method throws {@link InvalidInputException} naming the
 * field, the value and what is allowed; the phrases live here so that messages stay alike across
 * the library.
 */
public final class Check {
  /** RFC 1123 label: what Kubernetes accepts for namespaces, services and most names. */
  public static final String DNS_LABEL_RULE =
      "a lowercase RFC 1123 label: 1 to 63 characters of a-z, 0-9 and '-', starting and ending with"
          + " a letter or digit";

  /** RFC 1123 subdomain: what Kubernetes accepts for ConfigMap, Secret, Deployment names. */
  public static final String DNS_SUBDOMAIN_RULE =
      "a lowercase RFC 1123 subdomain: at most 253 characters of a-z, 0-9, '-' and '.', each part"
          + " starting and ending with a letter or digit";

  private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern DNS_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  private static final Pattern KUBERNETES_VERSION =
      Pattern.compile("v?1\\.(\\d{1,2})(\\.\\d{1,3})?");

  private Check() {}

  /** {@code value}, if it has a character other than white space. */
  public static String notBlank(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidInputException(field, value, "a non-empty text");
    }
    return value;
  }

  /** {@code value}, if it is {@link #DNS_LABEL_RULE a DNS label}. */
  public static String dnsLabel(String field, String value) {
    if (value == null || value.length() > 63 || !DNS_LABEL.matcher(value).matches()) {
      throw new InvalidInputException(field, value, DNS_LABEL_RULE);
    }
    return value;
  }

  /** {@code value}, if it is {@link #DNS_SUBDOMAIN_RULE a DNS subdomain}. */
  public static String dnsSubdomain(String field, String value) {
    if (value == null || value.length() > 253 || !DNS_SUBDOMAIN.matcher(value).matches()) {
      throw new InvalidInputException(field, value, DNS_SUBDOMAIN_RULE);
    }
    return value;
  }

  /** {@code value}, if it is at least {@code min}. */
  public static int atLeast(String field, int value, int min) {
    if (value < min) {
      throw new InvalidInputException(field, value, "at least " + min);
    }
    return value;
  }

  /** {@code value}, if it lies between {@code min} and {@code max}, both included. */
  public static int between(String field, int value, int min, int max) {
    if (value < min || value > max) {
      throw new InvalidInputException(field, value, "between " + min + " and " + max);
    }
    return value;
  }

  /** {@code value}, if it is longer than zero. */
  public static Duration positive(String field, Duration value) {
    if (value == null || value.isZero() || value.isNegative()) {
      throw new InvalidInputException(
          field,
          value == null ? null : Durations.format(value),
          "a positive duration such as 30s, 5m or 1h");
    }
    return value;
  }

  /**
   * {@code value}, if it is positive and lies between {@code min} and {@code max}, both included.
   */
  public static Duration between(String field, Duration value, Duration min, Duration max) {
    positive(field, value);
    if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw new InvalidInputException(
          field,
          Durations.format(value),
          "between " + Durations.format(min) + " and " + Durations.format(max));
    }
    return value;
  }

  /**
   * A Kubernetes version written as {@code 1.34} or {@code 1.34.2} (a leading {@code v} is
   * accepted), with a minor in the supported range.
   */
  public static String kubernetesVersion(String field, String value, int minMinor, int maxMinor) {
    var allowed =
        "a Kubernetes version 1." + minMinor + " to 1." + maxMinor + ", written as 1.N or 1.N.P";
    if (value == null) {
      throw new InvalidInputException(field, null, allowed);
    }
    var matcher = KUBERNETES_VERSION.matcher(value);
    if (!matcher.matches()) {
      throw new InvalidInputException(field, value, allowed);
    }
    int minor = Integer.parseInt(matcher.group(1));
    if (minor < minMinor || minor > maxMinor) {
      throw new InvalidInputException(field, value, allowed);
    }
    return value.startsWith("v") ? value.substring(1) : value;
  }

  /**
   * {@code value}, if {@code pattern} matches all of it; else the message says it must be {@code
   * allowed}.
   */
  public static String matches(String field, String value, Pattern pattern, String allowed) {
    if (value == null || !pattern.matcher(value).matches()) {
      throw new InvalidInputException(field, value, allowed);
    }
    return value;
  }

  /** {@code value}, if it is not null; else the message says it must be {@code allowed}. */
  public static <T> T notNull(String field, T value, String allowed) {
    if (value == null) {
      throw new InvalidInputException(field, null, allowed);
    }
    return value;
  }

  private static final Pattern HOST =
      Pattern.compile(
          "(([a-zA-Z0-9]([-a-zA-Z0-9]*[a-zA-Z0-9])?)(\\.[a-zA-Z0-9]([-a-zA-Z0-9]*[a-zA-Z0-9])?)*)|(\\[?[0-9a-fA-F:]+]?)");
  private static final Pattern IPV4_CIDR =
      Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})/(\\d{1,2})");
  private static final Pattern POSIX_USER = Pattern.compile("[a-z_][a-z0-9_-]{0,31}");

  /** A host name (RFC 1123) or an IP address. */
  public static String host(String field, String value) {
    if (value == null || value.length() > 253 || !HOST.matcher(value).matches()) {
      throw new InvalidInputException(
          field, value, "a host name or an IP address such as node1.example.com or 192.0.2.10");
    }
    return value;
  }

  /** An IPv4 range in CIDR notation such as {@code 203.0.113.0/24}. */
  public static String ipv4Cidr(String field, String value) {
    var allowed = "an IPv4 range in CIDR notation such as 203.0.113.7/32 or 198.51.100.0/24";
    var matcher = value == null ? null : IPV4_CIDR.matcher(value);
    if (matcher == null || !matcher.matches()) {
      throw new InvalidInputException(field, value, allowed);
    }
    for (int group = 1; group <= 4; group++) {
      if (Integer.parseInt(matcher.group(group)) > 255) {
        throw new InvalidInputException(field, value, allowed);
      }
    }
    if (Integer.parseInt(matcher.group(5)) > 32) {
      throw new InvalidInputException(field, value, allowed);
    }
    return value;
  }

  /** A POSIX user name such as {@code ubuntu}. */
  public static String posixUser(String field, String value) {
    return matches(
        field,
        value,
        POSIX_USER,
        "a user name of a-z, 0-9, '_' and '-', starting with a letter or '_'");
  }
}
