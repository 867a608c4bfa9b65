package io.cncfdemo.cli.kubectl;

import io.cncfdemo.exception.CncfDemoException;
import tools.jackson.databind.JsonNode;

/**
 * The API server refused a request: printed as kubectl does, {@code Error from server (NotFound):
 * ...}; exit 1.
 */
public final class KubectlServerError extends CncfDemoException {
  private static final long serialVersionUID = 1L;

  public KubectlServerError(String message) {
    super(message);
  }

  static KubectlServerError of(JsonNode status, int code) {
    var reason = status.path("reason").asString("");
    var message = status.path("message").asString("HTTP " + code);
    return new KubectlServerError(
        "Error from server" + (reason.isEmpty() ? "" : " (" + reason + ")") + ": " + message);
  }

  static KubectlServerError notFound(ApiResource resource, String name) {
    return new KubectlServerError(
        "Error from server (NotFound): "
            + resource.qualifiedPlural()
            + " \""
            + name
            + "\" not found");
  }
}
