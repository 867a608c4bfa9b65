package io.cncfdemo.aws.dns;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.route53.Route53Client;

/**
 * The AWS Lambda entry point of the DNS updater ({@code java21} runtime, handler {@code
 * io.cncfdemo.aws.dns.DnsUpdaterHandler::handleRequest}), invoked by an EventBridge rule on the
 * Auto Scaling events of the cluster's groups. It reads its settings from the function's
 * environment: {@value #CLUSTER}, {@value #ZONE_ID}, {@value #ZONE_NAME}, and the region Lambda
 * sets in {@code AWS_REGION}.
 */
public final class DnsUpdaterHandler {
  /** Environment variable: the cluster name. */
  public static final String CLUSTER = "CNCFDEMO_CLUSTER";

  /** Environment variable: the id of the private hosted zone, e.g. {@code Z0123456789}. */
  public static final String ZONE_ID = "CNCFDEMO_ZONE_ID";

  /** Environment variable: the zone's name, e.g. {@code demo.k8s}. */
  public static final String ZONE_NAME = "CNCFDEMO_ZONE_NAME";

  private final DnsUpdater updater;

  /**
   * Called by the Lambda runtime once per execution environment: the clients are reused across
   * invocations.
   */
  public DnsUpdaterHandler() {
    this(System.getenv());
  }

  DnsUpdaterHandler(Map<String, String> env) {
    var region = Region.of(require(env, "AWS_REGION"));
    var endpoint =
        Optional.ofNullable(env.get("AWS_ENDPOINT_URL")).filter(s -> !s.isBlank()).map(URI::create);
    var credentials = DefaultCredentialsProvider.builder().build();
    var http = UrlConnectionHttpClient.create();
    var autoScaling =
        AutoScalingClient.builder()
            .region(region)
            .credentialsProvider(credentials)
            .httpClient(http);
    var route53 =
        Route53Client.builder()
            .region(Region.AWS_GLOBAL)
            .credentialsProvider(credentials)
            .httpClient(http);
    endpoint.ifPresent(
        uri -> {
          autoScaling.endpointOverride(uri);
          route53.endpointOverride(uri);
        });
    this.updater =
        new DnsUpdater(
            autoScaling.build(),
            route53.build(),
            new Ec2Addresses(http, credentials, region, endpoint),
            require(env, CLUSTER),
            require(env, ZONE_ID),
            require(env, ZONE_NAME));
  }

  /**
   * Updates the record of the event's group; returns {@code {"record": ..., "addresses": [...]}} or
   * an empty map.
   */
  public Map<String, Object> handleRequest(Map<String, Object> event) {
    return updater
        .onEvent(event)
        .<Map<String, Object>>map(
            result -> Map.of("record", result.record(), "addresses", result.addresses()))
        .orElse(Map.of());
  }

  private static String require(Map<String, String> env, String name) {
    var value = env.get(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("the environment variable " + name + " is not set");
    }
    return value;
  }
}
