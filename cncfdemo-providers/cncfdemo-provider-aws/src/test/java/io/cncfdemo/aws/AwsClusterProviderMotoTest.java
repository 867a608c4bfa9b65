package io.cncfdemo.aws;

import static io.cncfdemo.Providers.aws;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.cncfdemo.Cluster;
import io.cncfdemo.aws.internal.AwsClients;
import io.cncfdemo.aws.internal.AwsInfrastructure.Step;
import io.cncfdemo.exception.CncfDemoException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.route53.model.RRType;

/**
 * {@code create()} and {@code destroy()} against moto: every resource is made and tagged, a create
 * interrupted after the launch templates resumes to the state of an uninterrupted one, and destroy
 * from a fresh provider leaves none. The kubeadm part (instances that run cloud-init) is beyond
 * moto: these creates stop where the library waits for the first master's kubeconfig.
 */
@WithMoto
class AwsClusterProviderMotoTest {
  static final String ALPHA = "alpha-" + MotoServer.RUN;
  static final String RESUMED = "resumed-" + MotoServer.RUN;
  static final String STRAIGHT = "straight-" + MotoServer.RUN;
  static final String TWICE = "twice-" + MotoServer.RUN;
  static final String NEVER = "never-" + MotoServer.RUN;
  static MotoServer moto;
  static AwsClients aws;

  @TempDir Path kubeconfigs;

  @BeforeAll
  static void clients(MotoServer server) {
    moto = server;
    aws =
        new AwsClients(
            Region.of(MotoServer.REGION), MotoServer.CREDENTIALS, Optional.of(server.endpoint()));
  }

  @AfterAll
  static void close() {
    aws.close();
  }

  static Cluster cluster(String name) {
    return Cluster.on(aws().region(MotoServer.REGION).apiAccessCidr("203.0.113.7/32"))
        .named(name)
        .masters(1)
        .minions(3);
  }

  /** Runs create() up to where it waits for the first master, which moto cannot run. */
  private void createInfrastructure(String name, AwsClusterProvider provider) {
    assertThatThrownBy(() -> cluster(name).using(provider).create())
        .isInstanceOf(CncfDemoException.class)
        .hasMessageContaining(
            "the first master did not publish its kubeconfig (/cncfdemo/"
                + name
                + "/admin-kubeconfig)")
        .hasMessageContaining(
            "run create() again to go on waiting, or destroy() to remove everything");
  }

  @Test
  void create_makesEveryResource_tagged_andDestroyFromAFreshProvider_leavesNone() {
    var progress = new ArrayList<String>();
    createInfrastructure(ALPHA, moto.provider(kubeconfigs).progress(progress::add).build());

    var made = TaggedResources.of(aws, ALPHA);
    assertThat(TaggedResources.counts(made))
        .containsOnly(
            entry("VPC", 1),
            entry("Subnet", 3),
            entry("InternetGateway", 1),
            entry("RouteTable", 1),
            entry("SecurityGroup", 2),
            entry("LaunchTemplate", 2),
            entry("AutoScalingGroup", 2),
            entry("Instance", 4),
            entry("IAMRole", 3),
            entry("InstanceProfile", 2),
            entry("HostedZone", 1),
            entry("LambdaFunction", 1),
            entry("EventBridgeRule", 1),
            entry("LogGroup", 1),
            entry("SSMParameter", 2));
    assertThat(made.get("AutoScalingGroup")).containsExactly("*-masters", "*-minions");
    assertThat(made.get("Instance"))
        .containsExactly("*-masters", "*-minions", "*-minions", "*-minions");
    assertThat(made.get("SSMParameter"))
        .containsExactly("/cncfdemo/*/certificate-key", "/cncfdemo/*/join-token");
    assertThat(records(ALPHA))
        .containsOnlyKeys("masters." + ALPHA + ".k8s.", "minions." + ALPHA + ".k8s.")
        .hasEntrySatisfying("masters." + ALPHA + ".k8s.", ips -> assertThat(ips).hasSize(1))
        .hasEntrySatisfying("minions." + ALPHA + ".k8s.", ips -> assertThat(ips).hasSize(3));
    assertThat(progress).contains("Auto Scaling groups: done", "DNS records of the nodes: done");

    var fresh = moto.provider(kubeconfigs).build();
    cluster(ALPHA).using(fresh).destroy();
    assertThat(TaggedResources.counts(TaggedResources.of(aws, ALPHA)))
        .allSatisfy((kind, count) -> assertThat(count).as(kind).isZero());

    cluster(ALPHA).using(moto.provider(kubeconfigs).build()).destroy();
    assertThat(TaggedResources.counts(TaggedResources.of(aws, ALPHA)))
        .allSatisfy((kind, count) -> assertThat(count).as(kind).isZero());
  }

  @Test
  void create_interruptedAfterTheLaunchTemplates_resumes_toTheStateOfAnUninterruptedCreate() {
    var interrupted =
        moto.provider(kubeconfigs)
            .afterStep(
                step -> {
                  if (step == Step.LAUNCH_TEMPLATES) {
                    throw new CncfDemoException("simulated failure after " + step);
                  }
                })
            .build();
    assertThatThrownBy(() -> cluster(RESUMED).using(interrupted).create())
        .hasMessage("simulated failure after LAUNCH_TEMPLATES");
    var halfWay = TaggedResources.of(aws, RESUMED);
    assertThat(halfWay.get("LaunchTemplate")).hasSize(2);
    assertThat(halfWay.get("AutoScalingGroup")).isEmpty();

    createInfrastructure(RESUMED, moto.provider(kubeconfigs).build());
    createInfrastructure(STRAIGHT, moto.provider(kubeconfigs).build());

    assertThat(TaggedResources.of(aws, RESUMED)).isEqualTo(TaggedResources.of(aws, STRAIGHT));
    assertThat(records(RESUMED).values()).extracting(List::size).containsExactlyInAnyOrder(1, 3);

    cluster(RESUMED).using(moto.provider(kubeconfigs).build()).destroy();
    cluster(STRAIGHT).using(moto.provider(kubeconfigs).build()).destroy();
    assertThat(TaggedResources.counts(TaggedResources.of(aws, RESUMED)))
        .allSatisfy((kind, count) -> assertThat(count).isZero());
  }

  @Test
  void create_runTwice_changesNothing() {
    createInfrastructure(TWICE, moto.provider(kubeconfigs).build());
    var first = TaggedResources.of(aws, TWICE);

    createInfrastructure(TWICE, moto.provider(kubeconfigs).build());

    assertThat(TaggedResources.of(aws, TWICE)).isEqualTo(first);
    cluster(TWICE).using(moto.provider(kubeconfigs).build()).destroy();
  }

  @Test
  void create_ofAMinorWithoutAPinnedCloudControllerManager_isRefused_beforeAnythingIsMade() {
    var name = "minor-" + MotoServer.RUN;

    assertThatThrownBy(
            () ->
                cluster(name)
                    .kubernetesVersion("1.37")
                    .using(moto.provider(kubeconfigs).build())
                    .create())
        .isInstanceOf(io.cncfdemo.exception.InvalidInputException.class)
        .hasMessageStartingWith("kubernetesVersion must be one of the minors 1.30, 1.31,")
        .hasMessageEndingWith("was \"1.37\"");
    assertThat(TaggedResources.counts(TaggedResources.of(aws, name)))
        .allSatisfy((kind, count) -> assertThat(count).as(kind).isZero());
  }

  @Test
  void destroy_ofAClusterThatNeverExisted_isHarmless() {
    cluster(NEVER).using(moto.provider(kubeconfigs).build()).destroy();

    assertThat(TaggedResources.counts(TaggedResources.of(aws, NEVER)))
        .allSatisfy((kind, count) -> assertThat(count).isZero());
  }

  static Map<String, List<String>> records(String cluster) {
    var zone =
        aws
            .route53()
            .listHostedZonesByName(r -> r.dnsName(cluster + ".k8s."))
            .hostedZones()
            .stream()
            .filter(z -> z.name().equals(cluster + ".k8s."))
            .findFirst()
            .orElseThrow();
    var out = new TreeMap<String, List<String>>();
    var zoneId = zone.id().substring(zone.id().lastIndexOf('/') + 1);
    aws.route53().listResourceRecordSets(r -> r.hostedZoneId(zoneId)).resourceRecordSets().stream()
        .filter(set -> set.type() == RRType.A)
        .forEach(
            set ->
                out.put(set.name(), set.resourceRecords().stream().map(rr -> rr.value()).toList()));
    return out;
  }
}
