package io.cncfdemo.apps;

import static io.cncfdemo.apps.Apps.boinc;
import static io.cncfdemo.apps.Apps.countly;
import static io.cncfdemo.apps.Apps.grafana;
import static io.cncfdemo.apps.Apps.mongoSharded;
import static io.cncfdemo.apps.Apps.prometheus;
import static io.cncfdemo.apps.Apps.pushgateway;
import static org.assertj.core.api.Assertions.assertThat;

import io.cncfdemo.component.Need;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What each app needs of the cluster, with the fix its preflight finding names. */
class ClusterNeedsTest {
  private static final String VOLUMES = "add localPathStorage() or pass .storageClass(\"gp3\")";
  private static final String METRICS = "add metricsServer() to the demo";
  private static final String INGRESS = "add ingressNginx() to the demo or pass .ingressClass(..)";

  @Test
  void volumes_ofTheDefaultClass_orOfTheOneGiven() {
    assertThat(mongoSharded(3).needs()).containsExactly(Need.volumes(Optional.empty(), VOLUMES));
    assertThat(mongoSharded(3).storageClass("gp3").needs())
        .containsExactly(Need.volumes(Optional.of("gp3"), VOLUMES));
    assertThat(prometheus().needs()).containsExactly(Need.volumes(Optional.empty(), VOLUMES));
    assertThat(prometheus().storageClass("fast").needs())
        .containsExactly(Need.volumes(Optional.of("fast"), VOLUMES));
  }

  @Test
  void countly_needsTheMetricsApi_andAnIngressClass_andTheCustomMetricsApiOnlyWhenItScalesOnOne() {
    assertThat(countly().needs())
        .containsExactly(Need.metricsApi(METRICS), Need.ingressClass(Optional.empty(), INGRESS));
    assertThat(countly().ingressClass("traefik").customMetricAutoscaling("rps", "50").needs())
        .containsExactly(
            Need.metricsApi(METRICS),
            Need.customMetricsApi(
                "install a custom metrics adapter (prometheus-adapter) or drop"
                    + " customMetricAutoscaling(..)"),
            Need.ingressClass(Optional.of("traefik"), INGRESS));
    assertThat(grafana().needs()).containsExactly(Need.ingressClass(Optional.empty(), INGRESS));
  }

  @Test
  void appsWithoutVolumesOrIngress_needNothing() {
    assertThat(boinc().needs()).isEmpty();
    assertThat(pushgateway().needs()).isEmpty();
  }
}
