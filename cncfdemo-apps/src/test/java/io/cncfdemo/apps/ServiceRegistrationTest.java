package io.cncfdemo.apps;

import static org.assertj.core.api.Assertions.assertThat;

import io.cncfdemo.apps.monitoring.MonitoringDefaults;
import io.cncfdemo.component.ComponentDefaults;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class ServiceRegistrationTest {

  @Test
  void everyMetaInfServicesEntry_loads() {
    var defaults =
        ServiceLoader.load(ComponentDefaults.class).stream()
            .map(ServiceLoader.Provider::get)
            .toList();

    assertThat(defaults).hasAtLeastOneElementOfType(MonitoringDefaults.class);
    var monitoring =
        defaults.stream().filter(MonitoringDefaults.class::isInstance).findFirst().orElseThrow();
    assertThat(monitoring.group()).isEqualTo("monitoring");
    assertThat(monitoring.components())
        .extracting(io.cncfdemo.component.Component::name)
        .containsExactly("prometheus", "pushgateway", "grafana");
    assertThat(monitoring.components()).allSatisfy(c -> assertThat(c.adds()).isEmpty());
    var addons =
        defaults.stream()
            .filter(io.cncfdemo.apps.addons.AddonDefaults.class::isInstance)
            .findFirst()
            .orElseThrow();
    assertThat(addons.group()).isEqualTo("addons");
    assertThat(addons.components())
        .extracting(io.cncfdemo.component.Component::name)
        .containsExactly("metrics-server", "ingress-nginx", "local-path-provisioner");
    assertThat(addons.components()).allSatisfy(c -> assertThat(c.adds()).isNotEmpty());
  }
}
