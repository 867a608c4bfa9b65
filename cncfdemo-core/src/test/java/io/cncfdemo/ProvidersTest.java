package io.cncfdemo;

import static io.cncfdemo.Providers.aws;
import static io.cncfdemo.Providers.azure;
import static io.cncfdemo.Providers.bareMetal;
import static io.cncfdemo.Providers.gcp;
import static io.cncfdemo.Providers.local;
import static io.cncfdemo.Providers.packet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cncfdemo.cluster.ClusterProvider;
import io.cncfdemo.cluster.FakeClusterProvider;
import io.cncfdemo.exception.CncfDemoException;
import io.cncfdemo.exception.InvalidInputException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ProvidersTest {

  @AfterEach
  void clearOverride() {
    System.clearProperty("cncfdemo.provider.fake");
  }

  @Test
  void targets_carryTheirProviderName_andDefaults() {
    assertThat(local().providerName()).isEqualTo("local");
    assertThat(local().isExisting()).isFalse();
    assertThat(local().context("kind-kind").isExisting()).isTrue();
    assertThat(local().nodeCpu()).isEqualTo("4");
    assertThat(local().nodeCpu("3500m").nodeMemory("8Gi").nodePods(50).describe())
        .isEqualTo("local().nodeCpu(\"3500m\").nodeMemory(\"8Gi\").nodePods(50)");
    assertThat(local().metrics()).isTrue();
    assertThat(local().metrics(false).describe()).isEqualTo("local().metrics(false)");
    assertThat(aws().region()).isEqualTo("us-west-2");
    assertThat(aws().instanceType()).isEqualTo("t3.medium");
    assertThat(azure().location()).isEqualTo("westus2");
    assertThat(gcp().zone()).isEqualTo("us-central1-a");
    assertThat(bareMetal("10.0.0.1", "node2.example.com").hosts())
        .extracting("address")
        .containsExactly("10.0.0.1", "node2.example.com");
    assertThat(bareMetal("10.0.0.1").sshUser()).isEqualTo("root");
    assertThat(bareMetal("10.0.0.1").sshPort()).isEqualTo(22);
    assertThat(bareMetal("10.0.0.1").hourlyCost()).isEqualByComparingTo("0");
  }

  @Test
  void targets_describeThemselvesAsWrittenInTheDsl() {
    assertThat(local().kubeconfig(Path.of("/tmp/kc")).context("kind-kind").describe())
        .isEqualTo("local().kubeconfig(\"/tmp/kc\").context(\"kind-kind\")");
    assertThat(aws().region("eu-central-1").describe()).isEqualTo("aws().region(\"eu-central-1\")");
    assertThat(bareMetal("a", "b").describe()).isEqualTo("bareMetal(\"a\", \"b\")");
  }

  @Test
  void badTargetOptions_areRejectedWithFieldValueAndWhatIsAllowed() {
    assertThatThrownBy(() -> aws().region("mars-1"))
        .hasMessage(
            "region must be an AWS region code such as us-west-2 or eu-central-1, was \"mars-1\"");
    assertThatThrownBy(() -> aws().instanceType("big"))
        .hasMessage(
            "instanceType must be an EC2 instance type such as t3.medium or m6i.large, was"
                + " \"big\"");
    assertThatThrownBy(() -> aws().masterInstanceType("T3.MEDIUM"))
        .hasMessage(
            "masterInstanceType must be an EC2 instance type such as t3.medium or m6i.large, was"
                + " \"T3.MEDIUM\"");
    assertThatThrownBy(() -> aws().apiAccessCidr("10.0.0.300/24"))
        .hasMessage(
            "apiAccessCidr must be an IPv4 range in CIDR notation such as 203.0.113.7/32 or"
                + " 198.51.100.0/24, was \"10.0.0.300/24\"");
    assertThatThrownBy(() -> aws().apiAccessCidr("10.0.0.0/33"))
        .hasMessageEndingWith("was \"10.0.0.0/33\"");
    assertThatThrownBy(() -> azure().location("West US"))
        .hasMessage(
            "location must be an Azure location name such as westus2 or westeurope, was \"West"
                + " US\"");
    assertThatThrownBy(() -> azure().vmSize("D2s"))
        .hasMessage("vmSize must be an Azure VM size such as Standard_D2s_v5, was \"D2s\"");
    assertThatThrownBy(() -> gcp().zone("us-central1"))
        .hasMessage(
            "zone must be a Compute Engine zone such as us-central1-a or europe-west4-b, was"
                + " \"us-central1\"");
    assertThatThrownBy(() -> gcp().machineType("large"))
        .hasMessage(
            "machineType must be a Compute Engine machine type such as e2-standard-2, was"
                + " \"large\"");
    assertThatThrownBy(() -> gcp().project("P"))
        .hasMessage(
            "project must be a Google Cloud project id: 6 to 30 characters of a-z, 0-9 and '-',"
                + " starting with a letter, was \"P\"");
    assertThatThrownBy(() -> local().nodeCpu("4 cores"))
        .hasMessage(
            "nodeCpu must be a CPU quantity of whole cores or millicores, such as 4 or 3500m, was"
                + " \"4 cores\"");
    assertThatThrownBy(() -> local().nodeMemory("16GB"))
        .hasMessage(
            "nodeMemory must be a memory quantity in Ki, Mi, Gi or Ti, such as 16Gi or 512Mi, was"
                + " \"16GB\"");
    assertThatThrownBy(() -> local().nodePods(0))
        .hasMessage("nodePods must be between 1 and 1000, was 0");
    assertThatThrownBy(() -> local().context(" "))
        .hasMessage("context must be a non-empty text, was \" \"");
    assertThatThrownBy(() -> local().kubeconfig(null))
        .hasMessage("kubeconfig must be the path of a kubeconfig file, was null");
  }

  @Test
  void bareMetal_rejectsNoHostsAndBadHosts() {
    assertThatThrownBy(() -> bareMetal())
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("hosts must be at least one host name or IP address, was \"none\"");
    assertThatThrownBy(() -> bareMetal("node 1"))
        .hasMessage(
            "hosts must be a host name or an IP address such as node1.example.com or 192.0.2.10,"
                + " was \"node 1\"");
    assertThatThrownBy(() -> bareMetal("a").sshPort(0))
        .hasMessage("sshPort must be between 1 and 65535, was 0");
    assertThatThrownBy(() -> bareMetal("a").sshUser("Root!"))
        .hasMessage(
            "sshUser must be a user name of a-z, 0-9, '_' and '-', starting with a letter or '_',"
                + " was \"Root!\"");
  }

  @Test
  void packet_saysEquinixMetalShutDown_andPointsToBareMetal() {
    var shutDown =
        "Equinix Metal (formerly Packet) shut down on 2026-06-30 and its API creates nothing any"
            + " more; bareMetal(\"10.0.0.11\", \"10.0.0.12\", ...) deploys to servers from any"
            + " vendor over SSH (artifact io.cncfdemo:cncfdemo-provider-baremetal), and"
            + " bareMetal(Inventory.read(path)) to a fleet such as the former CNCF Community"
            + " Cluster";
    assertThatThrownBy(() -> packet())
        .isExactlyInstanceOf(CncfDemoException.class)
        .hasMessage(shutDown);
    assertThatThrownBy(() -> Providers.named("packet"))
        .isExactlyInstanceOf(CncfDemoException.class)
        .hasMessage(shutDown);
  }

  @Test
  void named_findsAProviderOnTheClassPath() {
    var target = Providers.named("fake");

    assertThat(target.providerName()).isEqualTo("fake");
    assertThat(target.describe()).isEqualTo("named(\"fake\")");
    assertThat(Providers.available()).extracting(ClusterProvider::name).contains("fake");
  }

  @Test
  void named_whenAKnownProviderIsMissing_namesTheArtifactThatAddsIt() {
    assertThatThrownBy(() -> Providers.named("aws"))
        .isInstanceOf(CncfDemoException.class)
        .hasMessage(
            "no cluster provider named \"aws\" is on the class path; these are: fake. Add the"
                + " dependency io.cncfdemo:cncfdemo-provider-aws (Maven:"
                + " <dependency><groupId>io.cncfdemo</groupId>"
                + "<artifactId>cncfdemo-provider-aws</artifactId></dependency>)");
  }

  @Test
  void named_whenAnUnknownName_listsWhatThereIs() {
    assertThatThrownBy(() -> Providers.named("openstack"))
        .hasMessage(
            "no cluster provider named \"openstack\" is on the class path; these are: fake. The"
                + " project publishes providers named aws, azure, baremetal, gcp, local; a provider"
                + " of another name comes from the artifact that implements it");
    assertThatThrownBy(() -> Providers.named(""))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("provider must be a non-empty text, was \"\"");
  }

  @Test
  void tie_isWonByTheHigherPriority_orByTheOverrideProperty() {
    assertThat(Providers.available())
        .filteredOn(p -> p.name().equals("fake"))
        .singleElement()
        .isInstanceOf(FakeClusterProvider.Preferred.class);

    System.setProperty("cncfdemo.provider.fake", FakeClusterProvider.class.getName());
    assertThat(Providers.available())
        .filteredOn(p -> p.name().equals("fake"))
        .singleElement()
        .isExactlyInstanceOf(FakeClusterProvider.class);

    System.setProperty("cncfdemo.provider.fake", "com.example.Nope");
    assertThatThrownBy(Providers::available)
        .hasMessageStartingWith(
            "-Dcncfdemo.provider.fake=com.example.Nope names no provider on the class path;"
                + " the candidates for \"fake\" are");
  }

  @Test
  void cluster_plansCreatesAndDestroysThroughTheProviderOfItsTarget() {
    var cluster = Cluster.on(Providers.named("fake")).minions(2).named("plan-me");

    var plan = cluster.plan();
    assertThat(plan.resources())
        .extracting("name")
        .containsExactly("plan-me-master-0", "plan-me-minion-0", "plan-me-minion-1");
    assertThat(plan.hourlyCostUsd()).isEqualByComparingTo("0.30");
    assertThat(plan.monthlyCostUsd()).isEqualByComparingTo("219.00");
    assertThat(plan.describe())
        .contains("plan-me-minion-1", "total: 0.3000 USD/hour, 219.00 USD/month (test prices)");

    var provider = new FakeClusterProvider();
    try (var running = cluster.using(provider).create()) {
      assertThat(running.spec().minions()).isEqualTo(2);
    }
    cluster.using(provider).destroy();
    assertThat(provider.calls())
        .containsExactly("create plan-me", "close plan-me", "destroy plan-me");
  }

  @Test
  void using_aProviderOfAnotherName_isRejected() {
    assertThatThrownBy(() -> Cluster.on(aws()).using(new FakeClusterProvider()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "provider must be the provider of the target aws().region(\"us-west-2\"), named"
                + " \"aws\", was \"fake\"");
  }
}
