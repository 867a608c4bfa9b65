package io.cncfdemo.aws;

import static io.cncfdemo.Providers.aws;
import static org.assertj.core.api.Assertions.assertThat;

import io.cncfdemo.Cluster;
import io.cncfdemo.aws.internal.AwsClients;
import io.cncfdemo.aws.internal.ClusterNames;
import io.cncfdemo.aws.internal.Tags;
import io.cncfdemo.bootstrap.NodeBootstrap;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ProtocolEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;

/**
 * What the AWS cloud controller manager makes for a Service of type LoadBalancer, made here as it
 * would (a security group tagged {@code kubernetes.io/cluster/<cluster>=owned} that the nodes'
 * group admits, a classic ELB and an NLB with a target group, all tagged), is gone after {@code
 * destroy()}: listed through boto3 (classic ELBs) and the SDK (NLBs, target groups, groups), while
 * another cluster's balancer stays. Also: the tags the manager discovers the cluster by.
 */
@WithMoto
class LoadBalancersMotoTest {
  static final String CLUSTER = "balancers-" + MotoServer.RUN;
  static final String OTHER = "other-" + MotoServer.RUN;
  static MotoServer moto;
  static AwsClients aws;
  static ClusterNames names = new ClusterNames(CLUSTER, MotoServer.REGION);

  @TempDir Path kubeconfigs;
  @TempDir Path scratch;

  @BeforeAll
  static void clients(MotoServer server) {
    moto = server;
    aws = server.clients();
  }

  @AfterAll
  static void close() {
    aws.close();
  }

  @Test
  void create_tagsWhatTheManagerDiscovers_subnetsForPublicBalancers_theNodesGroupOnly() {
    createInfrastructure();
    var clusterTag = Tags.kubernetesCluster(CLUSTER);
    var byClusterTag = Filter.builder().name("tag:" + clusterTag).values("owned").build();

    assertThat(aws.ec2().describeSubnets(r -> r.filters(byClusterTag)).subnets())
        .hasSize(3)
        .allSatisfy(
            subnet ->
                assertThat(subnet.tags())
                    .anySatisfy(
                        tag -> {
                          assertThat(tag.key()).isEqualTo("kubernetes.io/role/elb");
                          assertThat(tag.value()).isEqualTo("1");
                        }));
    assertThat(aws.ec2().describeSecurityGroups(r -> r.filters(byClusterTag)).securityGroups())
        .extracting(SecurityGroup::groupName)
        .containsExactly(names.nodesSecurityGroup());
    assertThat(
            aws.ec2().describeInstances(r -> r.filters(byClusterTag)).reservations().stream()
                .flatMap(reservation -> reservation.instances().stream())
                .filter(i -> !"terminated".equals(i.state().nameAsString())))
        .hasSize(2);

    cluster().using(moto.provider(kubeconfigs).build()).destroy();
  }

  @Test
  void destroy_deletesTheManagersBalancersTargetGroupsAndGroups_andNoOtherClusters()
      throws Exception {
    createInfrastructure();
    var clusterTag = Tags.kubernetesCluster(CLUSTER);
    var vpcId = aws.ec2().describeVpcs(r -> r.filters(byName(CLUSTER))).vpcs().get(0).vpcId();
    var subnets =
        aws.ec2().describeSubnets(r -> r.filters(vpc(vpcId))).subnets().stream()
            .map(s -> s.subnetId())
            .toList();
    var nodesGroup =
        aws.ec2()
            .describeSecurityGroups(r -> r.filters(byName(names.nodesSecurityGroup())))
            .securityGroups()
            .get(0)
            .groupId();
    // as the manager does for a Service: a group for the balancer, admitted by the nodes' group
    var balancerGroup =
        aws.ec2()
            .createSecurityGroup(
                r ->
                    r.vpcId(vpcId)
                        .groupName("k8s-elb-a0123456789abcdef")
                        .description("Security group for Kubernetes ELB a0123456789abcdef")
                        .tagSpecifications(
                            t ->
                                t.resourceType(ResourceType.SECURITY_GROUP)
                                    .tags(x -> x.key(clusterTag).value("owned"))))
            .groupId();
    aws.ec2()
        .authorizeSecurityGroupIngress(
            r ->
                r.groupId(nodesGroup)
                    .ipPermissions(
                        p -> p.ipProtocol("-1").userIdGroupPairs(g -> g.groupId(balancerGroup))));
    var classic = new ArrayList<String>(List.of("create", "a0123456789abcdef", clusterTag));
    classic.add(balancerGroup);
    classic.addAll(subnets);
    classicElb(classic.toArray(String[]::new));
    classicElb("create", "o0123456789abcdef", Tags.kubernetesCluster(OTHER), "-");
    var nlb =
        aws.elbv2()
            .createLoadBalancer(
                r ->
                    r.name("a0123456789abcdef-nlb")
                        .type(LoadBalancerTypeEnum.NETWORK)
                        .subnets(subnets)
                        .tags(t -> t.key(clusterTag).value("owned")))
            .loadBalancers()
            .get(0)
            .loadBalancerArn();
    var targetGroup =
        aws.elbv2()
            .createTargetGroup(
                r ->
                    r.name("k8s-ingress-a0123456")
                        .protocol(ProtocolEnum.TCP)
                        .port(30080)
                        .vpcId(vpcId)
                        .tags(t -> t.key(clusterTag).value("owned")))
            .targetGroups()
            .get(0)
            .targetGroupArn();
    aws.elbv2()
        .createListener(
            r ->
                r.loadBalancerArn(nlb)
                    .protocol(ProtocolEnum.TCP)
                    .port(80)
                    .defaultActions(a -> a.type("forward").targetGroupArn(targetGroup)));
    assertThat(classicElb("list")).contains("a0123456789abcdef", "o0123456789abcdef");

    cluster().using(moto.provider(kubeconfigs).build()).destroy();

    assertThat(classicElb("list"))
        .doesNotContain("a0123456789abcdef")
        .contains("o0123456789abcdef");
    assertThat(aws.elbv2().describeLoadBalancers().loadBalancers())
        .extracting(LoadBalancer::loadBalancerArn)
        .doesNotContain(nlb);
    assertThat(aws.elbv2().describeTargetGroups().targetGroups())
        .extracting(TargetGroup::targetGroupArn)
        .doesNotContain(targetGroup);
    assertThat(
            aws.ec2()
                .describeSecurityGroups(
                    r -> r.filters(Filter.builder().name("tag-key").values(clusterTag).build()))
                .securityGroups())
        .isEmpty();
    assertThat(aws.ec2().describeVpcs(r -> r.filters(byName(CLUSTER))).vpcs()).isEmpty();
    assertThat(TaggedResources.counts(TaggedResources.of(aws, CLUSTER)))
        .allSatisfy((kind, count) -> assertThat(count).as(kind).isZero());
    classicElb("delete", "o0123456789abcdef");
  }

  private static Cluster cluster() {
    return Cluster.on(aws().region(MotoServer.REGION).apiAccessCidr("203.0.113.7/32"))
        .named(CLUSTER)
        .masters(1)
        .minions(1);
  }

  private void createInfrastructure() {
    moto.createInfrastructure(cluster(), kubeconfigs);
  }

  private static Filter byName(String name) {
    return Filter.builder().name("tag:" + Tags.NAME).values(name).build();
  }

  private static Filter vpc(String vpcId) {
    return Filter.builder().name("vpc-id").values(vpcId).build();
  }

  /** {@code classic_elb.py} against the emulator; its output lines. */
  private List<String> classicElb(String... args) throws Exception {
    var script = scratch.resolve("classic_elb.py");
    Files.writeString(
        script, NodeBootstrap.resource(LoadBalancersMotoTest.class, "classic_elb.py"));
    var command =
        new ArrayList<String>(
            List.of("python3", script.toString(), moto.endpoint().toString(), MotoServer.REGION));
    command.addAll(List.of(args));
    var process = new ProcessBuilder(command).redirectErrorStream(true).start();
    var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    return output.lines().toList();
  }
}
