package io.cncfdemo.internal.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.cncfdemo.support.Backoff;
import io.cncfdemo.support.Poll;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true)
class InformersTest {
  static KubernetesClient client;

  @Test
  void current_isWhatTheServerHolds_andNullForWhatItDoesNot() {
    client.resource(configMap("here")).create();
    client.resource(new NamespaceBuilder().withNewMetadata().withName("cluster-scoped").endMetadata().build()).create();

    try (var informers = new Informers(client)) {
      assertThat(informers.current(configMap("here"))).isInstanceOf(ConfigMap.class)
          .extracting(object -> object.getMetadata().getName()).isEqualTo("here");
      assertThat(informers.current(configMap("absent"))).isNull();
      assertThat(informers.current(new NamespaceBuilder().withNewMetadata().withName("cluster-scoped").endMetadata().build()))
          .isNotNull();
    }
  }

  @Test
  void anEvent_wakesThePollThatWaitsOnIt() {
    try (var informers = new Informers(client)) {
      assertThat(informers.current(configMap("later"))).isNull();
      CompletableFuture.runAsync(() -> client.resource(configMap("later")).create());

      var seen = Poll.with(Backoff.fixed(Duration.ofMinutes(1)).deadline(Duration.ofMinutes(2))).wakeOn(informers.wakeup())
          .untilDone("the ConfigMap", () -> {
            var current = informers.current(configMap("later"));
            return current == null ? Poll.notYet("not there") : Poll.done(current);
          });

      assertThat(seen.getMetadata().getName()).as("seen through an event, not after the minute's pause").isEqualTo("later");
    }
  }

  @Test
  void endpointSlices_areThoseLabelledWithTheServicesName() {
    for (var service : new String[] {"web", "db"}) {
      client.resource(new EndpointSliceBuilder().withNewMetadata().withName(service + "-abc").withNamespace("app")
          .addToLabels(Informers.SERVICE_NAME_LABEL, service).endMetadata().withAddressType("IPv4").build()).create();
    }
    var web = new ServiceBuilder().withNewMetadata().withName("web").withNamespace("app").endMetadata().build();

    try (var informers = new Informers(client)) {
      assertThat(informers.endpointSlices(web)).extracting(slice -> slice.getMetadata().getName()).containsExactly("web-abc");
    }
  }

  private static ConfigMap configMap(String name) {
    return new ConfigMapBuilder().withNewMetadata().withName(name).withNamespace("app").endMetadata().build();
  }
}
