package io.cncfdemo.gcp.fake;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.cncfdemo.gcp.fake.GcpFake.Response;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * The IAM v1 service accounts and the Resource Manager v1 project IAM policy of {@link GcpFake},
 * after their REST references: {@code projects.serviceAccounts} create (400 INVALID_ARGUMENT for a
 * bad account id, 409 ALREADY_EXISTS), get and delete (404 NOT_FOUND), list in pages; {@code
 * projects.getIamPolicy} and {@code setIamPolicy}, which refuses a policy whose etag is not the
 * current one (409 ABORTED) and one naming a service account of the project that does not exist
 * (400 INVALID_ARGUMENT; also, when a test asks, one that exists but is not visible yet). The
 * policy starts with an owner who is not the library's; a test can make another writer change the
 * policy right before the next writes, and throttle the next requests as both APIs do, with a
 * {@code google.rpc.Status} error body: {@code 429 RESOURCE_EXHAUSTED} (a quota) or {@code 503
 * UNAVAILABLE}.
 */
public final class IamState {
  static final String ROOT = "/v1/projects/";
  private static final int TOO_MANY_REQUESTS = 429;
  private static final int UNAVAILABLE = 503;
  private static final Pattern ACCOUNT_ID = Pattern.compile("[a-z][-a-z0-9]{4,28}[a-z0-9]");

  /** The member the policy starts with, which no write of the library may drop. */
  public static final String OWNER = "user:owner@example.org";

  private final String project;
  private final Map<String, JsonObject> accounts = new LinkedHashMap<>();
  private JsonArray bindings = new JsonArray();
  private int etag = 1;
  private final AtomicInteger interlopers = new AtomicInteger();
  private final AtomicInteger unseen = new AtomicInteger();
  private final AtomicInteger ids = new AtomicInteger(100_000);
  private final Deque<Integer> refusals = new ArrayDeque<>();

  IamState(String project) {
    this.project = project;
    bindings.add(binding("roles/owner", OWNER));
  }

  /** The emails of the project's service accounts. */
  public synchronized List<String> accounts() {
    return List.copyOf(accounts.keySet());
  }

  /** The members of each role of the project's policy. */
  public synchronized Map<String, List<String>> members() {
    var out = new LinkedHashMap<String, List<String>>();
    for (var element : bindings) {
      var binding = element.getAsJsonObject();
      var members = new ArrayList<String>();
      binding.getAsJsonArray("members").forEach(m -> members.add(m.getAsString()));
      // bindings of one role (with different conditions) count together
      out.computeIfAbsent(binding.get("role").getAsString(), role -> new ArrayList<>())
          .addAll(members);
    }
    return out;
  }

  /**
   * The next {@code count} policy writes each find that another writer changed the policy after it
   * was read (it adds a viewer).
   */
  public void interleaveWriters(int count) {
    interlopers.set(count);
  }

  /**
   * The next {@code count} policy writes do not know the project's service accounts yet (as IAM,
   * for a while after an account is made).
   */
  public void delayVisibility(int count) {
    unseen.set(count);
  }

  /**
   * The next {@code count} requests (after those already refused) get {@code 429
   * RESOURCE_EXHAUSTED}, the quota error of IAM and Resource Manager.
   */
  public synchronized void throttle(int count) {
    for (int i = 0; i < count; i++) {
      refusals.add(TOO_MANY_REQUESTS);
    }
  }

  /** The next {@code count} requests (after those already refused) get {@code 503 UNAVAILABLE}. */
  public synchronized void unavailable(int count) {
    for (int i = 0; i < count; i++) {
      refusals.add(UNAVAILABLE);
    }
  }

  synchronized Response handle(
      String method, String rest, Map<String, String> query, JsonObject body) {
    var refused = refusals.poll();
    if (refused != null) {
      return refused == TOO_MANY_REQUESTS
          ? quota(rest)
          : status(UNAVAILABLE, "UNAVAILABLE", "The service is currently unavailable.");
    }
    if (rest.equals(project + ":getIamPolicy") && method.equals("POST")) {
      return Response.ok(policy());
    }
    if (rest.equals(project + ":setIamPolicy") && method.equals("POST")) {
      return setPolicy(body.getAsJsonObject("policy"));
    }
    var prefix = project + "/serviceAccounts";
    if (rest.equals(prefix)) {
      return switch (method) {
        case "GET" ->
            DnsState.page(
                accounts.values().stream().map(a -> (JsonElement) a).toList(), query, "accounts");
        case "POST" -> create(body);
        default -> error(405, "INVALID_ARGUMENT", method);
      };
    }
    if (rest.startsWith(prefix + "/")) {
      var email = rest.substring(prefix.length() + 1);
      var account = accounts.get(email);
      if (account == null) {
        return error(404, "NOT_FOUND", "Unknown service account");
      }
      return switch (method) {
        case "GET" -> Response.ok(account.deepCopy());
        case "DELETE" -> {
          accounts.remove(email);
          yield Response.ok(new JsonObject());
        }
        default -> error(405, "INVALID_ARGUMENT", method);
      };
    }
    return error(404, "NOT_FOUND", "no such path: " + rest);
  }

  private Response create(JsonObject body) {
    var id = body.has("accountId") ? body.get("accountId").getAsString() : "";
    if (!ACCOUNT_ID.matcher(id).matches()) {
      return error(400, "INVALID_ARGUMENT", "accountId must match " + ACCOUNT_ID + ", was " + id);
    }
    var email = id + "@" + project + ".iam.gserviceaccount.com";
    if (accounts.containsKey(email)) {
      return error(
          409, "ALREADY_EXISTS", "Service account " + id + " already exists within project");
    }
    var account = new JsonObject();
    account.addProperty("name", "projects/" + project + "/serviceAccounts/" + email);
    account.addProperty("projectId", project);
    account.addProperty("uniqueId", String.valueOf(ids.incrementAndGet()));
    account.addProperty("email", email);
    var given = body.getAsJsonObject("serviceAccount");
    if (given != null && given.has("displayName")) {
      account.add("displayName", given.get("displayName"));
    }
    accounts.put(email, account);
    return Response.ok(account.deepCopy());
  }

  private Response setPolicy(JsonObject policy) {
    if (interlopers.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      bindings.add(binding("roles/viewer", "user:someone-else-" + etag + "@example.org"));
      etag++;
    }
    if (policy == null || !policy.has("etag") || !policy.get("etag").getAsString().equals(tag())) {
      return error(
          409,
          "ABORTED",
          "There were concurrent policy changes. Please retry the whole read-modify-write");
    }
    var given = policy.has("bindings") ? policy.getAsJsonArray("bindings") : new JsonArray();
    for (var element : given) {
      for (var member : element.getAsJsonObject().getAsJsonArray("members")) {
        var name = member.getAsString();
        var suffix = "@" + project + ".iam.gserviceaccount.com";
        if (name.startsWith("serviceAccount:")
            && name.endsWith(suffix)
            && (!accounts.containsKey(name.substring("serviceAccount:".length()))
                || unseen.getAndUpdate(n -> Math.max(0, n - 1)) > 0)) {
          return error(400, "INVALID_ARGUMENT", "Service account " + name + " does not exist.");
        }
      }
    }
    bindings = given.deepCopy();
    etag++;
    return Response.ok(policy());
  }

  private JsonObject policy() {
    var out = new JsonObject();
    out.addProperty("version", 1);
    out.addProperty("etag", tag());
    out.add("bindings", bindings.deepCopy());
    return out;
  }

  private String tag() {
    return java.util.Base64.getEncoder().encodeToString(("etag-" + etag).getBytes());
  }

  private static JsonObject binding(String role, String member) {
    var members = new JsonArray();
    members.add(member);
    var binding = new JsonObject();
    binding.addProperty("role", role);
    binding.add("members", members);
    return binding;
  }

  /** The quota error of the API that serves {@code rest}, as Google words it. */
  private static Response quota(String rest) {
    var service =
        rest.endsWith("IamPolicy") ? "cloudresourcemanager.googleapis.com" : "iam.googleapis.com";
    return status(
        TOO_MANY_REQUESTS,
        "RESOURCE_EXHAUSTED",
        "Quota exceeded for quota metric 'Requests' and limit 'Requests per minute' of service '"
            + service
            + "'.");
  }

  /**
   * A {@code google.rpc.Status} error body, exactly: {@code
   * {"error":{"code":429,"message":"...","status":"RESOURCE_EXHAUSTED"}}}.
   */
  private static Response status(int code, String status, String message) {
    var error = new JsonObject();
    error.addProperty("code", code);
    error.addProperty("message", message);
    error.addProperty("status", status);
    var out = new JsonObject();
    out.add("error", error);
    return new Response(code, out);
  }

  /** Google's error body of these APIs: {@code {"error":{"code","message","status"}}}. */
  private static Response error(int status, String code, String message) {
    var response = Response.error(status, code, message);
    response.body().getAsJsonObject().getAsJsonObject("error").addProperty("status", code);
    return response;
  }
}
