package io.cncfdemo.azure.fake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * What the fake holds: resources by id (case-insensitive, as ARM treats ids), long-running
 * operations, and the read-only catalogue (locations, VM sizes, quotas). Callers synchronize on it.
 */
public final class ArmState {
  /** An HTTP answer: status, headers, JSON body (null for none). */
  record Response(int status, JsonNode body, Map<String, String> headers) {
    Response(int status, JsonNode body) {
      this(status, body, new LinkedHashMap<>());
    }

    Response header(String name, String value) {
      headers.put(name, value);
      return this;
    }

    static Response error(int status, String code, String message) {
      var body = ArmFake.object();
      body.putObject("error").put("code", code).put("message", message);
      return new Response(status, body);
    }
  }

  /** Types whose PUT is a long-running operation (the others answer at once). */
  static final Set<String> ASYNC_TYPES =
      Set.of(
          "microsoft.network/virtualnetworks",
          "microsoft.network/networksecuritygroups",
          "microsoft.network/loadbalancers",
          "microsoft.network/privatednszones",
          "microsoft.network/privatednszones/virtualnetworklinks",
          "microsoft.compute/virtualmachinescalesets");

  /** Types ARM does not list among a resource group's resources. */
  static final Set<String> UNLISTED_TYPES =
      Set.of("microsoft.authorization/roleassignments", "microsoft.network/privatednszones/a");

  private record Failure(Predicate<String> path, String code, String message) {}

  private static final class Operation {
    final String id;
    final String kind;
    final String resource;
    final Failure failure;
    int pollsLeft = 1;
    boolean done;
    JsonNode result;

    Operation(String id, String kind, String resource, Failure failure) {
      this.id = id;
      this.kind = kind;
      this.resource = resource;
      this.failure = failure;
    }
  }

  private final Supplier<String> base;
  private final Map<String, ObjectNode> resources = new TreeMap<>();
  private final Map<String, String> customData = new HashMap<>();
  private final Map<String, Operation> operations = new HashMap<>();
  private final Map<String, Integer> addresses = new HashMap<>();
  private final List<String> locations =
      new ArrayList<>(List.of("eastus", "westus2", "westeurope", "northeurope"));
  private final Map<String, Integer> sizes =
      new TreeMap<>(
          Map.of(
              "Standard_B2s",
              2,
              "Standard_D2s_v5",
              2,
              "Standard_D4s_v5",
              4,
              "Standard_D2ps_v5",
              2));
  private final Map<String, String> restricted = new HashMap<>();
  private final Map<String, long[]> usages = new LinkedHashMap<>();
  private Failure nextFailure;
  private BiFunction<String, List<String>, String> runCommand = (vm, script) -> "";
  private int publicAddresses;

  ArmState(Supplier<String> base) {
    this.base = base;
    usages.put("cores", new long[] {0, 100});
    usages.put("standardDSv5Family", new long[] {0, 100});
    usages.put("standardBSFamily", new long[] {0, 100});
  }

  // ---- what tests set up and look at

  /** A VM size is not offered to the subscription in this location. */
  public synchronized void restrict(String size, String location) {
    restricted.put(size, location);
  }

  /**
   * The quota {@code name} (e.g. {@code cores}, {@code standardDSv5Family}) with this usage and
   * limit.
   */
  public synchronized void usage(String name, long current, long limit) {
    usages.put(name, new long[] {current, limit});
  }

  /**
   * A resource put straight into the store, e.g. one tagged for a cluster in another resource
   * group.
   */
  public synchronized void seed(String id, ObjectNode resource) {
    resource.put("id", id);
    resources.put(key(id), resource);
  }

  /** Removes a seeded resource. */
  public synchronized void remove(String id) {
    resources.remove(key(id));
  }

  /**
   * Every resource held, as ARM would list them (role assignments and record sets included), by id.
   */
  public synchronized Map<String, JsonNode> all() {
    var out = new TreeMap<String, JsonNode>();
    resources.forEach((k, v) -> out.put(v.get("id").asText(), view(v)));
    return out;
  }

  synchronized void failNextPut(Predicate<String> path, String code, String message) {
    nextFailure = new Failure(path, code, message);
  }

  synchronized void onRunCommand(BiFunction<String, List<String>, String> handler) {
    runCommand = handler;
  }

  synchronized Optional<String> customData(String scaleSet) {
    return customData.entrySet().stream()
        .filter(e -> e.getKey().endsWith("/" + scaleSet.toLowerCase(Locale.ROOT)))
        .map(Map.Entry::getValue)
        .findFirst();
  }

  // ---- catalogue

  List<JsonNode> locations(String subscription) {
    return locations.stream()
        .<JsonNode>map(
            name ->
                ArmFake.object()
                    .put("id", "/subscriptions/" + subscription + "/locations/" + name)
                    .put("name", name)
                    .put("displayName", name))
        .toList();
  }

  List<JsonNode> skus(Optional<String> location) {
    var out = new ArrayList<JsonNode>();
    for (var size : sizes.entrySet()) {
      for (var where : location.map(List::of).orElse(locations)) {
        var sku =
            ArmFake.object()
                .put("resourceType", "virtualMachines")
                .put("name", size.getKey())
                .put("tier", "Standard")
                .put("size", size.getKey().substring("Standard_".length()))
                .put("family", family(size.getKey()));
        sku.putArray("locations").add(where);
        var capabilities = sku.putArray("capabilities");
        capabilities.addObject().put("name", "vCPUs").put("value", String.valueOf(size.getValue()));
        capabilities
            .addObject()
            .put("name", "MemoryGB")
            .put("value", String.valueOf(size.getValue() * 4));
        capabilities
            .addObject()
            .put("name", "CpuArchitectureType")
            .put("value", size.getKey().matches("Standard_D\\d+p.*") ? "Arm64" : "x64");
        var restrictions = sku.putArray("restrictions");
        if (where.equals(restricted.get(size.getKey()))) {
          var restriction =
              restrictions
                  .addObject()
                  .put("type", "Location")
                  .put("reasonCode", "NotAvailableForSubscription");
          restriction.putArray("values").add(where);
          restriction.putObject("restrictionInfo").putArray("locations").add(where);
        }
        out.add(sku);
      }
    }
    return out;
  }

  static String family(String size) {
    return size.startsWith("Standard_B") ? "standardBSFamily" : "standardDSv5Family";
  }

  List<JsonNode> usages() {
    return usages.entrySet().stream()
        .<JsonNode>map(
            e -> {
              var usage =
                  ArmFake.object()
                      .put("unit", "Count")
                      .put("currentValue", e.getValue()[0])
                      .put("limit", e.getValue()[1]);
              usage
                  .putObject("name")
                  .put("value", e.getKey())
                  .put(
                      "localizedValue",
                      e.getKey().equals("cores") ? "Total Regional vCPUs" : e.getKey());
              return usage;
            })
        .toList();
  }

  Response provider(String namespace) {
    var provider =
        ArmFake.object().put("namespace", namespace).put("registrationState", "Registered");
    var types = provider.putArray("resourceTypes");
    var prefix = namespace.toLowerCase(Locale.ROOT) + "/";
    resources.values().stream()
        .map(r -> r.get("type").asText())
        .filter(t -> t.toLowerCase(Locale.ROOT).startsWith(prefix))
        .distinct()
        .forEach(
            t -> {
              var type = types.addObject().put("resourceType", t.substring(prefix.length()));
              type.putArray("apiVersions")
                  .add("2025-01-01-preview")
                  .add("2024-05-01")
                  .add("2023-09-01");
            });
    return new Response(200, provider);
  }

  // ---- lists

  List<JsonNode> list(Predicate<String> id, Optional<Map.Entry<String, String>> tag) {
    return resources.entrySet().stream()
        .filter(e -> !e.getKey().matches("/subscriptions/[^/]+/resourcegroups/[^/]+"))
        .filter(
            e ->
                !UNLISTED_TYPES.contains(e.getValue().get("type").asText().toLowerCase(Locale.ROOT))
                    && !isRecordSet(e.getValue().get("type").asText()))
        .filter(e -> id.test(e.getKey()))
        .filter(
            e ->
                tag.isEmpty()
                    || tag.get()
                        .getValue()
                        .equals(e.getValue().path("tags").path(tag.get().getKey()).asText(null)))
        .map(e -> view(e.getValue()))
        .toList();
  }

  List<JsonNode> resourceGroups(Optional<Map.Entry<String, String>> tag) {
    return resources.entrySet().stream()
        .filter(e -> e.getKey().matches("/subscriptions/[^/]+/resourcegroups/[^/]+"))
        .filter(
            e ->
                tag.isEmpty()
                    || tag.get()
                        .getValue()
                        .equals(e.getValue().path("tags").path(tag.get().getKey()).asText(null)))
        .map(e -> view(e.getValue()))
        .toList();
  }

  // ---- resource groups

  Response resourceGroup(String method, String path, String body) {
    var key = key(path);
    var existing = resources.get(key);
    var name = path.substring(path.lastIndexOf('/') + 1);
    switch (method) {
      case "HEAD":
        return new Response(existing == null ? 404 : 204, null);
      case "GET":
        return existing == null ? notFoundGroup(name) : new Response(200, view(existing));
      case "PUT":
        {
          var group = parse(body);
          group.put("id", path).put("name", name).put("type", "Microsoft.Resources/resourceGroups");
          group.putObject("properties").put("provisioningState", "Succeeded");
          resources.put(key, group);
          return new Response(existing == null ? 201 : 200, view(group));
        }
      case "DELETE":
        if (existing == null) {
          return notFoundGroup(name);
        }
        existing.withObjectProperty("properties").put("provisioningState", "Deleting");
        return accepted(newOperation("delete-group", key, null), "Microsoft.Resources");
      default:
        return Response.error(405, "MethodNotAllowed", method);
    }
  }

  private static Response notFoundGroup(String name) {
    return Response.error(
        404, "ResourceGroupNotFound", "Resource group '" + name + "' could not be found.");
  }

  // ---- resources

  Response resource(String method, String path, String body) {
    var key = key(path);
    var group = groupOf(key);
    if (!resources.containsKey(group)) {
      return notFoundGroup(group.substring(group.lastIndexOf('/') + 1));
    }
    var existing = resources.get(key);
    switch (method) {
      case "GET":
        return existing == null ? notFound(path) : new Response(200, view(existing));
      case "PUT":
        if (isRecordSet(type(path))) {
          var conflict = cnameConflict(path);
          if (conflict != null) {
            return conflict;
          }
        }
        if (isRoleAssignment(path)) {
          var duplicate = duplicateAssignment(key, parse(body));
          if (duplicate != null) {
            return duplicate;
          }
        }
        return put(path, key, existing, parse(body));
      case "PATCH":
        if (existing == null) {
          return notFound(path);
        }
        return patch(key, existing, parse(body));
      case "DELETE":
        if (existing == null) {
          return new Response(204, null);
        }
        if (isRoleAssignment(path)) { // synchronous, 200 with the assignment it deleted
          resources.remove(key);
          return new Response(200, view(existing));
        }
        if (isRecordSet(type(path))) { // Azure DNS deletes a record set at once: 200
          resources.remove(key);
          return new Response(200, null);
        }
        existing.withObjectProperty("properties").put("provisioningState", "Deleting");
        return accepted(newOperation("delete", key, null), namespace(existing));
      default:
        return Response.error(405, "MethodNotAllowed", method);
    }
  }

  private Response put(String path, String key, ObjectNode existing, ObjectNode body) {
    var type = type(path);
    var parent = parentOf(path);
    if (parent != null && !resources.containsKey(key(parent))) {
      return Response.error(
          404,
          "ParentResourceNotFound",
          "Can not perform requested operation on nested resource."
              + " Parent resource '"
              + parent.substring(parent.lastIndexOf('/') + 1)
              + "' not found.");
    }
    var resource = body.deepCopy();
    resource
        .put("id", path)
        .put("name", path.substring(path.lastIndexOf('/') + 1))
        .put("type", type);
    var properties = resource.withObjectProperty("properties");
    enrich(type.toLowerCase(Locale.ROOT), path, resource, existing);
    boolean async = ASYNC_TYPES.contains(type.toLowerCase(Locale.ROOT));
    int status = existing == null ? 201 : 200;
    if (!async) {
      properties.put("provisioningState", "Succeeded");
      resources.put(key, resource);
      return new Response(status, view(resource));
    }
    properties.put("provisioningState", existing == null ? "Creating" : "Updating");
    resources.put(key, resource);
    var failure = nextFailure != null && nextFailure.path().test(path) ? nextFailure : null;
    if (failure != null) {
      nextFailure = null;
    }
    var operation = newOperation("put", key, failure);
    return new Response(status, view(resource))
        .header("Azure-AsyncOperation", operationUrl(resource, "operations", operation));
  }

  private Response patch(String key, ObjectNode existing, ObjectNode body) {
    body.properties()
        .forEach(
            field -> {
              if (field.getValue().isObject() && existing.path(field.getKey()).isObject()) {
                ((ObjectNode) existing.get(field.getKey())).setAll((ObjectNode) field.getValue());
              } else if (!field.getKey().equals("properties")) {
                existing.set(field.getKey(), field.getValue());
              }
            });
    existing.withObjectProperty("properties").put("provisioningState", "Updating");
    var operation = newOperation("put", key, null);
    return new Response(200, view(existing))
        .header("Azure-AsyncOperation", operationUrl(existing, "operations", operation));
  }

  private void enrich(String type, String path, ObjectNode resource, ObjectNode existing) {
    var properties = resource.withObjectProperty("properties");
    switch (type) {
      case "microsoft.managedidentity/userassignedidentities" -> {
        var old = existing == null ? null : existing.path("properties");
        properties.put(
            "principalId",
            old == null ? UUID.randomUUID().toString() : old.path("principalId").asText());
        properties.put(
            "clientId", old == null ? UUID.randomUUID().toString() : old.path("clientId").asText());
        properties.put("tenantId", "72f988bf-0000-0000-0000-000000000000");
      }
      case "microsoft.network/virtualnetworks" -> childIds(path, properties, "subnets");
      case "microsoft.network/networksecuritygroups" -> childIds(path, properties, "securityRules");
      case "microsoft.network/loadbalancers" -> {
        for (var part :
            List.of(
                "frontendIPConfigurations",
                "backendAddressPools",
                "probes",
                "loadBalancingRules")) {
          childIds(path, properties, part);
        }
      }
      case "microsoft.network/dnszones" -> {
        var nameServers = properties.putArray("nameServers");
        nameServers.add("ns1-01.azure-dns.com.").add("ns2-01.azure-dns.net.");
        properties.put("zoneType", "Public");
        properties.put("maxNumberOfRecordSets", 10000);
        if (existing == null) {
          var zone = path.substring(path.lastIndexOf('/') + 1);
          var soa = ArmFake.object();
          soa.withObjectProperty("properties")
              .put("TTL", 3600)
              .putObject("SOARecord")
              .put("host", "ns1-01.azure-dns.com.")
              .put("email", "azuredns-hostmaster.microsoft.com")
              .put("serialNumber", 1);
          seedRecordSet(path + "/SOA/@", zone + ".", soa);
          var ns = ArmFake.object();
          var records =
              ns.withObjectProperty("properties").put("TTL", 172800).putArray("NSRecords");
          nameServers.forEach(server -> records.addObject().put("nsdname", server.asText()));
          seedRecordSet(path + "/NS/@", zone + ".", ns);
        }
      }
      case "microsoft.network/privatednszones/a" -> {
        properties.put("fqdn", path.split("/")[8] + "." + path.split("/")[10] + ".");
        properties.put("isAutoRegistered", false);
      }
      case "microsoft.compute/virtualmachinescalesets" -> {
        var osProfile = properties.path("virtualMachineProfile").path("osProfile");
        if (osProfile.has("customData")) {
          customData.put(key(path), osProfile.get("customData").asText());
        }
        properties.put(
            "uniqueId",
            existing == null
                ? UUID.randomUUID().toString()
                : existing.path("properties").path("uniqueId").asText());
      }
      default -> {
        if (isRecordSet(type)) {
          var parts = path.split("/");
          var relative = parts[parts.length - 1];
          var zone = parts[parts.length - 3];
          properties.put("fqdn", (relative.equals("@") ? "" : relative + ".") + zone + ".");
          resource.put("etag", UUID.randomUUID().toString());
        }
      }
    }
  }

  private static void childIds(String path, ObjectNode properties, String field) {
    if (properties.path(field).isArray()) {
      for (var child : properties.get(field)) {
        var childId = path + "/" + field + "/" + child.path("name").asText();
        ((ObjectNode) child).put("id", childId);
        ((ObjectNode) child).withObjectProperty("properties").put("provisioningState", "Succeeded");
      }
    }
  }

  // ---- long-running operations

  private Operation newOperation(String kind, String resource, Failure failure) {
    var operation = new Operation(UUID.randomUUID().toString(), kind, resource, failure);
    operations.put(operation.id, operation);
    return operation;
  }

  private String operationUrl(ObjectNode resource, String kind, Operation operation) {
    var subscription = resource.get("id").asText().split("/")[2];
    var location = resource.path("location").asText("global");
    return base.get()
        + "/subscriptions/"
        + subscription
        + "/providers/"
        + namespace(resource)
        + "/locations/"
        + (location.isEmpty() ? "global" : location)
        + "/"
        + kind
        + "/"
        + operation.id
        + "?api-version=2024-07-01";
  }

  private Response accepted(Operation operation, String namespace) {
    var subscription = operation.resource.split("/")[2];
    return new Response(202, null)
        .header(
            "Location",
            base.get()
                + "/subscriptions/"
                + subscription
                + "/providers/"
                + namespace
                + "/locations/westus2/operationResults/"
                + operation.id
                + "?api-version=2024-07-01");
  }

  /** The Azure-AsyncOperation status: InProgress on the first poll, then Succeeded or Failed. */
  Response asyncOperation(String id) {
    var operation = operations.get(id);
    if (operation == null) {
      return Response.error(404, "OperationNotFound", "operation " + id + " not found");
    }
    var status = ArmFake.object().put("id", id).put("name", id);
    if (advance(operation)) {
      status.put("status", "InProgress");
      return new Response(200, status);
    }
    if (operation.failure != null) {
      status.put("status", "Failed");
      status
          .putObject("error")
          .put("code", operation.failure.code())
          .put("message", operation.failure.message());
    } else {
      status.put("status", "Succeeded");
    }
    return new Response(200, status);
  }

  /** The Location poll: 202 while the operation runs, then its result. */
  Response operationResult(String id) {
    var operation = operations.get(id);
    if (operation == null) {
      return Response.error(404, "OperationNotFound", "operation " + id + " not found");
    }
    if (advance(operation)) {
      return new Response(202, null)
          .header(
              "Location",
              base.get()
                  + "/subscriptions/"
                  + operation.resource.split("/")[2]
                  + "/providers/Microsoft.Resources/locations/westus2/operationResults/"
                  + id
                  + "?api-version=2024-07-01");
    }
    return operation.result == null ? new Response(204, null) : new Response(200, operation.result);
  }

  /** True while the operation still runs; completes it (once) on the poll after its first. */
  private boolean advance(Operation operation) {
    if (operation.pollsLeft > 0) {
      operation.pollsLeft--;
      return true;
    }
    if (!operation.done) {
      operation.done = true;
      complete(operation);
    }
    return false;
  }

  private void complete(Operation operation) {
    var resource = resources.get(operation.resource);
    switch (operation.kind) {
      case "put" -> {
        if (resource == null) {
          return;
        }
        resource
            .withObjectProperty("properties")
            .put("provisioningState", operation.failure == null ? "Succeeded" : "Failed");
        if (operation.failure == null
            && resource
                .get("type")
                .asText()
                .equalsIgnoreCase("Microsoft.Compute/virtualMachineScaleSets")) {
          FlexibleScaleSet.reconcile(this, resource);
        }
      }
      case "delete" -> removeWithChildren(operation.resource);
      case "delete-group" -> removeWithChildren(operation.resource);
      default -> {}
    }
  }

  private void removeWithChildren(String key) {
    var removed = resources.remove(key);
    resources.keySet().removeIf(k -> k.startsWith(key + "/"));
    customData.keySet().removeIf(k -> k.equals(key) || k.startsWith(key + "/"));
    if (removed != null
        && removed
            .get("type")
            .asText()
            .equalsIgnoreCase("Microsoft.Compute/virtualMachineScaleSets")) {
      FlexibleScaleSet.members(this, removed.get("id").asText()).forEach(this::removeVm);
    }
  }

  // ---- the tags of a resource (Microsoft.Resources/tags/default, an extension resource)

  Response tags(String method, String scope, String body) {
    var resource = resources.get(key(scope));
    if (resource == null) {
      return notFound(scope);
    }
    if (method.equals("PATCH") || method.equals("PUT")) {
      var request = parse(body);
      var tags = request.path("properties").path("tags");
      if (method.equals("PUT") || "Replace".equals(request.path("operation").asText())) {
        resource.putObject("tags");
      }
      tags.properties()
          .forEach(
              tag -> {
                if ("Delete".equals(request.path("operation").asText())) {
                  resource.withObjectProperty("tags").remove(tag.getKey());
                } else {
                  resource.withObjectProperty("tags").set(tag.getKey(), tag.getValue());
                }
              });
    } else if (!method.equals("GET")) {
      return Response.error(405, "MethodNotAllowed", method);
    }
    var answer =
        ArmFake.object()
            .put("id", scope + "/providers/Microsoft.Resources/tags/default")
            .put("name", "default")
            .put("type", "Microsoft.Resources/tags");
    answer.putObject("properties").set("tags", resource.path("tags").deepCopy());
    return new Response(200, answer);
  }

  // ---- run command

  Response runCommand(String vmPath, String body) {
    var vm = resources.get(key(vmPath));
    if (vm == null) {
      return notFound(vmPath);
    }
    var input = parse(body);
    var script = new ArrayList<String>();
    input.path("script").forEach(line -> script.add(line.asText()));
    var operation = newOperation("run", key(vmPath), null);
    var stdout = runCommand.apply(vm.get("name").asText(), script);
    var result = ArmFake.object();
    result
        .putArray("value")
        .addObject()
        .put("code", "ProvisioningState/succeeded")
        .put("level", "Info")
        .put("displayStatus", "Provisioning succeeded")
        .put("message", "Enable succeeded: \n[stdout]\n" + stdout + "\n[stderr]\n");
    operation.result = result;
    return accepted(operation, "Microsoft.Compute");
  }

  // ---- used by FlexibleScaleSet

  synchronized void store(ObjectNode resource) {
    resources.put(key(resource.get("id").asText()), resource);
  }

  ObjectNode get(String id) {
    return resources.get(key(id));
  }

  List<ObjectNode> resources() {
    return List.copyOf(resources.values());
  }

  void removeVm(ObjectNode vm) {
    var id = vm.get("id").asText();
    resources.remove(key(id));
    for (var nic : vm.path("properties").path("networkProfile").path("networkInterfaces")) {
      var nicResource = resources.remove(key(nic.get("id").asText()));
      if (nicResource != null) {
        for (var ip : nicResource.path("properties").path("ipConfigurations")) {
          var publicIp = ip.path("properties").path("publicIPAddress").path("id").asText(null);
          if (publicIp != null) {
            resources.remove(key(publicIp));
          }
        }
      }
    }
    var disk =
        vm.path("properties")
            .path("storageProfile")
            .path("osDisk")
            .path("managedDisk")
            .path("id")
            .asText(null);
    if (disk != null) {
      resources.remove(key(disk));
    }
  }

  String nextPrivateAddress(String subnetId) {
    var vnet =
        resources.get(
            key(subnetId.substring(0, subnetId.toLowerCase(Locale.ROOT).indexOf("/subnets/"))));
    var name = subnetId.substring(subnetId.lastIndexOf('/') + 1);
    String prefix = "10.0.0.0/24";
    if (vnet != null) {
      for (var subnet : vnet.path("properties").path("subnets")) {
        if (subnet.path("name").asText().equalsIgnoreCase(name)) {
          prefix = subnet.path("properties").path("addressPrefix").asText(prefix);
        }
      }
    }
    int n = addresses.merge(key(subnetId), 1, Integer::sum);
    var octets = prefix.substring(0, prefix.indexOf('/')).split("\\.");
    int value =
        (Integer.parseInt(octets[0]) << 24
                | Integer.parseInt(octets[1]) << 16
                | Integer.parseInt(octets[2]) << 8
                | Integer.parseInt(octets[3]))
            + 3
            + n;
    return (value >>> 24)
        + "."
        + (value >> 16 & 255)
        + "."
        + (value >> 8 & 255)
        + "."
        + (value & 255);
  }

  String nextPublicAddress() {
    return "203.0.113." + (10 + publicAddresses++);
  }

  // ---- helpers

  /**
   * Whether a type is a record set of a public DNS zone, e.g. {@code Microsoft.Network/dnszones/A}.
   */
  static boolean isRecordSet(String type) {
    var lower = type.toLowerCase(Locale.ROOT);
    return lower.startsWith("microsoft.network/dnszones/") && lower.indexOf('/', 27) < 0;
  }

  /** The record sets of a public zone, as {@code GET .../dnszones/<zone>/recordsets} lists them. */
  Optional<List<JsonNode>> recordSets(String zonePath) {
    var zone = key(zonePath);
    if (!resources.containsKey(zone)) {
      return Optional.empty();
    }
    return Optional.of(
        resources.entrySet().stream()
            .filter(e -> e.getKey().startsWith(zone + "/"))
            .filter(e -> isRecordSet(e.getValue().path("type").asText()))
            .map(e -> view(e.getValue()))
            .toList());
  }

  private boolean isRoleAssignment(String path) {
    return type(path).equalsIgnoreCase("Microsoft.Authorization/roleAssignments");
  }

  /**
   * Azure RBAC refuses a second assignment of the same role to the same principal at the same scope
   * under another name: 409 {@code RoleAssignmentExists}.
   */
  private Response duplicateAssignment(String key, ObjectNode body) {
    var scope = key.substring(0, key.lastIndexOf("/providers/microsoft.authorization/"));
    var principal = body.path("properties").path("principalId").asText();
    var role = body.path("properties").path("roleDefinitionId").asText();
    boolean exists =
        resources.entrySet().stream()
            .filter(e -> !e.getKey().equals(key))
            .filter(
                e ->
                    e.getKey()
                        .startsWith(scope + "/providers/microsoft.authorization/roleassignments/"))
            .map(e -> e.getValue().path("properties"))
            .anyMatch(
                p ->
                    p.path("principalId").asText().equals(principal)
                        && p.path("roleDefinitionId").asText().equalsIgnoreCase(role));
    return exists
        ? Response.error(409, "RoleAssignmentExists", "The role assignment already exists.")
        : null;
  }

  /** Azure DNS refuses a CNAME next to any other record set of the same name, and the reverse. */
  private Response cnameConflict(String path) {
    var parts = key(path).split("/");
    var relative = parts[parts.length - 1];
    var type = parts[parts.length - 2];
    var zone = String.join("/", java.util.Arrays.copyOf(parts, parts.length - 2));
    var clash =
        resources.keySet().stream()
            .filter(k -> k.startsWith(zone + "/") && k.endsWith("/" + relative))
            .map(k -> k.split("/"))
            .filter(k -> k.length == parts.length)
            .map(k -> k[k.length - 2])
            .filter(other -> !other.equals(type) && (other.equals("cname") || type.equals("cname")))
            .findFirst();
    return clash
        .map(
            other ->
                Response.error(
                    409,
                    "Conflict",
                    "The record set could not be created because a "
                        + (type.equals("cname") ? "record" : "CNAME record")
                        + " with the same name already exists in this zone."))
        .orElse(null);
  }

  private void seedRecordSet(String id, String fqdn, ObjectNode set) {
    var type = type(id);
    set.put("id", id).put("name", id.substring(id.lastIndexOf('/') + 1)).put("type", type);
    set.put("etag", UUID.randomUUID().toString());
    set.withObjectProperty("properties").put("fqdn", fqdn).put("provisioningState", "Succeeded");
    resources.put(key(id), set);
  }

  /** A resource as a GET returns it: custom data is never returned. */
  static JsonNode view(ObjectNode resource) {
    var copy = resource.deepCopy();
    var osProfile = copy.path("properties").path("virtualMachineProfile").path("osProfile");
    if (osProfile instanceof ObjectNode profile) {
      profile.remove("customData");
    }
    return copy;
  }

  private static Response notFound(String path) {
    var parts = path.split("/");
    var group = parts.length > 4 ? parts[4] : "";
    return Response.error(
        404,
        "ResourceNotFound",
        "The Resource '"
            + type(path)
            + "/"
            + path.substring(path.indexOf("/providers/") + 11).split("/", 3)[2]
            + "' under resource group '"
            + group
            + "' was not found. For more details please go to"
            + " https://aka.ms/ARMResourceNotFoundFix");
  }

  /**
   * The type of a resource id: namespace and type names, e.g. {@code
   * Microsoft.Network/privateDnsZones/A}.
   */
  static String type(String path) {
    var afterProviders =
        path.substring(path.lastIndexOf("/providers/") + "/providers/".length()).split("/");
    var type = new StringBuilder(afterProviders[0]);
    for (int i = 1; i < afterProviders.length; i += 2) {
      type.append('/').append(afterProviders[i]);
    }
    return type.toString();
  }

  private static String parentOf(String path) {
    var afterProviders =
        path.substring(path.lastIndexOf("/providers/") + "/providers/".length()).split("/");
    if (afterProviders.length <= 3) {
      return null;
    }
    return path.substring(0, path.lastIndexOf('/', path.lastIndexOf('/') - 1));
  }

  static String namespace(ObjectNode resource) {
    var type = resource.path("type").asText("Microsoft.Resources/x");
    return type.substring(0, type.indexOf('/'));
  }

  static String groupOf(String key) {
    var parts = key.split("/");
    return "/" + parts[1] + "/" + parts[2] + "/" + parts[3] + "/" + parts[4];
  }

  static String key(String id) {
    var lower = id.toLowerCase(Locale.ROOT);
    return lower.endsWith("/") ? lower.substring(0, lower.length() - 1) : lower;
  }

  static ObjectNode parse(String body) {
    try {
      return body == null || body.isBlank()
          ? ArmFake.object()
          : (ObjectNode) ArmFake.JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + body, e);
    }
  }
}
