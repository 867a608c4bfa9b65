package io.cncfdemo.aws.internal;

import io.cncfdemo.aws.dns.SignedQuery;
import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The SDK clients of one region, sharing one {@link UrlConnectionHttpClient}, the given credentials
 * and, for emulators such as moto or LocalStack, one endpoint. Without an explicit endpoint the SDK
 * applies its own configuration ({@code AWS_ENDPOINT_URL}, {@code aws.endpointUrl}, the shared
 * config file).
 */
public final class AwsClients implements AutoCloseable {
  static final String CLASSIC_ELB_API_VERSION = "2012-06-01";

  private final Region region;
  private final AwsCredentialsProvider credentials;
  private final Optional<URI> endpoint;
  private final SdkHttpClient http = UrlConnectionHttpClient.create();
  private final Ec2Client ec2;
  private final AutoScalingClient autoScaling;
  private final IamClient iam;
  private final Route53Client route53;
  private final LambdaClient lambda;
  private final EventBridgeClient events;
  private final CloudWatchLogsClient logs;
  private final SsmClient ssm;
  private final StsClient sts;
  private final ElasticLoadBalancingV2Client elbv2;
  private final SignedQuery classicElb;

  public AwsClients(Region region, AwsCredentialsProvider credentials, Optional<URI> endpoint) {
    this.region = region;
    this.credentials = credentials;
    this.endpoint = endpoint;
    ec2 = configure(Ec2Client.builder(), region).build();
    autoScaling = configure(AutoScalingClient.builder(), region).build();
    iam = configure(IamClient.builder(), Region.AWS_GLOBAL).build();
    route53 = configure(Route53Client.builder(), Region.AWS_GLOBAL).build();
    lambda = configure(LambdaClient.builder(), region).build();
    events = configure(EventBridgeClient.builder(), region).build();
    logs = configure(CloudWatchLogsClient.builder(), region).build();
    ssm = configure(SsmClient.builder(), region).build();
    sts = configure(StsClient.builder(), region).build();
    elbv2 = configure(ElasticLoadBalancingV2Client.builder(), region).build();
    classicElb =
        new SignedQuery(
            http, credentials, region, "elasticloadbalancing", CLASSIC_ELB_API_VERSION, endpoint);
  }

  private <B extends AwsClientBuilder<B, ?>> B configure(B builder, Region clientRegion) {
    builder.region(clientRegion).credentialsProvider(credentials);
    endpoint.ifPresent(builder::endpointOverride);
    if (builder instanceof AwsSyncClientBuilder<?, ?> sync) {
      sync.httpClient(http);
    }
    return builder;
  }

  public Region region() {
    return region;
  }

  public AwsCredentialsProvider credentials() {
    return credentials;
  }

  public Optional<URI> endpoint() {
    return endpoint;
  }

  /** The shared HTTP client, for the DNS updater's signed EC2 query. */
  public SdkHttpClient http() {
    return http;
  }

  public Ec2Client ec2() {
    return ec2;
  }

  public AutoScalingClient autoScaling() {
    return autoScaling;
  }

  public IamClient iam() {
    return iam;
  }

  public Route53Client route53() {
    return route53;
  }

  public LambdaClient lambda() {
    return lambda;
  }

  public EventBridgeClient events() {
    return events;
  }

  public CloudWatchLogsClient logs() {
    return logs;
  }

  public SsmClient ssm() {
    return ssm;
  }

  public StsClient sts() {
    return sts;
  }

  /** Application, network and gateway load balancers and their target groups. */
  public ElasticLoadBalancingV2Client elbv2() {
    return elbv2;
  }

  /** The classic ELB API, as signed queries. */
  public SignedQuery classicElb() {
    return classicElb;
  }

  @Override
  public void close() {
    ec2.close();
    autoScaling.close();
    iam.close();
    route53.close();
    lambda.close();
    events.close();
    logs.close();
    ssm.close();
    sts.close();
    elbv2.close();
    http.close();
  }
}
