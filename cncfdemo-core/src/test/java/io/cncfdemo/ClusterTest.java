package io.cncfdemo;

import static io.cncfdemo.Providers.aws;
import static io.cncfdemo.Providers.local;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cncfdemo.cluster.ClusterSpec;
import io.cncfdemo.exception.InvalidInputException;
import org.junit.jupiter.api.Test;

class ClusterTest {

  @Test
  void defaults_areOneMasterThreeMinionsNamedCncfdemo() {
    var spec = Cluster.on(local()).spec();

    assertThat(spec.name()).isEqualTo("cncfdemo");
    assertThat(spec.masters()).isEqualTo(1);
    assertThat(spec.minions()).isEqualTo(3);
    assertThat(spec.nodes()).isEqualTo(4);
    assertThat(spec.kubernetesVersion()).isEqualTo(ClusterSpec.DEFAULT_KUBERNETES_VERSION);
    assertThat(spec.target().providerName()).isEqualTo("local");
  }

  @Test
  void chain_returnsNewValues_andLeavesTheOriginalAlone() {
    var base = Cluster.on(aws().region("eu-west-1"));
    var big = base.minions(5).masters(3).named("demo").kubernetesVersion("v1.33.2");

    assertThat(base.spec().minions()).isEqualTo(3);
    assertThat(big.spec().minions()).isEqualTo(5);
    assertThat(big.spec().masters()).isEqualTo(3);
    assertThat(big.spec().name()).isEqualTo("demo");
    assertThat(big.spec().kubernetesVersion()).isEqualTo("1.33.2");
    assertThat(big)
        .isNotEqualTo(base)
        .isEqualTo(base.minions(5).masters(3).named("demo").kubernetesVersion("1.33.2"));
    assertThat(big)
        .hasToString(
            "Cluster.on(aws().region(\"eu-west-1\")).named(\"demo\").masters(3).minions(5).kubernetesVersion(\"1.33.2\")");
  }

  @Test
  void minions_whenZero_isRejected() {
    assertThatThrownBy(() -> Cluster.on(local()).minions(0))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("minions must be between 1 and 1000, was 0")
        .extracting("field", "value", "allowed")
        .containsExactly("minions", "0", "between 1 and 1000");
  }

  @Test
  void minions_whenAboveTheLimit_isRejected() {
    assertThatThrownBy(() -> Cluster.on(local()).minions(1001))
        .hasMessage("minions must be between 1 and 1000, was 1001");
  }

  @Test
  void masters_whenZeroOrTooMany_isRejected() {
    assertThatThrownBy(() -> Cluster.on(local()).masters(0))
        .hasMessage("masters must be between 1 and 7, was 0");
    assertThatThrownBy(() -> Cluster.on(local()).masters(8))
        .hasMessage("masters must be between 1 and 7, was 8");
  }

  @Test
  void name_whenNotAnRfc1123Label_isRejected() {
    for (var bad : new String[] {"Demo", "demo_1", "-demo", "demo-", "", "a".repeat(64), "de.mo"}) {
      assertThatThrownBy(() -> Cluster.on(local()).named(bad))
          .isInstanceOf(InvalidInputException.class)
          .hasMessage(
              "name must be a lowercase RFC 1123 label: 1 to 63 characters of a-z, 0-9 and '-',"
                  + " starting and ending with a letter or digit, was \""
                  + bad
                  + "\"");
    }
    assertThatThrownBy(() -> Cluster.on(local()).named(null)).hasMessageEndingWith(", was null");
  }

  @Test
  void kubernetesVersion_whenMalformedOrOutOfRange_isRejected() {
    for (var bad : new String[] {"latest", "1", "2.0", "1.29", "1.38", "1.34.x"}) {
      assertThatThrownBy(() -> Cluster.on(local()).kubernetesVersion(bad))
          .isInstanceOf(InvalidInputException.class)
          .hasMessage(
              "kubernetesVersion must be a Kubernetes version 1.30 to 1.37, written as 1.N or"
                  + " 1.N.P, was \""
                  + bad
                  + "\"");
    }
  }

  @Test
  void on_withoutTarget_isRejected() {
    assertThatThrownBy(() -> Cluster.on(null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("target must be a target such as local() or aws(), was null");
  }

  @Test
  void reportingTo_handsEveryListenerToTheProvider_andAProviderWithoutStepsIsLeftAsItIs() {
    var first = new java.util.ArrayList<String>();
    var second = new java.util.ArrayList<String>();

    Cluster.on(aws())
        .named("demo")
        .using(new Stepping(message -> {}))
        .reportingTo(first::add)
        .reportingTo(second::add)
        .destroy();

    assertThat(first).containsExactly("deleting the VPC of demo");
    assertThat(second).containsExactly("deleting the VPC of demo");
    var quiet = new io.cncfdemo.cluster.FakeClusterProvider();
    assertThat(quiet.reportingTo(first::add)).isSameAs(quiet);
  }

  /** A provider that tells one step of its destroy. */
  private record Stepping(java.util.function.Consumer<String> progress)
      implements io.cncfdemo.cluster.ClusterProvider {
    @Override
    public String name() {
      return "aws";
    }

    @Override
    public String description() {
      return "tells its steps";
    }

    @Override
    public io.cncfdemo.cluster.ProvisioningPlan plan(ClusterSpec spec) {
      throw new UnsupportedOperationException("not planned here");
    }

    @Override
    public io.cncfdemo.cluster.RunningCluster create(ClusterSpec spec) {
      throw new UnsupportedOperationException("not created here");
    }

    @Override
    public void destroy(ClusterSpec spec) {
      progress.accept("deleting the VPC of " + spec.name());
    }

    @Override
    public io.cncfdemo.cluster.ClusterProvider reportingTo(
        java.util.function.Consumer<String> listener) {
      return new Stepping(progress.andThen(listener));
    }
  }
}
