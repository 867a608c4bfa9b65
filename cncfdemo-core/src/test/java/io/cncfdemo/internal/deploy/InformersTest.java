package io.cncfdemo.internal.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.cncfdemo.support.Backoff;
import io.cncfdemo.support.Poll;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * Informers against fabric8's mock API server. Each test starts its informers before it creates the
 * objects they should see, and closes them once it has seen them: the mock stalls its shutdown for
 * a minute when a watch is closed while it still sends an event (as it does, on opening a watch,
 * for each object already there).
 */
@EnableKubernetesMockClient(crud = true)
class InformersTest {
  static KubernetesClient client;

  @Test
  void current_isWhatTheServerHolds_andNullForWhatItDoesNot() {
    try (var informers = new Informers(client)) {
      assertThat(informers.current(configMap("current", "here"))).isNull();
      assertThat(informers.current(namespace("cluster-scoped"))).isNull();
      awaitWatching(informers);

      client.resource(configMap("current", "here")).create();
      client.resource(namespace("cluster-scoped")).create();
      await(
          informers,
          () ->
              informers.current(configMap("current", "here")) != null
                  && informers.current(namespace("cluster-scoped")) != null);

      assertThat(informers.current(configMap("current", "here")))
          .isInstanceOf(ConfigMap.class)
          .extracting(object -> object.getMetadata().getName())
          .isEqualTo("here");
      assertThat(informers.current(configMap("current", "absent"))).isNull();
      assertThat(informers.current(namespace("cluster-scoped"))).isInstanceOf(Namespace.class);
    }
  }

  @Test
  void anEvent_wakesThePollThatWaitsOnIt() {
    try (var informers = new Informers(client)) {
      assertThat(informers.current(configMap("event", "later"))).isNull();
      var creating =
          CompletableFuture.runAsync(() -> client.resource(configMap("event", "later")).create());

      var seen =
          Poll.with(Backoff.fixed(Duration.ofMinutes(1)).deadline(Duration.ofMinutes(2)))
              .wakeOn(informers.wakeup())
              .untilDone(
                  "the ConfigMap",
                  () -> {
                    var current = informers.current(configMap("event", "later"));
                    return current == null ? Poll.notYet("not there") : Poll.done(current);
                  });

      assertThat(seen.getMetadata().getName())
          .as("seen through an event, not after the minute's pause")
          .isEqualTo("later");
      creating.join();
    }
  }

  @Test
  void endpointSlices_areThoseLabelledWithTheServicesName() {
    var web =
        new ServiceBuilder()
            .withNewMetadata()
            .withName("web")
            .withNamespace("slices")
            .endMetadata()
            .build();
    var db =
        new ServiceBuilder()
            .withNewMetadata()
            .withName("db")
            .withNamespace("slices")
            .endMetadata()
            .build();
    try (var informers = new Informers(client)) {
      assertThat(informers.endpointSlices(web)).isEmpty();
      awaitWatching(informers);

      for (var service : new String[] {"web", "db"}) {
        client
            .resource(
                new EndpointSliceBuilder()
                    .withNewMetadata()
                    .withName(service + "-abc")
                    .withNamespace("slices")
                    .addToLabels(Informers.SERVICE_NAME_LABEL, service)
                    .endMetadata()
                    .withAddressType("IPv4")
                    .build())
            .create();
      }
      await(
          informers,
          () ->
              !informers.endpointSlices(web).isEmpty() && !informers.endpointSlices(db).isEmpty());

      assertThat(informers.endpointSlices(web))
          .extracting(slice -> slice.getMetadata().getName())
          .containsExactly("web-abc");
    }
  }

  /** Waits until every informer has its watch open. */
  static void awaitWatching(Informers informers) {
    Poll.with(Backoff.fixed(Duration.ofMillis(10)).deadline(Duration.ofSeconds(30)))
        .until("the informers' watches", informers::watching);
  }

  private static void await(Informers informers, BooleanSupplier seen) {
    Poll.with(Backoff.fixed(Duration.ofSeconds(1)).deadline(Duration.ofSeconds(30)))
        .wakeOn(informers.wakeup())
        .until("the informers to see the objects", seen);
  }

  private static ConfigMap configMap(String namespace, String name) {
    return new ConfigMapBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(namespace)
        .endMetadata()
        .build();
  }

  private static Namespace namespace(String name) {
    return new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build();
  }
}
