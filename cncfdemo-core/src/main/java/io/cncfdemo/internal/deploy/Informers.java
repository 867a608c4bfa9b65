package io.cncfdemo.internal.deploy;

import io.cncfdemo.exception.CncfDemoException;
import io.cncfdemo.support.Wakeup;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * What the API server holds of some kinds, as informers see it: one informer per kind and
 * namespace, started ahead ({@link #prepare}) or on first use, and listed before it answers; each
 * event {@link Wakeup#signal() signals} the wakeup that the waiting {@code Poll} is woken by. So a
 * wait sees a change when it happens, without reading each object again. An informer that failed to
 * start or stopped is started again on the next look. Used by one thread at a time; {@link
 * #close()} stops every informer.
 */
final class Informers implements AutoCloseable {
  static final String SERVICE_NAME_LABEL = "kubernetes.io/service-name";

  private final KubernetesClient client;
  private final Wakeup wakeup = new Wakeup();
  private final Map<Key, Started<? extends HasMetadata>> informers = new LinkedHashMap<>();
  private final ResourceEventHandler<HasMetadata> signal =
      new ResourceEventHandler<>() {
        @Override
        public void onAdd(HasMetadata object) {
          wakeup.signal();
        }

        @Override
        public void onUpdate(HasMetadata before, HasMetadata after) {
          wakeup.signal();
        }

        @Override
        public void onDelete(HasMetadata object, boolean finalStateUnknown) {
          wakeup.signal();
        }
      };

  Informers(KubernetesClient client) {
    this.client = client;
  }

  /** Signalled on every event of every informer. */
  Wakeup wakeup() {
    return wakeup;
  }

  /**
   * Starts the informer of {@code object}'s kind and namespace, without waiting until it has
   * listed.
   */
  void prepare(HasMetadata object) {
    started(object.getClass(), object.getMetadata().getNamespace());
  }

  /**
   * Starts the informer of EndpointSlices in {@code namespace}, without waiting until it has
   * listed.
   */
  void prepareEndpointSlices(String namespace) {
    started(EndpointSlice.class, namespace);
  }

  /**
   * The object as the informer of its kind last saw it; {@code null} when the cluster has no such
   * object.
   */
  HasMetadata current(HasMetadata object) {
    var namespace = object.getMetadata().getNamespace();
    var key =
        namespace == null
            ? object.getMetadata().getName()
            : Cache.namespaceKeyFunc(namespace, object.getMetadata().getName());
    return informer(object.getClass(), namespace).getStore().getByKey(key);
  }

  /** The EndpointSlices of {@code service}, as the informer of its namespace last saw them. */
  List<EndpointSlice> endpointSlices(Service service) {
    var name = service.getMetadata().getName();
    return informer(EndpointSlice.class, service.getMetadata().getNamespace())
        .getStore()
        .list()
        .stream()
        .filter(
            slice ->
                slice.getMetadata().getLabels() != null
                    && name.equals(slice.getMetadata().getLabels().get(SERVICE_NAME_LABEL)))
        .toList();
  }

  /** The informer of {@code type} in {@code namespace}, once it has listed. */
  private <T extends HasMetadata> SharedIndexInformer<T> informer(Class<T> type, String namespace) {
    var started = started(type, namespace);
    try {
      started.listed().get();
      return started.informer();
    } catch (ExecutionException e) {
      informers.remove(new Key(type, namespace)).informer().stop();
      throw e.getCause() instanceof KubernetesClientException failure
          ? failure
          : new KubernetesClientException(
              "could not list " + type.getSimpleName() + ": " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CncfDemoException("interrupted while listing " + type.getSimpleName(), e);
    }
  }

  @SuppressWarnings("unchecked")
  private <T extends HasMetadata> Started<T> started(Class<T> type, String namespace) {
    var key = new Key(type, namespace);
    var started = (Started<T>) informers.get(key);
    if (started != null && (!started.listed().isDone() || started.informer().isRunning())) {
      return started;
    }
    if (started != null) {
      started.informer().stop();
    }
    var operation = client.resources(type);
    var informer =
        (namespace == null ? operation.inAnyNamespace() : operation.inNamespace(namespace))
            .runnableInformer(0);
    informer.addEventHandler(signal);
    started = new Started<>(informer, informer.start().toCompletableFuture());
    informers.put(key, started);
    return started;
  }

  /**
   * Whether every informer has listed and has its watch open, so that it sees each change from now
   * on.
   */
  boolean watching() {
    return informers.values().stream()
        .allMatch(started -> started.listed().isDone() && started.informer().isWatching());
  }

  @Override
  public void close() {
    informers.values().forEach(started -> started.informer().stop());
    informers.clear();
  }

  /** An informer and its first list. */
  private record Started<T extends HasMetadata>(
      SharedIndexInformer<T> informer, CompletableFuture<Void> listed) {}

  private record Key(Class<?> type, String namespace) {
    Key {
      Objects.requireNonNull(type, "type");
    }
  }
}
