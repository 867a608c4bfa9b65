package io.cncfdemo.gcp.fake;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.cncfdemo.gcp.fake.GcpFake.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The Compute Engine part of {@link GcpFake}: resources by collection ({@code global/networks},
 * {@code regions/us-central1/subnetworks}, {@code zones/us-central1-a/instances}, ...), operations,
 * and the read-only zones, regions (with their quotas) and machine types of one project.
 */
public final class ComputeState {
  static final String ROOT = "/compute/v1/projects/";

  /** Collections the fake serves read-only. */
  static final Set<String> READ_ONLY = Set.of("zones", "regions", "machineTypes");

  private final String project;
  private final Supplier<String> url;
  private final Map<String, Map<String, JsonObject>> collections = new TreeMap<>();
  private final Map<String, Map<String, String>> guestAttributes = new ConcurrentHashMap<>();
  private final Map<String, Failure> failures = new ConcurrentHashMap<>();
  private final Map<String, Map.Entry<String, String>> groupPublications =
      new ConcurrentHashMap<>();
  private final AtomicInteger ids = new AtomicInteger(1000);
  private final AtomicInteger addresses = new AtomicInteger(100);

  record Failure(String code, String message) {}

  ComputeState(String project, Supplier<String> url) {
    this.project = project;
    this.url = url;
    for (var region : List.of("us-central1", "europe-west4")) {
      var json = new JsonObject();
      json.addProperty("name", region);
      json.addProperty("status", "UP");
      var quotas = new JsonArray();
      quotas.add(quota("CPUS", 24, 0));
      quotas.add(quota("IN_USE_ADDRESSES", 8, 0));
      json.add("quotas", quotas);
      put("regions", json);
    }
    for (var zone :
        List.of(
            "us-central1-a",
            "us-central1-b",
            "us-central1-c",
            "europe-west4-a",
            "europe-west4-b")) {
      var json = new JsonObject();
      json.addProperty("name", zone);
      json.addProperty("status", "UP");
      json.addProperty("region", link("regions/" + zone.substring(0, zone.lastIndexOf('-'))));
      put("zones", json);
      var types =
          Map.of(
              "e2-medium",
              2,
              "e2-standard-2",
              2,
              "e2-standard-4",
              4,
              "e2-standard-8",
              8,
              "n2-standard-2",
              2,
              "n2-standard-4",
              4);
      types.forEach(
          (type, cpus) -> {
            var machine = new JsonObject();
            machine.addProperty("name", type);
            machine.addProperty("guestCpus", cpus);
            machine.addProperty("memoryMb", cpus * 4096);
            machine.addProperty("zone", zone);
            put("zones/" + zone + "/machineTypes", machine);
          });
    }
  }

  /** Sets a region's {@code CPUS} quota. */
  public synchronized void cpuQuota(String region, double limit, double usage) {
    var quotas = collections.get("regions").get(region).getAsJsonArray("quotas");
    quotas.set(0, quota("CPUS", limit, usage));
  }

  /**
   * The next insert into this collection (e.g. {@code instanceGroupManagers}) ends with this error
   * in its operation.
   */
  public void failNextInsert(String collection, String code, String message) {
    failures.put(collection, new Failure(code, message));
  }

  /** As the guest agent of the instance would: a guest attribute {@code namespace/key}. */
  public void putGuestAttribute(String instance, String path, String value) {
    guestAttributes.computeIfAbsent(instance, i -> new ConcurrentHashMap<>()).put(path, value);
  }

  /**
   * As the first instance of the group will, once the group has made it: a guest attribute {@code
   * namespace/key}.
   */
  public void publishFromGroup(String group, String path, String value) {
    groupPublications.put(group, Map.entry(path, value));
  }

  /**
   * Inserts a resource as another client would (e.g. Kubernetes' cloud integration adding a
   * firewall rule).
   */
  public synchronized void insertDirectly(String collectionKey, JsonObject resource) {
    store(collectionKey, resource);
  }

  /**
   * Every resource the fake holds that a client made, by collection key: not the zones, regions,
   * machine types, operations.
   */
  public synchronized Map<String, List<JsonObject>> resources() {
    var out = new TreeMap<String, List<JsonObject>>();
    collections.forEach(
        (key, items) -> {
          var collection = key.substring(key.lastIndexOf('/') + 1);
          if (!READ_ONLY.contains(collection)
              && !collection.equals("operations")
              && !items.isEmpty()) {
            out.put(key, items.values().stream().map(JsonObject::deepCopy).toList());
          }
        });
    return out;
  }

  synchronized Response handle(
      String method, String rest, Map<String, String> query, JsonObject body) {
    var parts = rest.split("/");
    if (!parts[0].equals(project)) {
      return Response.error(403, "forbidden", "project " + parts[0] + " is not the fake's");
    }
    if (parts.length == 2 && READ_ONLY.contains(parts[1]) && method.equals("GET")) {
      return list(parts[1], query, "items");
    }
    if (parts.length == 3 && READ_ONLY.contains(parts[1]) && method.equals("GET")) {
      return get(parts[1], parts[2]);
    }
    int at;
    String scope;
    if (parts.length > 2 && parts[1].equals("global")) {
      scope = "global";
      at = 2;
    } else if (parts.length > 3 && (parts[1].equals("zones") || parts[1].equals("regions"))) {
      scope = parts[1] + "/" + parts[2];
      at = 3;
    } else {
      return Response.error(404, "notFound", "no such path: " + rest);
    }
    var collection = parts[at];
    var key = scope + "/" + collection;
    var name = parts.length > at + 1 ? parts[at + 1] : null;
    var action = parts.length > at + 2 ? parts[at + 2] : null;
    if (collection.equals("operations") && name != null && method.equals("GET")) {
      return poll(key, name);
    }
    if (action != null) {
      return switch (action) {
        case "listManagedInstances" ->
            method.equals("POST")
                ? managedInstances(scope, name, query)
                : Response.error(405, "badRequest", "listManagedInstances is a POST");
        case "getGuestAttributes" -> guestAttributes(name, query.getOrDefault("queryPath", ""));
        default -> Response.error(400, "badRequest", "the fake does not serve " + action);
      };
    }
    if (READ_ONLY.contains(collection) && !method.equals("GET")) {
      return Response.error(405, "badRequest", collection + " are read-only");
    }
    return switch (method) {
      case "GET" -> name == null ? list(key, query, "items") : get(key, name);
      case "POST" ->
          name == null
              ? insert(scope, collection, body)
              : Response.error(400, "badRequest", "POST to " + rest);
      case "DELETE" ->
          name == null
              ? Response.error(400, "badRequest", "DELETE of a collection")
              : delete(scope, collection, name);
      default -> Response.error(405, "badRequest", method + " is not served");
    };
  }

  private Response insert(String scope, String collection, JsonObject body) {
    var key = scope + "/" + collection;
    var name = body.has("name") ? body.get("name").getAsString() : "";
    if (!name.matches("[a-z](?:[-a-z0-9]{0,61}[a-z0-9])?")) {
      return Response.error(
          400, "invalid", "Invalid value for field 'resource.name': '" + name + "'");
    }
    if (items(key).containsKey(name)) {
      return Response.error(
          409,
          "alreadyExists",
          "The resource 'projects/" + project + "/" + key + "/" + name + "' already exists");
    }
    var failure = failures.remove(collection);
    if (failure == null) {
      var stored = store(key, body.deepCopy());
      if (collection.equals("instanceGroupManagers")) {
        makeInstances(scope, stored);
      }
    }
    return Response.ok(operation(scope, "insert", link(key + "/" + name), failure));
  }

  private Response delete(String scope, String collection, String name) {
    var key = scope + "/" + collection;
    if (!items(key).containsKey(name)) {
      return notFound(key, name);
    }
    var target = "projects/" + project + "/" + key + "/" + name;
    var user = usedBy(target, target);
    if (user.isEmpty() && collection.equals("instanceGroupManagers")) {
      user = usedBy("projects/" + project + "/" + scope + "/instanceGroups/" + name, target);
    }
    if (user.isPresent()) {
      return Response.ok(
          operation(
              scope,
              "delete",
              link(key + "/" + name),
              new Failure(
                  "RESOURCE_IN_USE_BY_ANOTHER_RESOURCE",
                  "The "
                      + singular(collection)
                      + " resource '"
                      + target
                      + "' is already being used by '"
                      + user.get()
                      + "'")));
    }
    var removed = items(key).remove(name);
    if (collection.equals("instanceGroupManagers")) {
      deleteInstances(removed);
    }
    return Response.ok(operation(scope, "delete", link(key + "/" + name), null));
  }

  private Response get(String key, String name) {
    var item = items(key).get(name);
    return item == null ? notFound(key, name) : Response.ok(item.deepCopy());
  }

  private Response list(String key, Map<String, String> query, String field) {
    return page(new ArrayList<JsonElement>(items(key).values()), query, field, "compute#list");
  }

  private Response page(
      List<JsonElement> all, Map<String, String> query, String field, String kind) {
    int size =
        Math.min(GcpFake.PAGE_SIZE, Integer.parseInt(query.getOrDefault("maxResults", "500")));
    int from =
        query.containsKey("pageToken") && !query.get("pageToken").isEmpty()
            ? Integer.parseInt(query.get("pageToken"))
            : 0;
    var items = new JsonArray();
    all.subList(Math.min(from, all.size()), Math.min(from + size, all.size()))
        .forEach(e -> items.add(e.deepCopy()));
    var out = new JsonObject();
    out.addProperty("kind", kind);
    out.add(field, items);
    if (from + size < all.size()) {
      out.addProperty("nextPageToken", String.valueOf(from + size));
    }
    return Response.ok(out);
  }

  private Response managedInstances(String scope, String group, Map<String, String> query) {
    var manager = items(scope + "/instanceGroupManagers").get(group);
    if (manager == null) {
      return notFound(scope + "/instanceGroupManagers", group);
    }
    var all = new ArrayList<JsonElement>();
    for (var instance : instancesOf(manager)) {
      var managed = new JsonObject();
      managed.addProperty("instance", instance.get("selfLink").getAsString());
      managed.addProperty("id", instance.get("id").getAsString());
      managed.addProperty("instanceStatus", "RUNNING");
      managed.addProperty("currentAction", "NONE");
      all.add(managed);
    }
    return page(
        all, query, "managedInstances", "compute#regionInstanceGroupManagersListInstancesResponse");
  }

  private Response guestAttributes(String instance, String queryPath) {
    var values = guestAttributes.getOrDefault(instance, Map.of());
    var items = new JsonArray();
    values.entrySet().stream()
        .filter(e -> e.getKey().startsWith(queryPath))
        .forEach(
            e -> {
              var item = new JsonObject();
              var slash = e.getKey().indexOf('/');
              item.addProperty("namespace", e.getKey().substring(0, slash));
              item.addProperty("key", e.getKey().substring(slash + 1));
              item.addProperty("value", e.getValue());
              items.add(item);
            });
    if (items.isEmpty()) {
      return Response.error(
          404,
          "notFound",
          "The resource 'guestAttributes/"
              + queryPath
              + "' of instance "
              + instance
              + " was not found");
    }
    var value = new JsonObject();
    value.add("items", items);
    var out = new JsonObject();
    out.addProperty("kind", "compute#guestAttributes");
    out.addProperty("queryPath", queryPath);
    out.add("queryValue", value);
    return Response.ok(out);
  }

  /** An operation, stored PENDING; each poll moves it on until DONE. */
  private JsonObject operation(String scope, String type, String targetLink, Failure failure) {
    var name = "operation-" + ids.incrementAndGet();
    var operation = new JsonObject();
    operation.addProperty("kind", "compute#operation");
    operation.addProperty("id", String.valueOf(ids.get()));
    operation.addProperty("name", name);
    operation.addProperty("operationType", type);
    operation.addProperty("targetLink", targetLink);
    operation.addProperty("status", "PENDING");
    operation.addProperty("progress", 0);
    operation.addProperty("insertTime", Instant.now().toString());
    operation.addProperty("selfLink", link(scope + "/operations/" + name));
    if (scope.startsWith("zones/")) {
      operation.addProperty("zone", link(scope));
    } else if (scope.startsWith("regions/")) {
      operation.addProperty("region", link(scope));
    }
    if (failure != null) {
      operation.addProperty("cncfdemoFailureCode", failure.code());
      operation.addProperty("cncfdemoFailureMessage", failure.message());
    }
    items(scope + "/operations").put(name, operation);
    return publicView(operation);
  }

  private Response poll(String key, String name) {
    var operation = items(key).get(name);
    if (operation == null) {
      return notFound(key, name);
    }
    var next =
        switch (operation.get("status").getAsString()) {
          case "PENDING" -> "RUNNING";
          default -> "DONE";
        };
    operation.addProperty("status", next);
    operation.addProperty("progress", next.equals("DONE") ? 100 : 50);
    if (next.equals("DONE") && operation.has("cncfdemoFailureCode")) {
      var error = new JsonObject();
      var errors = new JsonArray();
      var detail = new JsonObject();
      detail.addProperty("code", operation.get("cncfdemoFailureCode").getAsString());
      detail.addProperty("message", operation.get("cncfdemoFailureMessage").getAsString());
      errors.add(detail);
      error.add("errors", errors);
      operation.add("error", error);
      operation.addProperty("httpErrorStatusCode", 400);
      operation.addProperty("httpErrorMessage", "BAD REQUEST");
    }
    return Response.ok(publicView(operation));
  }

  private static JsonObject publicView(JsonObject operation) {
    var copy = operation.deepCopy();
    copy.remove("cncfdemoFailureCode");
    copy.remove("cncfdemoFailureMessage");
    return copy;
  }

  private void makeInstances(String scope, JsonObject manager) {
    var template =
        items("global/instanceTemplates").get(last(manager.get("instanceTemplate").getAsString()));
    var zone =
        last(
            manager
                .getAsJsonObject("distributionPolicy")
                .getAsJsonArray("zones")
                .get(0)
                .getAsJsonObject()
                .get("zone")
                .getAsString());
    var properties = template == null ? new JsonObject() : template.getAsJsonObject("properties");
    int size = manager.has("targetSize") ? manager.get("targetSize").getAsInt() : 0;
    for (int i = 0; i < size; i++) {
      var name =
          manager.get("baseInstanceName").getAsString()
              + "-"
              + Integer.toString(ids.incrementAndGet(), 36);
      var instance = new JsonObject();
      instance.addProperty("name", name);
      instance.addProperty("status", "RUNNING");
      instance.addProperty("zone", link("zones/" + zone));
      if (properties.has("labels")) {
        instance.add("labels", properties.get("labels").deepCopy());
      }
      if (properties.has("metadata")) {
        instance.add("metadata", properties.get("metadata").deepCopy());
      }
      var nic =
          properties.has("networkInterfaces")
              ? properties.getAsJsonArray("networkInterfaces").get(0).getAsJsonObject().deepCopy()
              : new JsonObject();
      int n = addresses.incrementAndGet();
      nic.addProperty("networkIP", "10.240.0." + n);
      var interfaces = new JsonArray();
      interfaces.add(nic);
      instance.add("networkInterfaces", interfaces);
      instance.addProperty("cncfdemoManagedBy", manager.get("selfLink").getAsString());
      store("zones/" + zone + "/instances", instance);
      var disk = new JsonObject();
      disk.addProperty("name", name);
      disk.addProperty("sizeGb", "30");
      if (properties.has("labels")) {
        disk.add("labels", properties.get("labels").deepCopy());
      }
      store("zones/" + zone + "/disks", disk);
      var publication = groupPublications.get(manager.get("name").getAsString());
      if (i == 0 && publication != null) {
        putGuestAttribute(name, publication.getKey(), publication.getValue());
      }
    }
    manager.addProperty(
        "instanceGroup", link(scope + "/instanceGroups/" + manager.get("name").getAsString()));
  }

  private List<JsonObject> instancesOf(JsonObject manager) {
    var self = manager.get("selfLink").getAsString();
    var out = new ArrayList<JsonObject>();
    collections.forEach(
        (key, items) -> {
          if (key.endsWith("/instances")) {
            items.values().stream()
                .filter(
                    i ->
                        i.has("cncfdemoManagedBy")
                            && i.get("cncfdemoManagedBy").getAsString().equals(self))
                .forEach(out::add);
          }
        });
    out.sort((a, b) -> a.get("name").getAsString().compareTo(b.get("name").getAsString()));
    return out;
  }

  private void deleteInstances(JsonObject manager) {
    for (var instance : instancesOf(manager)) {
      var zone = "zones/" + last(instance.get("zone").getAsString());
      items(zone + "/instances").remove(instance.get("name").getAsString());
      items(zone + "/disks").remove(instance.get("name").getAsString());
      guestAttributes.remove(instance.get("name").getAsString());
    }
  }

  /**
   * The self link of a resource but {@code self} that refers to {@code target} ({@code
   * projects/P/global/networks/N}).
   */
  private Optional<String> usedBy(String target, String self) {
    for (var entry : collections.entrySet()) {
      if (entry.getKey().endsWith("/operations")) {
        continue;
      }
      for (var item : entry.getValue().values()) {
        var link = item.has("selfLink") ? item.get("selfLink").getAsString() : "";
        if (!link.endsWith("/" + self) && refersTo(item, target)) {
          return Optional.of(link.substring(link.indexOf("projects/")));
        }
      }
    }
    return Optional.empty();
  }

  private static boolean refersTo(JsonElement element, String target) {
    if (element instanceof JsonPrimitive primitive && primitive.isString()) {
      var value = primitive.getAsString();
      return value.equals(target) || value.endsWith("/" + target);
    }
    if (element instanceof JsonObject object) {
      return object.entrySet().stream()
          .anyMatch(
              e ->
                  !e.getKey().equals("selfLink")
                      && !e.getKey().equals("cncfdemoManagedBy")
                      && refersTo(e.getValue(), target));
    }
    if (element instanceof JsonArray array) {
      for (var child : array) {
        if (refersTo(child, target)) {
          return true;
        }
      }
    }
    return false;
  }

  private JsonObject store(String key, JsonObject resource) {
    var collection = key.substring(key.lastIndexOf('/') + 1);
    resource.addProperty("kind", "compute#" + singular(collection));
    resource.addProperty("id", String.valueOf(ids.incrementAndGet()));
    resource.addProperty("creationTimestamp", Instant.now().toString());
    resource.addProperty("selfLink", link(key + "/" + resource.get("name").getAsString()));
    items(key).put(resource.get("name").getAsString(), resource);
    return resource;
  }

  private void put(String key, JsonObject resource) {
    resource.addProperty("selfLink", link(key + "/" + resource.get("name").getAsString()));
    items(key).put(resource.get("name").getAsString(), resource);
  }

  private Map<String, JsonObject> items(String key) {
    return collections.computeIfAbsent(key, k -> new LinkedHashMap<>());
  }

  private Response notFound(String key, String name) {
    return Response.error(
        404,
        "notFound",
        "The resource 'projects/" + project + "/" + key + "/" + name + "' was not found");
  }

  private String link(String path) {
    return url.get() + ROOT + project + "/" + path;
  }

  private static String last(String url) {
    return url.substring(url.lastIndexOf('/') + 1);
  }

  private static String singular(String collection) {
    return collection.endsWith("ies")
        ? collection.substring(0, collection.length() - 3) + "y"
        : collection.endsWith("sses")
            ? collection.substring(0, collection.length() - 2)
            : collection.substring(0, collection.length() - 1);
  }

  private static JsonObject quota(String metric, double limit, double usage) {
    var quota = new JsonObject();
    quota.addProperty("metric", metric);
    quota.addProperty("limit", limit);
    quota.addProperty("usage", usage);
    return quota;
  }
}
