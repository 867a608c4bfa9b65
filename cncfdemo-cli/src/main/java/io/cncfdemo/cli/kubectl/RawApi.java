package io.cncfdemo.cli.kubectl;

import io.cncfdemo.cli.common.Json;
import io.cncfdemo.exception.CncfDemoException;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.concurrent.ExecutionException;
import tools.jackson.databind.JsonNode;

/**
 * GET requests to the API server with the client's credentials, for JSON as the server sends it and
 * for Tables.
 */
final class RawApi {
  static final String TABLE =
      "application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json";
  static final String JSON = "application/json";

  private RawApi() {}

  /**
   * The answer of the server: the JSON body when it is 2xx; otherwise a {@link KubectlServerError}
   * in kubectl's words.
   */
  static JsonNode get(KubernetesClient client, String path, String accept) {
    var http = client.getHttpClient();
    var base = client.getMasterUrl().toString().replaceAll("/$", "");
    var request = http.newHttpRequestBuilder().uri(base + path).header("Accept", accept).build();
    try {
      var response = http.sendAsync(request, String.class).get();
      var body = Json.read(response.body());
      if (response.code() / 100 != 2) {
        throw KubectlServerError.of(body, response.code());
      }
      return body;
    } catch (ExecutionException e) {
      throw new CncfDemoException(
          "the API server did not answer GET " + path + ": " + e.getCause().getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CncfDemoException("interrupted", e);
    }
  }
}
