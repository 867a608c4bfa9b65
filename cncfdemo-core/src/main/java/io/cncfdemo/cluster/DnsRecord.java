package io.cncfdemo.cluster;

import io.cncfdemo.exception.InvalidInputException;
import io.cncfdemo.support.Check;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One record set of a {@link PublicZone}: a fully qualified name without the trailing dot ({@code
 * countly.cncfdemo.example.org}), a type ({@code A}, {@code AAAA}, {@code CNAME}, {@code TXT}, or
 * whatever else the zone holds), a TTL in seconds, and its values as DNS presents them, TXT values
 * without their quotes.
 */
public record DnsRecord(String name, String type, long ttl, List<String> values) {
  public static final String A = "A";
  public static final String AAAA = "AAAA";
  public static final String CNAME = "CNAME";
  public static final String TXT = "TXT";

  /** Validates the record and makes its name and type canonical (lowercase name, no final dot). */
  public DnsRecord {
    name = canonical(Check.notBlank("name", name));
    type = Check.notBlank("type", type).toUpperCase(Locale.ROOT);
    if (ttl < 0) {
      throw new InvalidInputException("ttl", ttl, "at least 0 seconds");
    }
    values = List.copyOf(Objects.requireNonNull(values, "values"));
  }

  /**
   * A record of one value, e.g. {@code DnsRecord.of("countly.example.org", CNAME, 60, "lb.aws")}.
   */
  public static DnsRecord of(String name, String type, long ttl, String value) {
    return new DnsRecord(name, type, ttl, List.of(value));
  }

  /** Whether this record is the same set as {@code other}: same name and type. */
  public boolean sameSet(DnsRecord other) {
    return name.equals(other.name) && type.equals(other.type);
  }

  /** A DNS name as records carry it: lowercase and without the final dot. */
  public static String canonical(String name) {
    var lower = name.toLowerCase(Locale.ROOT);
    return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
  }

  /** A TXT value in DNS presentation format: in quotes, its quotes and backslashes escaped. */
  public static String quoted(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /**
   * A TXT value as DNS APIs present it (one or more quoted strings) read back: the strings joined,
   * their escapes undone.
   */
  public static String unquoted(String presented) {
    var out = new StringBuilder();
    boolean inside = false;
    for (int i = 0; i < presented.length(); i++) {
      char c = presented.charAt(i);
      if (c == '\\' && i + 1 < presented.length()) {
        out.append(presented.charAt(++i));
      } else if (c == '"') {
        inside = !inside;
      } else if (inside || c != ' ') {
        out.append(c);
      }
    }
    return out.toString();
  }

  @Override
  public String toString() {
    return name + " " + ttl + " " + type + " " + String.join(" ", values);
  }
}
