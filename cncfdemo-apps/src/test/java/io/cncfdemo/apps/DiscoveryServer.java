package io.cncfdemo.apps;

import static io.cncfdemo.apps.internal.Maps.of;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.cncfdemo.apps.internal.ConfigFiles;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Just enough of a Kubernetes API server on 127.0.0.1 for {@code kubectl apply --dry-run=client}:
 * the discovery documents of the built-in APIs that Kubernetes 1.32 serves (so that kubectl maps
 * every kind of the YAML to a real resource, or fails on a kind or version the cluster would not
 * know), and 404 for every object (so that kubectl treats each one as new). Nothing is stored.
 */
public final class DiscoveryServer implements AutoCloseable {
  /** A built-in resource as Kubernetes 1.32 serves it. */
  record Resource(String group, String version, String kind, String plural, boolean namespaced) {
    String groupVersion() {
      return group.isEmpty() ? version : group + "/" + version;
    }
  }

  /**
   * The resources of the stable built-in APIs of Kubernetes 1.32 (removed beta versions are absent
   * on purpose).
   */
  static final List<Resource> KUBERNETES_1_32 =
      List.of(
          new Resource("", "v1", "Namespace", "namespaces", false),
          new Resource("", "v1", "Node", "nodes", false),
          new Resource("", "v1", "PersistentVolume", "persistentvolumes", false),
          new Resource("", "v1", "ConfigMap", "configmaps", true),
          new Resource("", "v1", "Secret", "secrets", true),
          new Resource("", "v1", "Service", "services", true),
          new Resource("", "v1", "ServiceAccount", "serviceaccounts", true),
          new Resource("", "v1", "Pod", "pods", true),
          new Resource("", "v1", "PersistentVolumeClaim", "persistentvolumeclaims", true),
          new Resource("", "v1", "Endpoints", "endpoints", true),
          new Resource("", "v1", "LimitRange", "limitranges", true),
          new Resource("", "v1", "ResourceQuota", "resourcequotas", true),
          new Resource("apps", "v1", "Deployment", "deployments", true),
          new Resource("apps", "v1", "StatefulSet", "statefulsets", true),
          new Resource("apps", "v1", "DaemonSet", "daemonsets", true),
          new Resource("apps", "v1", "ReplicaSet", "replicasets", true),
          new Resource("batch", "v1", "Job", "jobs", true),
          new Resource("batch", "v1", "CronJob", "cronjobs", true),
          new Resource(
              "autoscaling", "v2", "HorizontalPodAutoscaler", "horizontalpodautoscalers", true),
          new Resource(
              "autoscaling", "v1", "HorizontalPodAutoscaler", "horizontalpodautoscalers", true),
          new Resource("policy", "v1", "PodDisruptionBudget", "poddisruptionbudgets", true),
          new Resource("networking.k8s.io", "v1", "Ingress", "ingresses", true),
          new Resource("networking.k8s.io", "v1", "NetworkPolicy", "networkpolicies", true),
          new Resource("networking.k8s.io", "v1", "IngressClass", "ingressclasses", false),
          new Resource("rbac.authorization.k8s.io", "v1", "ClusterRole", "clusterroles", false),
          new Resource(
              "rbac.authorization.k8s.io",
              "v1",
              "ClusterRoleBinding",
              "clusterrolebindings",
              false),
          new Resource("rbac.authorization.k8s.io", "v1", "Role", "roles", true),
          new Resource("rbac.authorization.k8s.io", "v1", "RoleBinding", "rolebindings", true),
          new Resource("scheduling.k8s.io", "v1", "PriorityClass", "priorityclasses", false),
          new Resource("storage.k8s.io", "v1", "StorageClass", "storageclasses", false),
          new Resource("discovery.k8s.io", "v1", "EndpointSlice", "endpointslices", true),
          new Resource("coordination.k8s.io", "v1", "Lease", "leases", true));

  private final HttpServer server;

  private DiscoveryServer(HttpServer server) {
    this.server = server;
  }

  public static DiscoveryServer start() throws IOException {
    var server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    var documents = documents();
    server.createContext(
        "/",
        exchange -> {
          var path = exchange.getRequestURI().getPath();
          var document = documents.get(path);
          if (document != null) {
            respond(exchange, 200, ConfigFiles.json(document));
          } else {
            respond(
                exchange,
                404,
                ConfigFiles.json(
                    of(
                        "kind",
                        "Status",
                        "apiVersion",
                        "v1",
                        "metadata",
                        Map.of(),
                        "status",
                        "Failure",
                        "message",
                        path + " not found",
                        "reason",
                        "NotFound",
                        "code",
                        404)));
          }
        });
    server.start();
    return new DiscoveryServer(server);
  }

  /** The server's URL, for a kubeconfig. */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private static Map<String, Object> documents() {
    var documents = new LinkedHashMap<String, Object>();
    documents.put("/version", of("major", "1", "minor", "32", "gitVersion", "v1.32.0"));
    documents.put(
        "/api",
        of(
            "kind",
            "APIVersions",
            "versions",
            List.of("v1"),
            "serverAddressByClientCIDRs",
            List.of(of("clientCIDR", "0.0.0.0/0", "serverAddress", "127.0.0.1"))));
    var byGroupVersion = new LinkedHashMap<String, List<Resource>>();
    KUBERNETES_1_32.forEach(
        r -> byGroupVersion.computeIfAbsent(r.groupVersion(), key -> new ArrayList<>()).add(r));
    var groups = new LinkedHashMap<String, List<String>>();
    byGroupVersion.forEach(
        (groupVersion, resources) -> {
          var resource = resources.get(0);
          var path = resource.group().isEmpty() ? "/api/v1" : "/apis/" + groupVersion;
          documents.put(
              path,
              of(
                  "kind",
                  "APIResourceList",
                  "apiVersion",
                  "v1",
                  "groupVersion",
                  groupVersion,
                  "resources",
                  resources.stream()
                      .map(
                          r ->
                              of(
                                  "name",
                                  r.plural(),
                                  "singularName",
                                  r.kind().toLowerCase(java.util.Locale.ROOT),
                                  "namespaced",
                                  r.namespaced(),
                                  "kind",
                                  r.kind(),
                                  "verbs",
                                  List.of(
                                      "create", "delete", "get", "list", "patch", "update",
                                      "watch")))
                      .toList()));
          if (!resource.group().isEmpty()) {
            groups.computeIfAbsent(resource.group(), key -> new ArrayList<>()).add(groupVersion);
          }
        });
    documents.put(
        "/apis",
        of(
            "kind",
            "APIGroupList",
            "apiVersion",
            "v1",
            "groups",
            groups.entrySet().stream()
                .map(
                    group ->
                        of(
                            "name",
                            group.getKey(),
                            "versions",
                            group.getValue().stream()
                                .map(
                                    gv ->
                                        of(
                                            "groupVersion",
                                            gv,
                                            "version",
                                            gv.substring(gv.indexOf('/') + 1)))
                                .toList(),
                            "preferredVersion",
                            of(
                                "groupVersion",
                                group.getValue().get(0),
                                "version",
                                group
                                    .getValue()
                                    .get(0)
                                    .substring(group.getValue().get(0).indexOf('/') + 1))))
                .toList()));
    return documents;
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    var bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (var out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
