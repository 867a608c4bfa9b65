package io.cncfdemo.internal.benchmark.controlplane;

import io.cncfdemo.benchmark.ApiLatency;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleConsumer;
import java.util.function.IntConsumer;

/**
 * Times N API requests of each kind, one after the other, as the client sees them: create, get,
 * list and delete of ConfigMaps, and a list of the namespace's pods.
 */
final class ApiLatencyProbe {
  private final KubernetesClient client;
  private final String namespace;
  private final int calls;

  ApiLatencyProbe(Scratch scratch) {
    this.client = scratch.client();
    this.namespace = scratch.namespace();
    this.calls = scratch.load().apiCalls();
  }

  List<ApiLatency> measure(DoubleConsumer fractionDone) {
    var configMaps = client.configMaps().inNamespace(namespace);
    var results = new ArrayList<ApiLatency>();
    results.add(
        time(
            "CREATE configmaps",
            i ->
                configMaps
                    .resource(
                        new ConfigMapBuilder()
                            .withNewMetadata()
                            .withName(name(i))
                            .endMetadata()
                            .addToData("n", Integer.toString(i))
                            .build())
                    .create()));
    fractionDone.accept(0.25);
    results.add(time("GET configmaps", i -> configMaps.withName(name(i)).get()));
    results.add(time("LIST configmaps", i -> configMaps.list()));
    fractionDone.accept(0.5);
    results.add(time("LIST pods", i -> client.pods().inNamespace(namespace).list()));
    results.add(time("DELETE configmaps", i -> configMaps.withName(name(i)).delete()));
    fractionDone.accept(1);
    return results;
  }

  private ApiLatency time(String call, IntConsumer request) {
    var millis = new ArrayList<Double>(calls);
    for (int i = 0; i < calls; i++) {
      long start = System.nanoTime();
      request.accept(i);
      millis.add((System.nanoTime() - start) / 1e6);
    }
    return new ApiLatency(call, NearestRank.of(millis));
  }

  private static String name(int i) {
    return String.format("api-%05d", i);
  }
}
