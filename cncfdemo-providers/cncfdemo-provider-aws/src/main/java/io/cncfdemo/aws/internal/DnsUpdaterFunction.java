package io.cncfdemo.aws.internal;

import io.cncfdemo.aws.dns.DnsUpdaterHandler;
import io.cncfdemo.bootstrap.NodeRole;
import io.cncfdemo.exception.CncfDemoException;
import io.cncfdemo.support.Backoff;
import io.cncfdemo.support.Retry;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.eventbridge.model.Tag;
import software.amazon.awssdk.services.lambda.model.Architecture;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.Runtime;

/**
 * The DNS updater as the original demo had it: a Lambda function ({@link DnsUpdaterHandler}, Java
 * 21) with its own role and log group, invoked by an EventBridge rule on the launch and termination
 * events of the cluster's two Auto Scaling groups. Its deployment package is built with the module
 * and shipped as {@value #PACKAGE}. This class runs in the library, not in the Lambda (whose
 * package holds only {@code io.cncfdemo.aws.dns} and the SDK), so it waits with the library's
 * {@link Retry}.
 */
final class DnsUpdaterFunction {
  static final String PACKAGE = "/io/cncfdemo/aws/internal/lambda/dns-updater.zip";
  static final String HANDLER = DnsUpdaterHandler.class.getName() + "::handleRequest";
  static final String PERMISSION_ID = "eventbridge-asg-events";
  static final String TARGET_ID = "dns-updater";
  static final int LOG_RETENTION_DAYS = 7;
  static final List<String> EVENT_TYPES =
      List.of("EC2 Instance Launch Successful", "EC2 Instance Terminate Successful");

  /** A new role is not usable by Lambda for some seconds; creation is retried that long. */
  static final Duration ROLE_PROPAGATION = Duration.ofSeconds(90);

  private static final Logger LOG = LoggerFactory.getLogger(DnsUpdaterFunction.class);

  private final AwsClients aws;
  private final ClusterNames names;
  private final IamRoles roles;
  private final Policies policies;

  DnsUpdaterFunction(AwsClients aws, ClusterNames names, IamRoles roles, Policies policies) {
    this.aws = aws;
    this.names = names;
    this.roles = roles;
    this.policies = policies;
  }

  void ensure(String zoneId) {
    var roleArn =
        roles.ensureRole(
            names.iam("dns-updater"), "lambda.amazonaws.com", null, policies.dnsUpdater(zoneId));
    logGroup();
    var functionArn = function(roleArn, zoneId);
    var ruleArn =
        aws.events()
            .putRule(
                r ->
                    r.name(names.autoScalingEventsRule())
                        .description(
                            "cncfdemo "
                                + names.cluster()
                                + ": Auto Scaling events of the masters and minions")
                        .eventPattern(IamRoles.json(pattern()))
                        .tags(
                            Tags.as(
                                Tags.of(names.cluster(), names.autoScalingEventsRule(), null),
                                (key, value) -> Tag.builder().key(key).value(value).build())))
            .ruleArn();
    aws.events()
        .putTargets(
            r ->
                r.rule(names.autoScalingEventsRule())
                    .targets(t -> t.id(TARGET_ID).arn(functionArn)));
    try {
      aws.lambda()
          .addPermission(
              r ->
                  r.functionName(names.dnsUpdaterFunction())
                      .statementId(PERMISSION_ID)
                      .action("lambda:InvokeFunction")
                      .principal("events.amazonaws.com")
                      .sourceArn(ruleArn));
    } catch (ResourceConflictException e) {
      LOG.debug("permission {} already there", PERMISSION_ID);
    }
  }

  private Map<String, Object> pattern() {
    return Map.of(
        "source",
        List.of("aws.autoscaling"),
        "detail-type",
        EVENT_TYPES,
        "detail",
        Map.of(
            "AutoScalingGroupName",
            List.of(
                names.autoScalingGroup(NodeRole.MASTER), names.autoScalingGroup(NodeRole.MINION))));
  }

  private void logGroup() {
    try {
      aws.logs()
          .createLogGroup(
              r ->
                  r.logGroupName(names.dnsUpdaterLogGroup())
                      .tags(Tags.of(names.cluster(), names.dnsUpdaterLogGroup(), null)));
      aws.logs()
          .putRetentionPolicy(
              r -> r.logGroupName(names.dnsUpdaterLogGroup()).retentionInDays(LOG_RETENTION_DAYS));
    } catch (ResourceAlreadyExistsException e) {
      LOG.debug("log group {} already there", names.dnsUpdaterLogGroup());
    }
  }

  private String function(String roleArn, String zoneId) {
    var name = names.dnsUpdaterFunction();
    try {
      return aws.lambda().getFunction(r -> r.functionName(name)).configuration().functionArn();
    } catch (ResourceNotFoundException e) {
      LOG.debug("function {} not there yet", name);
    }
    var code = SdkBytes.fromByteArray(deploymentPackage());
    var arn =
        Retry.on(
                DnsUpdaterFunction::roleNotUsableYet,
                Backoff.fixed(Duration.ofSeconds(5)).deadline(ROLE_PROPAGATION))
            .call(
                "create Lambda function " + name,
                () ->
                    aws.lambda()
                        .createFunction(
                            r ->
                                r.functionName(name)
                                    .runtime(Runtime.JAVA21)
                                    .handler(HANDLER)
                                    .role(roleArn)
                                    .code(c -> c.zipFile(code))
                                    .memorySize(512)
                                    .timeout(60)
                                    .architectures(Architecture.ARM64)
                                    .description(
                                        "cncfdemo "
                                            + names.cluster()
                                            + ": keeps "
                                            + names.mastersRecord()
                                            + " and "
                                            + names.minionsRecord()
                                            + " equal to the healthy instances")
                                    .environment(
                                        env ->
                                            env.variables(
                                                Map.of(
                                                    DnsUpdaterHandler.CLUSTER,
                                                    names.cluster(),
                                                    DnsUpdaterHandler.ZONE_ID,
                                                    zoneId,
                                                    DnsUpdaterHandler.ZONE_NAME,
                                                    names.zone(),
                                                    "JAVA_TOOL_OPTIONS",
                                                    "-XX:+TieredCompilation"
                                                        + " -XX:TieredStopAtLevel=1")))
                                    .tags(Tags.of(names.cluster(), name, null)))
                        .functionArn());
    LOG.info("created Lambda function {}", name);
    return arn;
  }

  /** Lambda refuses a role IAM has just created until the role has propagated. */
  private static boolean roleNotUsableYet(RuntimeException e) {
    return e instanceof InvalidParameterValueException
        && e.getMessage() != null
        && e.getMessage().contains("cannot be assumed");
  }

  static byte[] deploymentPackage() {
    try (InputStream in = DnsUpdaterFunction.class.getResourceAsStream(PACKAGE)) {
      if (in == null) {
        throw new CncfDemoException(
            "the DNS updater's deployment package "
                + PACKAGE
                + " is missing from the class path:"
                + " build cncfdemo-provider-aws with Maven (its process-classes phase makes it)");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new CncfDemoException("could not read " + PACKAGE + ": " + e.getMessage(), e);
    }
  }
}
