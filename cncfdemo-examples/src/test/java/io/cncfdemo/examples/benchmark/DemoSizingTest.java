package io.cncfdemo.examples.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cncfdemo.Demo;
import io.cncfdemo.apps.boinc.Boinc;
import io.cncfdemo.apps.countly.Countly;
import io.cncfdemo.apps.mongo.MongoSharded;
import io.cncfdemo.exception.InvalidInputException;
import org.junit.jupiter.api.Test;

class DemoSizingTest {

  @Test
  void forMinions_1000_isTheCommunityClusterDemo_20Replicas_10Shards_boincOnEveryMinion() {
    var demo = DemoSizing.forMinions(1000);

    assertThat(component(demo, Countly.class).replicas()).isEqualTo(20);
    assertThat(component(demo, Countly.class).maxReplicas()).isEqualTo(40);
    assertThat(component(demo, MongoSharded.class).shards()).isEqualTo(10);
    assertThat(component(demo, Boinc.class).replicas()).isEmpty();
  }

  @Test
  void forMinions_small_keepsTheDemosMinimum_andLarge_staysWithinTheAppsLimits() {
    assertThat(DemoSizing.countlyReplicas(3)).isEqualTo(3);
    assertThat(DemoSizing.shards(3)).isEqualTo(3);
    assertThat(DemoSizing.countlyReplicas(250)).isEqualTo(5);
    assertThat(DemoSizing.shards(450)).isEqualTo(4);
    assertThat(component(DemoSizing.forMinions(3), Countly.class).maxReplicas())
        .isEqualTo(Countly.DEFAULT_MAX_REPLICAS);
  }

  @Test
  void forMinions_outOfRange_isRejected() {
    assertThatThrownBy(() -> DemoSizing.forMinions(0))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("minions must be between 1 and 1000, was 0");
  }

  private static <T> T component(Demo demo, Class<T> type) {
    return demo.components().stream()
        .filter(type::isInstance)
        .map(type::cast)
        .findFirst()
        .orElseThrow();
  }
}
