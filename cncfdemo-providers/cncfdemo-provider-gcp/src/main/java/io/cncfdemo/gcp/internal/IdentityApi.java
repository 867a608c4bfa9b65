package io.cncfdemo.gcp.internal;

import com.google.api.client.http.GenericUrl;
import com.google.api.client.http.HttpRequestFactory;
import com.google.api.client.http.HttpResponseException;
import com.google.api.client.http.json.JsonHttpContent;
import com.google.api.client.json.GenericJson;
import com.google.api.client.json.JsonObjectParser;
import com.google.api.client.json.gson.GsonFactory;
import io.cncfdemo.exception.CncfDemoException;
import io.cncfdemo.support.Backoff;
import io.cncfdemo.support.Retry;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * The few calls of the IAM v1 API (service accounts) and the Resource Manager v1 API (a project's
 * IAM policy) that the nodes' identity needs, as their REST references publish them, over the
 * Google HTTP client with the provider's credentials. No generated client of either API resolves
 * from the project's registry, so these are written out here.
 *
 * <p>Each call is the one retry layer of its request: while Google throttles it (429
 * RESOURCE_EXHAUSTED, 503 UNAVAILABLE), and for a policy write while IAM does not know a service
 * account made moments ago, it is sent again after a {@link #RETRIED} pause; then it fails naming
 * the request and Google's last answer.
 */
final class IdentityApi {
  static final String IAM_ROOT = "https://iam.googleapis.com/";
  static final String RESOURCE_MANAGER_ROOT = "https://cloudresourcemanager.googleapis.com/";

  /**
   * HTTP 409 on setIamPolicy: the policy changed since it was read (its etag no longer matches).
   */
  static final int CONFLICT = 409;

  /**
   * Google's truncated exponential backoff with jitter: pauses of 1 s doubling up to 32 s, each
   * shortened by up to half at random, at most 8 attempts within 2 minutes (which also covers the
   * minute or so a new service account takes to be known to setIamPolicy).
   */
  static final Backoff RETRIED =
      Backoff.exponential(Duration.ofSeconds(1), Duration.ofSeconds(32))
          .jitter(0.5)
          .attempts(8)
          .deadline(Duration.ofMinutes(2));

  private static final int NOT_FOUND = 404;
  private static final int BAD_REQUEST = 400;
  private static final int TOO_MANY_REQUESTS = 429;
  private static final int UNAVAILABLE = 503;

  /** What IAM says of a member it does not know (yet): a service account made moments ago. */
  private static final String UNKNOWN = "does not exist";

  private final HttpRequestFactory requests;
  private final String iamRoot;
  private final String resourceManagerRoot;
  private final Backoff retried;

  IdentityApi(
      HttpRequestFactory requests, String iamRoot, String resourceManagerRoot, Backoff retried) {
    this.requests = requests;
    this.iamRoot = iamRoot;
    this.resourceManagerRoot = resourceManagerRoot;
    this.retried = retried;
  }

  /** {@code GET v1/projects/P/serviceAccounts/EMAIL}; empty on 404. */
  Optional<GenericJson> serviceAccount(String project, String email) {
    try {
      return Optional.of(call("GET", url(iamRoot, account(project, email)), null, "read " + email));
    } catch (HttpResponseException e) {
      if (e.getStatusCode() == NOT_FOUND) {
        return Optional.empty();
      }
      throw refused("read service account " + email, e);
    }
  }

  /** {@code POST v1/projects/P/serviceAccounts}; 409 (it exists) counts as done. */
  void createServiceAccount(String project, String accountId, String displayName) {
    var body = Map.of("accountId", accountId, "serviceAccount", Map.of("displayName", displayName));
    try {
      call(
          "POST",
          url(iamRoot, "v1/projects/" + project + "/serviceAccounts"),
          body,
          "create " + accountId);
    } catch (HttpResponseException e) {
      if (e.getStatusCode() != CONFLICT) {
        throw refused("create service account " + accountId, e);
      }
    }
  }

  /** {@code DELETE v1/projects/P/serviceAccounts/EMAIL}; false on 404 (gone already). */
  boolean deleteServiceAccount(String project, String email) {
    try {
      call("DELETE", url(iamRoot, account(project, email)), null, "delete " + email);
      return true;
    } catch (HttpResponseException e) {
      if (e.getStatusCode() == NOT_FOUND) {
        return false;
      }
      throw refused("delete service account " + email, e);
    }
  }

  /** {@code POST v1/projects/P:getIamPolicy} (policy version 3): bindings and etag. */
  GenericJson policy(String project) {
    var body = Map.of("options", Map.of("requestedPolicyVersion", 3));
    try {
      return call(
          "POST",
          url(resourceManagerRoot, "v1/projects/" + project + ":getIamPolicy"),
          body,
          "read the IAM policy");
    } catch (HttpResponseException e) {
      throw refused("read the IAM policy of project " + project, e);
    }
  }

  /**
   * {@code POST v1/projects/P:setIamPolicy} with the policy as read and changed (its etag
   * included), sent again while IAM does not know a member yet; throws the 409 of a concurrent
   * change for the caller to read again.
   */
  void setPolicy(String project, GenericJson policy) throws HttpResponseException {
    try {
      call(
          "POST",
          url(resourceManagerRoot, "v1/projects/" + project + ":setIamPolicy"),
          Map.of("policy", policy),
          "write the IAM policy",
          e ->
              e.getStatusCode() == BAD_REQUEST && String.valueOf(e.getContent()).contains(UNKNOWN));
    } catch (HttpResponseException e) {
      if (e.getStatusCode() == CONFLICT) {
        throw e;
      }
      throw refused("write the IAM policy of project " + project, e);
    }
  }

  private static String account(String project, String email) {
    return "v1/projects/" + project + "/serviceAccounts/" + email;
  }

  private static GenericUrl url(String root, String path) {
    return new GenericUrl(root + path);
  }

  private static JsonHttpContent json(Object body) {
    return new JsonHttpContent(GsonFactory.getDefaultInstance(), body);
  }

  /** {@link #call(String, GenericUrl, Object, String, Predicate)} retrying throttling only. */
  private GenericJson call(String method, GenericUrl url, Object body, String what)
      throws HttpResponseException {
    return call(method, url, body, what, e -> false);
  }

  /**
   * One call, sent again while throttled or while {@code alsoRetried} accepts the answer; a JSON
   * body when {@code body} is not null; any other 4xx and 5xx as the exception.
   */
  private GenericJson call(
      String method,
      GenericUrl url,
      Object body,
      String what,
      Predicate<HttpResponseException> alsoRetried)
      throws HttpResponseException {
    var request = method + " " + url.getRawPath();
    var attempts = new AtomicInteger();
    try {
      return Retry.on(
              e ->
                  e instanceof Answered answered
                      && (answered.throttled() || alsoRetried.test(answered.response())),
              retried)
          .call(
              request,
              () -> {
                attempts.incrementAndGet();
                return once(method, url, body, what);
              });
    } catch (Answered e) {
      if (e.throttled()) {
        throw new CncfDemoException(
            "Google Cloud kept answering "
                + request
                + " with "
                + e.getMessage()
                + ": gave up after "
                + attempts.get()
                + (attempts.get() == 1 ? " attempt" : " attempts")
                + "; try again in a few minutes",
            e);
      }
      for (var suppressed : e.getSuppressed()) {
        e.response().addSuppressed(suppressed);
      }
      throw e.response();
    }
  }

  private GenericJson once(String method, GenericUrl url, Object body, String what) {
    try {
      var request = requests.buildRequest(method, url, body == null ? null : json(body));
      request.setParser(new JsonObjectParser(GsonFactory.getDefaultInstance()));
      var response = request.execute();
      try {
        var text = response.parseAsString();
        return text.isBlank()
            ? new GenericJson()
            : GsonFactory.getDefaultInstance().fromString(text, GenericJson.class);
      } finally {
        response.disconnect();
      }
    } catch (HttpResponseException e) {
      throw new Answered(e);
    } catch (IOException e) {
      throw new CncfDemoException("could not " + what + ": " + e.getMessage(), e);
    }
  }

  /**
   * A 4xx or 5xx answer, unchecked for {@link Retry}; its message is the HTTP status and Google's
   * own, e.g. {@code 429 RESOURCE_EXHAUSTED (Quota exceeded ...)}.
   */
  private static final class Answered extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Answered(HttpResponseException response) {
      super(describe(response), response);
    }

    HttpResponseException response() {
      return (HttpResponseException) getCause();
    }

    boolean throttled() {
      var code = response().getStatusCode();
      return code == TOO_MANY_REQUESTS || code == UNAVAILABLE;
    }

    /** The code, and the status and message of Google's error body when it has one. */
    private static String describe(HttpResponseException e) {
      var out = new StringBuilder().append(e.getStatusCode());
      var content = e.getContent();
      try {
        var body =
            content == null
                ? new GenericJson()
                : GsonFactory.getDefaultInstance().fromString(content, GenericJson.class);
        if (body.get("error") instanceof Map<?, ?> error) {
          if (error.get("status") != null) {
            out.append(' ').append(error.get("status"));
          }
          if (error.get("message") != null) {
            out.append(" (").append(shortened(String.valueOf(error.get("message")))).append(')');
          }
          return out.toString();
        }
      } catch (IOException | IllegalArgumentException notJson) {
        // not Google's error body: the HTTP status line says what there is
      }
      return out.append(' ').append(e.getStatusMessage()).toString();
    }
  }

  private static String shortened(String text) {
    var oneLine = text.replaceAll("\\s+", " ");
    return oneLine.length() > 200 ? oneLine.substring(0, 200) + "..." : oneLine;
  }

  private static CncfDemoException refused(String what, HttpResponseException e) {
    return new CncfDemoException(
        "Google Cloud refused to "
            + what
            + " ("
            + e.getStatusCode()
            + ": "
            + shortened(String.valueOf(e.getContent()))
            + ")",
        e);
  }
}
