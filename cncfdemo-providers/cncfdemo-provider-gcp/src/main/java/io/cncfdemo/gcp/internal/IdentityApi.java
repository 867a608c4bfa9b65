package io.cncfdemo.gcp.internal;

import com.google.api.client.http.GenericUrl;
import com.google.api.client.http.HttpRequestFactory;
import com.google.api.client.http.HttpResponseException;
import com.google.api.client.http.json.JsonHttpContent;
import com.google.api.client.json.GenericJson;
import com.google.api.client.json.JsonObjectParser;
import com.google.api.client.json.gson.GsonFactory;
import io.cncfdemo.exception.CncfDemoException;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * The few calls of the IAM v1 API (service accounts) and the Resource Manager v1 API (a project's
 * IAM policy) that the nodes' identity needs, as their REST references publish them, over the
 * Google HTTP client with the provider's credentials. No generated client of either API resolves
 * from the project's registry, so these are written out here.
 */
final class IdentityApi {
  static final String IAM_ROOT = "https://iam.googleapis.com/";
  static final String RESOURCE_MANAGER_ROOT = "https://cloudresourcemanager.googleapis.com/";

  /**
   * HTTP 409 on setIamPolicy: the policy changed since it was read (its etag no longer matches).
   */
  static final int CONFLICT = 409;

  private static final int NOT_FOUND = 404;
  private static final int BAD_REQUEST = 400;

  /** What IAM says of a member it does not know (yet): a service account made moments ago. */
  private static final String UNKNOWN = "does not exist";

  /**
   * A policy write naming a service account IAM does not know yet: new accounts take a while to be
   * visible to setIamPolicy.
   */
  static final class UnknownMemberException extends CncfDemoException {
    private static final long serialVersionUID = 1L;

    UnknownMemberException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private final HttpRequestFactory requests;
  private final String iamRoot;
  private final String resourceManagerRoot;

  IdentityApi(HttpRequestFactory requests, String iamRoot, String resourceManagerRoot) {
    this.requests = requests;
    this.iamRoot = iamRoot;
    this.resourceManagerRoot = resourceManagerRoot;
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
   * included); throws the 409 of a concurrent change for the caller to read again.
   */
  void setPolicy(String project, GenericJson policy) throws HttpResponseException {
    try {
      call(
          "POST",
          url(resourceManagerRoot, "v1/projects/" + project + ":setIamPolicy"),
          Map.of("policy", policy),
          "write the IAM policy");
    } catch (HttpResponseException e) {
      if (e.getStatusCode() == CONFLICT) {
        throw e;
      }
      var refused = refused("write the IAM policy of project " + project, e);
      if (e.getStatusCode() == BAD_REQUEST && String.valueOf(e.getContent()).contains(UNKNOWN)) {
        throw new UnknownMemberException(refused.getMessage(), e);
      }
      throw refused;
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

  /** One call; a JSON body when {@code body} is not null; 4xx and 5xx as the exception. */
  private GenericJson call(String method, GenericUrl url, Object body, String what)
      throws HttpResponseException {
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
      throw e;
    } catch (IOException e) {
      throw new CncfDemoException("could not " + what + ": " + e.getMessage(), e);
    }
  }

  private static CncfDemoException refused(String what, HttpResponseException e) {
    var content = String.valueOf(e.getContent()).replaceAll("\\s+", " ");
    var first = content.length() > 200 ? content.substring(0, 200) + "..." : content;
    return new CncfDemoException(
        "Google Cloud refused to " + what + " (" + e.getStatusCode() + ": " + first + ")", e);
  }
}
