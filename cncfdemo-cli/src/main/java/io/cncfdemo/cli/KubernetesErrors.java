package io.cncfdemo.cli;

import io.fabric8.kubernetes.client.KubernetesClientException;

/**
 * Describes an error of the API server in kubectl's words: {@code Error from server (NotFound):
 * ...}.
 */
public final class KubernetesErrors {
  private KubernetesErrors() {}

  /**
   * {@code Error from server (Reason): message} when the server answered, else the client's
   * message.
   */
  public static String describe(KubernetesClientException exception) {
    var status = exception.getStatus();
    if (status != null && status.getReason() != null && status.getMessage() != null) {
      return "Error from server (" + status.getReason() + "): " + status.getMessage();
    }
    return "error: " + exception.getMessage();
  }
}
