package io.cncfdemo.gcp.internal;

/**
 * Partial resource URLs, as Compute Engine takes them in references ({@code
 * projects/P/global/networks/N}).
 */
final class Links {
  private Links() {}

  static String network(String project, String name) {
    return "projects/" + project + "/global/networks/" + name;
  }

  static String subnetwork(String project, String region, String name) {
    return "projects/" + project + "/regions/" + region + "/subnetworks/" + name;
  }

  static String template(String project, String name) {
    return "projects/" + project + "/global/instanceTemplates/" + name;
  }

  static String healthCheck(String project, String region, String name) {
    return "projects/" + project + "/regions/" + region + "/healthChecks/" + name;
  }

  static String backendService(String project, String region, String name) {
    return "projects/" + project + "/regions/" + region + "/backendServices/" + name;
  }

  static String address(String project, String region, String name) {
    return "projects/" + project + "/regions/" + region + "/addresses/" + name;
  }

  /** The full URL Cloud DNS wants for a private zone's network. */
  static String networkUrl(String project, String name) {
    return "https://www.googleapis.com/compute/v1/" + network(project, name);
  }

  /** The last segment of a URL: a resource's name. */
  static String name(String url) {
    return url.substring(url.lastIndexOf('/') + 1);
  }

  /** The zone of an instance URL ({@code …/zones/Z/instances/N}). */
  static String zoneOf(String instanceUrl) {
    var parts = instanceUrl.split("/");
    for (int i = 0; i < parts.length - 1; i++) {
      if (parts[i].equals("zones")) {
        return parts[i + 1];
      }
    }
    throw new IllegalArgumentException("not an instance URL: " + instanceUrl);
  }
}
