package io.cncfdemo.aws.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.cncfdemo.bootstrap.NodeRole;
import org.junit.jupiter.api.Test;

class ClusterNamesTest {
  @Test
  void namesDeriveFromClusterAndRegion() {
    var names = new ClusterNames("demo", "eu-west-1");

    assertThat(names.zone()).isEqualTo("demo.k8s");
    assertThat(names.mastersRecord()).isEqualTo("masters.demo.k8s");
    assertThat(names.iam("master")).isEqualTo("demo-master-eu-west-1");
    assertThat(names.iamPath()).isEqualTo("/cncfdemo/eu-west-1/demo/");
    assertThat(names.parameter("join-token")).isEqualTo("/cncfdemo/demo/join-token");
    assertThat(names.autoScalingGroup(NodeRole.MINION)).isEqualTo("demo-minions");
  }

  @Test
  void longNames_areShortenedWithAHash_withinAwsLimits_andStayDistinct() {
    var longName = "a".repeat(63);
    var names = new ClusterNames(longName, "ap-southeast-2");
    var other = new ClusterNames("a".repeat(62) + "b", "ap-southeast-2");

    assertThat(names.iam("dns-updater"))
        .hasSizeLessThanOrEqualTo(64)
        .endsWith("-dns-updater-ap-southeast-2")
        .isNotEqualTo(other.iam("dns-updater"));
    assertThat(names.dnsUpdaterFunction()).hasSizeLessThanOrEqualTo(64).endsWith("-dns-updater");
    assertThat(names.autoScalingEventsRule()).hasSizeLessThanOrEqualTo(64);
  }
}
