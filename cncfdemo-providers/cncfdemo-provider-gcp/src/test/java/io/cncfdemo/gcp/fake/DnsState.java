package io.cncfdemo.gcp.fake;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.cncfdemo.gcp.fake.GcpFake.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Cloud DNS part of {@link GcpFake}: managed zones (each with its SOA and NS record sets),
 * record sets, and changes that are {@code pending} when made and {@code done} when read again. A
 * change whose deletion does not match a record set exactly is refused (412 conditionNotMet), so is
 * an addition of a set that exists (409 alreadyExists), so is a CNAME next to another set of its
 * name (400 cnameResourceRecordSetConflict); a zone with records of its own is not deleted (400
 * containerNotEmpty). Zones are public unless made private, and listed by {@code dnsName} when
 * asked.
 */
public final class DnsState {
  static final String ROOT = "/dns/v1/projects/";

  private final String project;
  private final Map<String, JsonObject> zones = new LinkedHashMap<>();
  private final Map<String, Map<String, JsonObject>> records = new LinkedHashMap<>();
  private final Map<String, JsonObject> changes = new LinkedHashMap<>();
  private final AtomicInteger ids = new AtomicInteger();

  DnsState(String project) {
    this.project = project;
  }

  /** The zones a client made. */
  public synchronized List<JsonObject> zones() {
    return zones.values().stream().map(JsonObject::deepCopy).toList();
  }

  /** The record sets of a zone, SOA and NS included. */
  public synchronized List<JsonObject> records(String zone) {
    return records.getOrDefault(zone, Map.of()).values().stream()
        .map(JsonObject::deepCopy)
        .toList();
  }

  synchronized Response handle(
      String method, String rest, Map<String, String> query, JsonObject body) {
    var parts = rest.split("/");
    if (!parts[0].equals(project)) {
      return Response.error(403, "forbidden", "project " + parts[0] + " is not the fake's");
    }
    if (parts.length < 2 || !parts[1].equals("managedZones")) {
      return Response.error(404, "notFound", "no such path: " + rest);
    }
    if (parts.length == 2) {
      return switch (method) {
        case "GET" ->
            page(
                zones.values().stream()
                    .filter(
                        z ->
                            !query.containsKey("dnsName")
                                || z.get("dnsName").getAsString().equals(query.get("dnsName")))
                    .map(z -> (JsonElement) z)
                    .toList(),
                query,
                "managedZones");
        case "POST" -> create(body);
        default -> Response.error(405, "badRequest", method);
      };
    }
    var zone = parts[2];
    if (!zones.containsKey(zone)) {
      return Response.error(
          404,
          "notFound",
          "The 'parameters.managedZone' resource named '" + zone + "' does not exist.");
    }
    if (parts.length == 3) {
      return switch (method) {
        case "GET" -> Response.ok(zones.get(zone).deepCopy());
        case "DELETE" -> delete(zone);
        default -> Response.error(405, "badRequest", method);
      };
    }
    return switch (parts[3]) {
      case "rrsets" ->
          page(
              records.get(zone).values().stream()
                  .filter(
                      r ->
                          !query.containsKey("name")
                              || r.get("name").getAsString().equals(query.get("name")))
                  .filter(
                      r ->
                          !query.containsKey("type")
                              || r.get("type").getAsString().equals(query.get("type")))
                  .map(r -> (JsonElement) r)
                  .toList(),
              query,
              "rrsets");
      case "changes" -> parts.length == 5 ? change(parts[4]) : apply(zone, body);
      default -> Response.error(404, "notFound", "no such path: " + rest);
    };
  }

  private Response create(JsonObject zone) {
    var name = zone.get("name").getAsString();
    if (zones.containsKey(name)) {
      return Response.error(
          409,
          "alreadyExists",
          "The resource 'entity.managedZone' named '" + name + "' already exists");
    }
    var stored = zone.deepCopy();
    stored.addProperty("kind", "dns#managedZone");
    stored.addProperty("id", String.valueOf(ids.incrementAndGet()));
    stored.addProperty("creationTime", Instant.now().toString());
    if (!stored.has("visibility")) {
      stored.addProperty("visibility", "public"); // the API's default
    }
    boolean isPublic = stored.get("visibility").getAsString().equals("public");
    var server = isPublic ? "ns-cloud-a1.googledomains.com." : "ns-gcp-private.googledomains.com.";
    var servers = new JsonArray();
    servers.add(server);
    stored.add("nameServers", servers);
    zones.put(name, stored);
    var own = new LinkedHashMap<String, JsonObject>();
    var dnsName = zone.get("dnsName").getAsString();
    own.put(
        dnsName + " SOA",
        record(
            dnsName, "SOA", server + " cloud-dns-hostmaster.google.com. 1 21600 3600 259200 300"));
    own.put(dnsName + " NS", record(dnsName, "NS", server));
    records.put(name, own);
    return Response.ok(stored.deepCopy());
  }

  private Response delete(String zone) {
    var own =
        records.get(zone).values().stream()
            .map(r -> r.get("type").getAsString())
            .filter(type -> !type.equals("SOA") && !type.equals("NS"))
            .count();
    if (own > 0) {
      return Response.error(
          400,
          "containerNotEmpty",
          "The resource named '" + zone + "' cannot be deleted because it" + " is not empty");
    }
    zones.remove(zone);
    records.remove(zone);
    return new Response(204, null);
  }

  private Response apply(String zone, JsonObject change) {
    var sets = records.get(zone);
    for (var deletion : array(change, "deletions")) {
      var key = key(deletion.getAsJsonObject());
      var existing = sets.get(key);
      if (existing == null
          || !existing.get("rrdatas").equals(deletion.getAsJsonObject().get("rrdatas"))) {
        return Response.error(
            412,
            "conditionNotMet",
            "Precondition not met for 'entity.change.deletions[" + key + "]'");
      }
    }
    for (var addition : array(change, "additions")) {
      var key = key(addition.getAsJsonObject());
      var deleted =
          array(change, "deletions").stream().anyMatch(d -> key(d.getAsJsonObject()).equals(key));
      if (sets.containsKey(key) && !deleted) {
        return Response.error(
            409,
            "alreadyExists",
            "The resource 'entity.change.additions[" + key + "]' already exists");
      }
    }
    var after = new java.util.HashMap<String, java.util.Set<String>>();
    sets.values()
        .forEach(
            r ->
                after
                    .computeIfAbsent(r.get("name").getAsString(), n -> new java.util.HashSet<>())
                    .add(r.get("type").getAsString()));
    array(change, "deletions")
        .forEach(
            d ->
                after
                    .getOrDefault(
                        d.getAsJsonObject().get("name").getAsString(), new java.util.HashSet<>())
                    .remove(d.getAsJsonObject().get("type").getAsString()));
    for (var addition : array(change, "additions")) {
      var name = addition.getAsJsonObject().get("name").getAsString();
      var types = after.computeIfAbsent(name, n -> new java.util.HashSet<>());
      types.add(addition.getAsJsonObject().get("type").getAsString());
      if (types.contains("CNAME") && types.size() > 1) {
        return Response.error(
            400,
            "cnameResourceRecordSetConflict",
            "The resource 'entity.change.additions["
                + key(addition.getAsJsonObject())
                + "]' named '"
                + name
                + "' conflicts with another record set: a CNAME must be the only record set of"
                + " its name");
      }
    }
    array(change, "deletions").forEach(d -> sets.remove(key(d.getAsJsonObject())));
    array(change, "additions")
        .forEach(
            a -> {
              var stored = a.getAsJsonObject().deepCopy();
              stored.addProperty("kind", "dns#resourceRecordSet");
              sets.put(key(stored), stored);
            });
    var made = change.deepCopy();
    made.addProperty("kind", "dns#change");
    made.addProperty("id", String.valueOf(ids.incrementAndGet()));
    made.addProperty("startTime", Instant.now().toString());
    made.addProperty("status", "pending");
    changes.put(made.get("id").getAsString(), made);
    return Response.ok(made.deepCopy());
  }

  private Response change(String id) {
    var change = changes.get(id);
    if (change == null) {
      return Response.error(404, "notFound", "change " + id);
    }
    change.addProperty("status", "done");
    return Response.ok(change.deepCopy());
  }

  static Response page(List<JsonElement> all, Map<String, String> query, String field) {
    int size =
        Math.min(GcpFake.PAGE_SIZE, Integer.parseInt(query.getOrDefault("maxResults", "1000")));
    int from =
        query.containsKey("pageToken") && !query.get("pageToken").isEmpty()
            ? Integer.parseInt(query.get("pageToken"))
            : 0;
    var items = new JsonArray();
    all.subList(Math.min(from, all.size()), Math.min(from + size, all.size()))
        .forEach(e -> items.add(e.deepCopy()));
    var out = new JsonObject();
    out.add(field, items);
    if (from + size < all.size()) {
      out.addProperty("nextPageToken", String.valueOf(from + size));
    }
    return Response.ok(out);
  }

  private static List<JsonElement> array(JsonObject object, String field) {
    var out = new ArrayList<JsonElement>();
    if (object.has(field)) {
      object.getAsJsonArray(field).forEach(out::add);
    }
    return out;
  }

  private static String key(JsonObject record) {
    return record.get("name").getAsString() + " " + record.get("type").getAsString();
  }

  private static JsonObject record(String name, String type, String data) {
    var record = new JsonObject();
    record.addProperty("kind", "dns#resourceRecordSet");
    record.addProperty("name", name);
    record.addProperty("type", type);
    record.addProperty("ttl", 21600);
    var rrdatas = new JsonArray();
    rrdatas.add(data);
    record.add("rrdatas", rrdatas);
    return record;
  }
}
