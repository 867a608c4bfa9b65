package io.cncfdemo.azure.internal;

import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.core.exception.ClientAuthenticationException;
import com.azure.core.management.AzureEnvironment;
import io.cncfdemo.cluster.AzureTarget;
import io.cncfdemo.exception.CncfDemoException;
import io.cncfdemo.exception.InvalidInputException;
import java.util.Optional;

/**
 * The checks made before anything is created that need no Azure call: the subscription and the API
 * access range are given, and the credential gives a token. {@link Capacity} makes the checks that
 * ask Azure. Messages name the field or the places looked at, never a secret.
 */
public final class Preflight {
  /**
   * The environment variable the subscription is read from when the target names none; the Azure
   * SDK's own name.
   */
  public static final String SUBSCRIPTION_VARIABLE = "AZURE_SUBSCRIPTION_ID";

  /** Where DefaultAzureCredential looks, in its order. */
  static final String DEFAULT_CHAIN =
      "the environment (AZURE_CLIENT_ID with AZURE_TENANT_ID and AZURE_CLIENT_SECRET or"
          + " AZURE_CLIENT_CERTIFICATE_PATH); workload identity (AZURE_FEDERATED_TOKEN_FILE); a"
          + " managed identity; IntelliJ; Visual Studio Code; the Azure CLI (az login); Azure"
          + " PowerShell (Connect-AzAccount); the Azure Developer CLI (azd auth login)";

  static final String API_ACCESS_CIDR_RULE =
      "given: call azure().apiAccessCidr(\"203.0.113.7/32\") with the only IPv4"
          + " range allowed to reach the API server and SSH (your own address as a /32)";

  static final String SUBSCRIPTION_RULE =
      "given: call azure().subscription(\"<subscription id>\") or set "
          + SUBSCRIPTION_VARIABLE
          + " (az account show --query id -o tsv prints yours)";

  private Preflight() {}

  /** The subscription: the target's, else the builder's, else {@value #SUBSCRIPTION_VARIABLE}. */
  public static String subscription(
      AzureTarget target, Optional<String> configured, Optional<String> environment) {
    return target
        .subscription()
        .or(() -> configured)
        .or(() -> environment.filter(value -> !value.isBlank()))
        .orElseThrow(() -> new InvalidInputException("subscription", null, SUBSCRIPTION_RULE));
  }

  /** The range allowed to reach the API server and SSH; required to create a cluster. */
  public static String apiAccessCidr(AzureTarget target) {
    return target
        .apiAccessCidr()
        .orElseThrow(() -> new InvalidInputException("apiAccessCidr", null, API_ACCESS_CIDR_RULE));
  }

  /**
   * Asks the credential for a token of Azure Resource Manager. When the default chain gives none
   * (nothing configured, or what is configured is refused or expired), the message names the places
   * DefaultAzureCredential looked at and what it said; when a credential given on the builder is
   * refused, Azure's reason.
   */
  public static void credential(TokenCredential credential, boolean defaultChain) {
    var context =
        new TokenRequestContext()
            .addScopes(AzureEnvironment.AZURE.getManagementEndpoint() + "/.default");
    try {
      var token = credential.getTokenSync(context);
      if (token == null || token.isExpired()) {
        throw new CncfDemoException(
            "the Azure credential "
                + credential.getClass().getSimpleName()
                + " gave an expired token; sign in again (az login), then try again; nothing was"
                + " created");
      }
    } catch (ClientAuthenticationException e) { // CredentialUnavailableException included
      if (defaultChain) {
        throw new CncfDemoException(
            "no usable Azure credential found. DefaultAzureCredential looked at: "
                + DEFAULT_CHAIN
                + "; it said: "
                + firstLine(e.getMessage())
                + ". Sign in with one of them, e.g."
                + " `az login`, then try again; nothing was created",
            e);
      }
      throw new CncfDemoException(
          "Azure refused the credential "
              + credential.getClass().getSimpleName()
              + ": "
              + firstLine(e.getMessage())
              + "; sign in again (az login) or renew the secret, then try again;"
              + " nothing was created",
          e);
    }
  }

  static String firstLine(String message) {
    if (message == null) {
      return "(no message)";
    }
    var line = message.strip().lines().findFirst().orElse("");
    return line.length() > 300 ? line.substring(0, 300) + "…" : line;
  }
}
