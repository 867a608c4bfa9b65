package io.cncfdemo.aws;

import static io.cncfdemo.Providers.aws;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cncfdemo.Cluster;
import io.cncfdemo.Providers;
import io.cncfdemo.cluster.ClusterProvider;
import io.cncfdemo.cluster.PlannedResource;
import io.cncfdemo.exception.CncfDemoException;
import io.cncfdemo.exception.InvalidInputException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * What the provider checks before it creates anything, and {@code plan()}: both without any AWS
 * call. The provider's endpoint is a loopback port where nothing listens, so a call would fail with
 * another message.
 */
class AwsClusterProviderTest {
  static URI nowhere;

  @TempDir Path kubeconfigs;

  @BeforeAll
  static void closedPort() throws Exception {
    // the SDK's chain must not ask the EC2 instance metadata service, even when run outside Maven
    System.setProperty("aws.disableEc2Metadata", "true");
    try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      nowhere = URI.create("http://127.0.0.1:" + socket.getLocalPort());
    }
  }

  AwsClusterProvider provider() {
    return AwsClusterProvider.builder().endpoint(nowhere).kubeconfigDirectory(kubeconfigs).build();
  }

  @Test
  void isOnTheClassPath_underItsName() {
    assertThat(Providers.available())
        .filteredOn(p -> p.name().equals("aws"))
        .singleElement()
        .isInstanceOf(AwsClusterProvider.class)
        .extracting(ClusterProvider::description)
        .asString()
        .startsWith("AWS: ");
    assertThat(Providers.named("aws").providerName()).isEqualTo("aws");
  }

  @Test
  void unknownRegion_isRejected_byCreatePlanAndDestroy_beforeAnyCall() {
    var cluster =
        Cluster.on(aws().region("xx-nowhere-1").apiAccessCidr("203.0.113.7/32")).using(provider());

    for (var action :
        new Runnable[] {
          () -> {
            try (var unused = cluster.create()) {}
          },
          () -> {
            var unused = cluster.plan();
          },
          cluster::destroy
        }) {
      assertThatThrownBy(action::run)
          .isInstanceOf(InvalidInputException.class)
          .hasMessageStartingWith("region must be one of the AWS regions: af-south-1, ")
          .hasMessageContaining(", us-west-2")
          .hasMessageEndingWith(", was \"xx-nowhere-1\"");
    }
  }

  @Test
  void missingApiAccessCidr_isRejected_sayingHowToGiveIt() {
    assertThatThrownBy(() -> Cluster.on(aws()).using(provider()).create())
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "apiAccessCidr must be given: call aws().apiAccessCidr(\"203.0.113.7/32\") with the"
                + " only IPv4 range allowed to reach the API server (your own address as a /32),"
                + " was null");
  }

  @Test
  void missingCredentials_areReported_withWhereTheChainLooked() {
    // Surefire removes AWS_* credentials from the environment and points the shared files at
    // nothing
    var cluster = Cluster.on(aws().apiAccessCidr("203.0.113.7/32")).using(provider());

    for (var action :
        new Runnable[] {
          () -> {
            try (var unused = cluster.create()) {}
          },
          cluster::destroy
        }) {
      assertThatThrownBy(action::run)
          .isInstanceOf(CncfDemoException.class)
          .isNotInstanceOf(InvalidInputException.class)
          .hasMessageStartingWith(
              "no AWS credentials found. The AWS SDK's default credential chain looked at:")
          .hasMessageContaining(
              "aws.accessKeyId",
              "AWS_ACCESS_KEY_ID",
              "AWS_PROFILE",
              "~/.aws/credentials",
              "the EC2 instance metadata service")
          .hasMessageEndingWith("nothing was created");
    }
  }

  @Test
  void credentials_neverAppearInMessages() {
    var keyId = "TEST" + "KEYID" + "NOTREAL01";
    var secret = "test-secret-" + java.util.UUID.randomUUID();
    var provider =
        AwsClusterProvider.builder()
            .endpoint(nowhere)
            .kubeconfigDirectory(kubeconfigs)
            .credentials(
                StaticCredentialsProvider.create(AwsBasicCredentials.create(keyId, secret)))
            .build();

    assertThatThrownBy(
            () -> Cluster.on(aws().apiAccessCidr("203.0.113.7/32")).using(provider).create())
        .isInstanceOf(CncfDemoException.class)
        .hasMessageStartingWith("could not reach AWS STS to check the credentials")
        .hasMessageNotContaining(secret)
        .hasMessageNotContaining(keyId);
  }

  @Test
  void plan_listsEveryResource_withCostsFromTheDatedTable_withoutAnyCall() {
    var plan =
        Cluster.on(aws().region("us-west-2").apiAccessCidr("203.0.113.7/32"))
            .named("demo")
            .masters(1)
            .minions(3)
            .using(provider())
            .plan();

    assertThat(plan.provider()).isEqualTo("aws");
    assertThat(plan.priceSource())
        .isEqualTo("AWS on-demand prices, us-west-2, table of 2026-11-01");
    assertThat(plan.resources())
        .extracting(PlannedResource::kind)
        .containsSubsequence(
            "VPC",
            "InternetGateway",
            "Subnet",
            "Subnet",
            "Subnet",
            "RouteTable",
            "SecurityGroup",
            "SecurityGroup",
            "SSMParameter",
            "IAMRole",
            "InstanceProfile",
            "HostedZone",
            "LambdaFunction",
            "EventBridgeRule",
            "LaunchTemplate",
            "LaunchTemplate",
            "AutoScalingGroup",
            "AutoScalingGroup");
    assertThat(plan.resources())
        .filteredOn(r -> r.kind().equals("AutoScalingGroup"))
        .extracting(
            PlannedResource::name,
            PlannedResource::detail,
            r -> r.hourlyCostUsd().stripTrailingZeros())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "demo-masters", "1 x t3.medium (on demand)", new BigDecimal("0.0416")),
            org.assertj.core.groups.Tuple.tuple(
                "demo-minions", "3 x t3.medium (on demand)", new BigDecimal("0.1248")));
    assertThat(plan.resources())
        .filteredOn(r -> r.kind().equals("SecurityGroup"))
        .extracting(PlannedResource::detail)
        .contains("TCP 6443 from 203.0.113.7/32");
    // 4 x (t3.medium 0.0416 + public IPv4 0.005 + 20 GiB gp3 at 0.08/GiB-month) + zone 0.50/month +
    // parameter 0.05/month
    var expected =
        new BigDecimal("0.0416")
            .add(new BigDecimal("0.005"))
            .multiply(BigDecimal.valueOf(4))
            .add(
                new BigDecimal("6.4")
                    .add(new BigDecimal("0.55"))
                    .divide(BigDecimal.valueOf(730), 10, RoundingMode.HALF_UP));
    assertThat(plan.hourlyCostUsd())
        .isCloseTo(expected, org.assertj.core.data.Offset.offset(new BigDecimal("0.000001")));
    assertThat(plan.monthlyCostUsd()).isEqualByComparingTo("143.02");
    assertThat(plan.describe()).contains("total: 0.1959 USD/hour, 143.02 USD/month");
  }

  @Test
  void plan_namesTheDriversIdentity_andWhatTheFirstMasterInstalls_atNoCost() {
    var plan =
        Cluster.on(aws().region("us-west-2").apiAccessCidr("203.0.113.7/32"))
            .named("demo")
            .using(provider())
            .plan();

    assertThat(plan.resources())
        .filteredOn(r -> r.kind().equals("IAMRole") && r.name().startsWith("demo-master"))
        .singleElement()
        .extracting(PlannedResource::detail)
        .asString()
        .contains(
            "may manage load balancers and their security groups (the cloud controller manager"
                + " runs there)",
            "AmazonEBSCSIDriverPolicy attached (the EBS CSI controller runs there)");
    assertThat(plan.resources())
        .filteredOn(r -> r.kind().equals("ClusterAddon") || r.kind().equals("StorageClass"))
        .extracting(
            PlannedResource::kind,
            PlannedResource::name,
            PlannedResource::detail,
            PlannedResource::hourlyCostUsd)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "ClusterAddon",
                "aws-cloud-controller-manager",
                "v1.35.0 (for Kubernetes 1.35), upstream kustomize base, applied by the first"
                    + " master after Calico; on the masters, host network; Services of type"
                    + " LoadBalancer get an ELB, billed by AWS per hour and GB while it exists,"
                    + " deleted by destroy()",
                BigDecimal.ZERO),
            org.assertj.core.groups.Tuple.tuple(
                "ClusterAddon",
                "aws-ebs-csi-driver",
                "v1.49.0, upstream kustomize overlay, applied by the first master after Calico;"
                    + " controller on the masters, node plugin on the minions, host network",
                BigDecimal.ZERO),
            org.assertj.core.groups.Tuple.tuple(
                "StorageClass",
                "gp3",
                "the default: ebs.csi.aws.com, gp3, encrypted, WaitForFirstConsumer; volumes cost"
                    + " per GiB-month as claims make them",
                BigDecimal.ZERO));
    assertThat(plan.resources().get(plan.resources().size() - 1).kind()).isEqualTo("StorageClass");
  }

  @Test
  void declaresLoadBalancers_theCloudControllerManagerIsInstalled() {
    var spec = io.cncfdemo.cluster.ClusterSpec.on(aws().apiAccessCidr("203.0.113.7/32"));

    assertThat(provider().declares(spec))
        .containsExactly(io.cncfdemo.cluster.DeclaredCapability.LOAD_BALANCERS);
  }

  @Test
  void aMinorWithoutAPinnedCloudControllerManager_isRefusedByPlan_withoutAnyCall() {
    var cluster =
        Cluster.on(aws().region("us-west-2").apiAccessCidr("203.0.113.7/32"))
            .kubernetesVersion("1.36")
            .using(provider());
    var message =
        "kubernetesVersion must be one of the minors 1.30, 1.31, 1.32, 1.33, 1.34, 1.35 on aws(),"
            + " those whose AWS cloud controller manager release cncfdemo pins, was \"1.36\"";

    assertThatThrownBy(cluster::plan).isInstanceOf(InvalidInputException.class).hasMessage(message);
  }

  @Test
  void plan_withAnInstanceTypeNotInTheTable_saysSo() {
    var plan =
        Cluster.on(aws().region("eu-central-1").instanceType("x2iedn.32xlarge"))
            .using(provider())
            .plan();

    assertThat(plan.priceSource())
        .isEqualTo(
            "AWS on-demand prices, eu-central-1, table of 2026-11-01;"
                + " no price for x2iedn.32xlarge in eu-central-1, counted as 0");
    assertThat(plan.resources())
        .filteredOn(r -> r.name().equals("cncfdemo-minions"))
        .singleElement()
        .extracting(PlannedResource::hourlyCostUsd)
        .isEqualTo(BigDecimal.ZERO);
  }
}
