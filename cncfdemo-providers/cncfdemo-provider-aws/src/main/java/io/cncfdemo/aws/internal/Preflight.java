package io.cncfdemo.aws.internal;

import io.cncfdemo.cluster.AwsTarget;
import io.cncfdemo.exception.CncfDemoException;
import io.cncfdemo.exception.InvalidInputException;
import java.util.List;
import java.util.TreeSet;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * The checks made before anything is created: the region is one AWS has, the API access range is
 * given, and the SDK's credential chain finds credentials that STS accepts. Messages name the field
 * or the places looked at, never a key.
 */
public final class Preflight {
  /**
   * Where the SDK's default credential chain looks, in its order; the message of a
   * missing-credentials error.
   */
  static final String DEFAULT_CHAIN =
      "the Java system properties aws.accessKeyId and aws.secretAccessKey; the environment"
          + " variables AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (with AWS_SESSION_TOKEN); a web"
          + " identity token (AWS_WEB_IDENTITY_TOKEN_FILE with AWS_ROLE_ARN); the profile of"
          + " AWS_PROFILE (or \"default\") in ~/.aws/credentials and ~/.aws/config, SSO and process"
          + " credentials included; the container credentials endpoint (ECS, EKS Pod Identity); the"
          + " EC2 instance metadata service";

  static final String API_ACCESS_CIDR_RULE =
      "given: call aws().apiAccessCidr(\"203.0.113.7/32\") with the only IPv4"
          + " range allowed to reach the API server (your own address as a /32)";

  private Preflight() {}

  /** The region codes the SDK knows, sorted, without the global pseudo-regions. */
  public static List<String> knownRegions() {
    var ids = new TreeSet<String>();
    Region.regions().stream()
        .map(Region::id)
        .filter(id -> !id.contains("global"))
        .forEach(ids::add);
    return List.copyOf(ids);
  }

  /** The target's region as an SDK {@link Region}, when it is one the SDK knows. */
  public static Region region(AwsTarget target) {
    var id = target.region();
    if (!knownRegions().contains(id)) {
      throw new InvalidInputException(
          "region", id, "one of the AWS regions: " + String.join(", ", knownRegions()));
    }
    return Region.of(id);
  }

  /** The range allowed to reach the API server; required to create a cluster. */
  public static String apiAccessCidr(AwsTarget target) {
    return target
        .apiAccessCidr()
        .orElseThrow(() -> new InvalidInputException("apiAccessCidr", null, API_ACCESS_CIDR_RULE));
  }

  /**
   * Resolves the credentials and asks STS whose they are; returns the account id. Fails with the
   * places the chain looked at when there are none, and with STS's error code when they are
   * refused.
   */
  public static String account(AwsCredentialsProvider credentials, StsClient sts) {
    try {
      credentials.resolveCredentials();
    } catch (SdkClientException e) {
      throw new CncfDemoException(
          "no AWS credentials found. The AWS SDK's default credential chain looked at: "
              + DEFAULT_CHAIN
              + ". Configure one of them, e.g. with `aws configure` or `aws sso login`, then try"
              + " again; nothing was created",
          e);
    }
    try {
      return sts.getCallerIdentity().account();
    } catch (StsException e) {
      throw new CncfDemoException(
          "AWS refused the credentials found by "
              + credentials.getClass().getSimpleName()
              + " ("
              + e.awsErrorDetails().errorCode()
              + "); nothing was created",
          e);
    } catch (SdkClientException e) {
      throw new CncfDemoException(
          "could not reach AWS STS to check the credentials: "
              + e.getMessage()
              + "; nothing was created",
          e);
    }
  }
}
