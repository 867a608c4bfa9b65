package io.cncfdemo.cli.kubectl;

/**
 * A kind of object the API server serves, as discovery describes it.
 *
 * @param group the API group, empty for the core group
 * @param version the version, e.g. {@code v1}
 * @param plural the resource name in URLs, e.g. {@code deployments}
 * @param kind the kind, e.g. {@code Deployment}
 * @param namespaced whether its objects live in namespaces
 */
record ApiResource(String group, String version, String plural, String kind, boolean namespaced) {

  String apiVersion() {
    return group.isEmpty() ? version : group + "/" + version;
  }

  /**
   * The URL path of the collection, in a namespace when one is given and the resource is
   * namespaced.
   */
  String path(String namespace) {
    var base = group.isEmpty() ? "/api/" + version : "/apis/" + group + "/" + version;
    return base
        + (namespaced && namespace != null ? "/namespaces/" + namespace : "")
        + "/"
        + plural;
  }

  /** {@code configmaps} or {@code deployments.apps}, as kubectl names the resource in messages. */
  String qualifiedPlural() {
    return group.isEmpty() ? plural : plural + "." + group;
  }
}
