package io.cncfdemo.aws;

import io.cncfdemo.aws.internal.AwsClients;
import io.cncfdemo.aws.internal.Tags;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.route53.model.TagResourceType;
import software.amazon.awssdk.services.ssm.model.ParameterStringFilter;

/**
 * Lists, kind by kind, every resource tagged {@code KubernetesCluster=<cluster>} (IAM instance
 * profiles, which the emulator cannot tag, by the cluster's IAM path), as kind to sorted names; the
 * cluster name is written {@code *} so that two clusters compare.
 */
public final class TaggedResources {
  public static final List<String> KINDS =
      List.of(
          "VPC",
          "Subnet",
          "InternetGateway",
          "RouteTable",
          "SecurityGroup",
          "LaunchTemplate",
          "AutoScalingGroup",
          "Instance",
          "IAMRole",
          "InstanceProfile",
          "HostedZone",
          "LambdaFunction",
          "EventBridgeRule",
          "LogGroup",
          "SSMParameter");

  private TaggedResources() {}

  public static Map<String, List<String>> of(AwsClients aws, String cluster) {
    var found = new TreeMap<String, List<String>>();
    KINDS.forEach(kind -> found.put(kind, new ArrayList<>()));
    var byCluster = Filter.builder().name("tag:" + Tags.CLUSTER).values(cluster).build();
    aws.ec2()
        .describeVpcs(r -> r.filters(byCluster))
        .vpcs()
        .forEach(v -> found.get("VPC").add(name(v.tags())));
    aws.ec2()
        .describeSubnets(r -> r.filters(byCluster))
        .subnets()
        .forEach(s -> found.get("Subnet").add(name(s.tags())));
    aws.ec2()
        .describeInternetGateways(r -> r.filters(byCluster))
        .internetGateways()
        .forEach(g -> found.get("InternetGateway").add(name(g.tags())));
    aws.ec2()
        .describeRouteTables(r -> r.filters(byCluster))
        .routeTables()
        .forEach(t -> found.get("RouteTable").add(name(t.tags())));
    aws.ec2()
        .describeSecurityGroups(r -> r.filters(byCluster))
        .securityGroups()
        .forEach(g -> found.get("SecurityGroup").add(g.groupName()));
    aws.ec2()
        .describeLaunchTemplates(r -> r.filters(byCluster))
        .launchTemplates()
        .forEach(t -> found.get("LaunchTemplate").add(t.launchTemplateName()));
    aws.autoScaling()
        .describeAutoScalingGroups(
            r -> r.filters(f -> f.name("tag:" + Tags.CLUSTER).values(cluster)))
        .autoScalingGroups()
        .forEach(g -> found.get("AutoScalingGroup").add(g.autoScalingGroupName()));
    aws.ec2().describeInstances(r -> r.filters(byCluster)).reservations().stream()
        .flatMap(res -> res.instances().stream())
        .filter(i -> !"terminated".equals(i.state().nameAsString()))
        .forEach(i -> found.get("Instance").add(name(i.tags())));
    aws.iam().listRoles().roles().stream()
        .filter(
            role ->
                aws.iam().listRoleTags(r -> r.roleName(role.roleName())).tags().stream()
                    .anyMatch(t -> t.key().equals(Tags.CLUSTER) && t.value().equals(cluster)))
        .forEach(role -> found.get("IAMRole").add(role.roleName()));
    aws.iam().listInstanceProfiles().instanceProfiles().stream()
        .filter(p -> p.path().startsWith("/cncfdemo/") && p.path().endsWith("/" + cluster + "/"))
        .forEach(p -> found.get("InstanceProfile").add(p.instanceProfileName()));
    aws.route53().listHostedZones().hostedZones().stream()
        .filter(
            zone ->
                aws
                    .route53()
                    .listTagsForResource(
                        r ->
                            r.resourceType(TagResourceType.HOSTEDZONE)
                                .resourceId(zone.id().substring(zone.id().lastIndexOf('/') + 1)))
                    .resourceTagSet()
                    .tags()
                    .stream()
                    .anyMatch(t -> t.key().equals(Tags.CLUSTER) && t.value().equals(cluster)))
        .forEach(zone -> found.get("HostedZone").add(zone.name()));
    aws.lambda().listFunctions().functions().stream()
        .filter(
            f ->
                cluster.equals(
                    aws.lambda()
                        .listTags(r -> r.resource(f.functionArn()))
                        .tags()
                        .get(Tags.CLUSTER)))
        .forEach(f -> found.get("LambdaFunction").add(f.functionName()));
    aws.events().listRules(r -> {}).rules().stream()
        .filter(
            rule ->
                aws.events().listTagsForResource(r -> r.resourceARN(rule.arn())).tags().stream()
                    .anyMatch(t -> t.key().equals(Tags.CLUSTER) && t.value().equals(cluster)))
        .forEach(rule -> found.get("EventBridgeRule").add(rule.name()));
    aws.logs().describeLogGroups().logGroups().stream()
        .filter(
            g ->
                cluster.equals(
                    aws.logs()
                        .listTagsLogGroup(r -> r.logGroupName(g.logGroupName()))
                        .tags()
                        .get(Tags.CLUSTER)))
        .forEach(g -> found.get("LogGroup").add(g.logGroupName()));
    aws.ssm()
        .describeParameters(
            r ->
                r.parameterFilters(
                    ParameterStringFilter.builder()
                        .key("tag:" + Tags.CLUSTER)
                        .values(cluster)
                        .build()))
        .parameters()
        .forEach(p -> found.get("SSMParameter").add(p.name()));
    var normalized = new TreeMap<String, List<String>>();
    found.forEach(
        (kind, names) ->
            normalized.put(
                kind, names.stream().map(n -> n.replace(cluster, "*")).sorted().toList()));
    return normalized;
  }

  /** How many of each kind. */
  public static Map<String, Integer> counts(Map<String, List<String>> resources) {
    var counts = new TreeMap<String, Integer>();
    resources.forEach((kind, names) -> counts.put(kind, names.size()));
    return counts;
  }

  private static String name(List<Tag> tags) {
    return tags.stream()
        .filter(t -> t.key().equals(Tags.NAME))
        .map(Tag::value)
        .findFirst()
        .orElse("?");
  }
}
