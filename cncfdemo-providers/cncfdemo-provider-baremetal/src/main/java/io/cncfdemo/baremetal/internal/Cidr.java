package io.cncfdemo.baremetal.internal;

/** IPv4 ranges in CIDR notation: which addresses they contain. */
final class Cidr {
  private Cidr() {}

  /** Whether the IPv4 address lies in the range; false for anything that is not an IPv4 address. */
  static boolean contains(String cidr, String address) {
    int slash = cidr.indexOf('/');
    var network = toInt(cidr.substring(0, slash));
    var ip = toInt(address);
    if (network == null || ip == null) {
      return false;
    }
    int bits = Integer.parseInt(cidr.substring(slash + 1));
    int mask = bits == 0 ? 0 : -1 << (32 - bits);
    return (network & mask) == (ip & mask);
  }

  private static Integer toInt(String address) {
    var parts = address.split("\\.");
    if (parts.length != 4) {
      return null;
    }
    int value = 0;
    for (var part : parts) {
      try {
        int octet = Integer.parseInt(part);
        if (octet < 0 || octet > 255) {
          return null;
        }
        value = (value << 8) | octet;
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return value;
  }
}
