package io.cncfdemo.apps;

import static io.cncfdemo.apps.Apps.boinc;
import static io.cncfdemo.apps.Apps.grafana;
import static io.cncfdemo.apps.Apps.ingressNginx;
import static io.cncfdemo.apps.Apps.localPathStorage;
import static io.cncfdemo.apps.Apps.metricsServer;
import static io.cncfdemo.apps.Apps.mongoSharded;
import static io.cncfdemo.apps.Apps.prometheus;
import static io.cncfdemo.apps.Apps.pushgateway;
import static io.cncfdemo.apps.Apps.wrk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cncfdemo.apps.common.Imaged;
import io.cncfdemo.apps.common.Resources;
import io.cncfdemo.apps.common.Sized;
import io.cncfdemo.exception.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code image(..)} and {@code resources(..)} mean the same on every app that has them. */
class CapabilityInterfacesTest {
  private static final List<Imaged<?>> IMAGED =
      List.of(
          wrk("http://countly-api:3001/o/ping"),
          boinc(),
          prometheus(),
          grafana(),
          pushgateway(),
          mongoSharded(1),
          metricsServer(),
          ingressNginx(),
          localPathStorage());
  private static final List<Sized<?>> SIZED =
      List.of(
          wrk("http://countly-api:3001/o/ping"),
          boinc(),
          prometheus(),
          grafana(),
          pushgateway(),
          metricsServer(),
          ingressNginx(),
          localPathStorage());

  @Test
  void image_isPinned_andReplacesTheDefault() {
    for (var app : IMAGED) {
      assertThat(((Imaged<?>) app.image("registry.local:5000/mirror:1.2")).image())
          .as("%s", app)
          .isEqualTo("registry.local:5000/mirror:1.2");
      assertThatThrownBy(() -> app.image("mirror:latest"))
          .as("%s", app)
          .isInstanceOf(InvalidInputException.class)
          .hasMessage(
              "image must be an image pinned to a version tag or a digest, such as mongo:7.0.14"
                  + " (not :latest), was \"mirror:latest\"");
    }
  }

  @Test
  void resources_replaceTheDefault_andAreRequired() {
    var resources = Resources.requests("100m", "64Mi").limits("1", "256Mi");
    for (var app : SIZED) {
      assertThat(app.resources()).as("%s", app).isNotEqualTo(resources);
      assertThat(((Sized<?>) app.resources(resources)).resources())
          .as("%s", app)
          .isEqualTo(resources);
      assertThatThrownBy(() -> app.resources(null))
          .as("%s", app)
          .isInstanceOf(InvalidInputException.class)
          .hasMessage("resources must be CPU and memory, was null");
    }
  }
}
