package io.cncfdemo.internal.deploy;

import io.cncfdemo.component.Stage;
import io.cncfdemo.demo.CompiledDemo;
import io.cncfdemo.deploy.Change;
import io.cncfdemo.deploy.DeployException;
import io.cncfdemo.deploy.DeployOptions;
import io.cncfdemo.deploy.ObjectChange;
import io.cncfdemo.deploy.ObjectRef;
import io.cncfdemo.exception.CncfDemoException;
import io.cncfdemo.support.Backoff;
import io.cncfdemo.support.KubernetesClients;
import io.cncfdemo.support.Poll;
import io.cncfdemo.support.Retry;
import io.cncfdemo.support.WaitTimeoutException;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.HttpURLConnection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * Applies a compiled demo stage by stage: the objects of a stage in parallel (bounded) with
 * server-side apply as one field manager, then waits until every object of the stage is ready
 * before the next stage starts. Readiness is seen through informers when it happens (re-checked
 * every {@link #RECHECK} besides). Requests the API server could not answer are retried with
 * backoff; an apply that changes nothing is reported as unchanged.
 */
public final class StagedDeployer {
  /** The field manager of every apply the library makes. */
  public static final String FIELD_MANAGER = "cncfdemo";

  /** How often the readiness of a stage is looked at again when no informer event came. */
  static final Duration RECHECK = Duration.ofSeconds(1);

  private final KubernetesClient client;
  private final DeployOptions options;
  private final Retry retry;
  private final SerialListener listener;

  public StagedDeployer(KubernetesClient client, DeployOptions options) {
    this.client = client;
    this.options = options;
    this.retry = KubernetesClients.retry(options.attempts());
    this.listener = new SerialListener(options.listener());
  }

  /** Deploys the demo and returns what changed, object by object, in apply order. */
  public List<ObjectChange> deploy(CompiledDemo demo) {
    var started = Instant.now();
    var changes = new ArrayList<ObjectChange>();
    var informers = new Informers(client);
    ExecutorService executor =
        Executors.newFixedThreadPool(
            options.parallelism(),
            runnable -> {
              var thread = new Thread(runnable, "cncfdemo-deploy");
              thread.setDaemon(true);
              return thread;
            });
    try {
      if (options.waitForReadiness()) {
        prepare(demo, informers);
      }
      var templates = new ArrayList<Map<String, String>>();
      var autoscaled = AutoscaledReplicas.of(demo.objects());
      for (var stage : demo.stages()) {
        var stageStarted = Instant.now();
        listener.stageStarted(stage.stage(), stage.objects().stream().map(ObjectRef::of).toList());
        var applied = new ArrayList<HasMetadata>();
        // Namespaces first, one by one: the stage's other objects may live in them (a cluster
        // add-on's own namespace).
        for (var object : stage.objects()) {
          if (object instanceof Namespace) {
            var result = apply(object, stage.stage(), autoscaled);
            changes.add(result.change());
            applied.add(result.object());
          }
        }
        var futures = new ArrayList<Future<Applied>>();
        for (var object : stage.objects()) {
          if (!(object instanceof Namespace)) {
            futures.add(executor.submit(() -> apply(object, stage.stage(), autoscaled)));
          }
        }
        for (var future : futures) {
          var result = result(future);
          changes.add(result.change());
          applied.add(result.object());
        }
        stage
            .objects()
            .forEach(object -> podTemplate(object).ifPresent(labels -> templates.add(labels)));
        if (options.waitForReadiness()) {
          awaitReady(stage.stage(), applied, templates, informers);
        }
        listener.stageReady(stage.stage(), Duration.between(stageStarted, Instant.now()));
      }
    } finally {
      executor.shutdownNow();
      informers.close();
    }
    listener.done(changes, Duration.between(started, Instant.now()));
    return changes;
  }

  /**
   * Starts the informers of every kind the stage gates will wait for, so that they have listed when
   * a gate looks.
   */
  private static void prepare(CompiledDemo demo, Informers informers) {
    var templates =
        demo.objects().stream().flatMap(object -> podTemplate(object).stream()).toList();
    for (var object : demo.objects()) {
      boolean servesPods = object instanceof Service service && selectsPods(service, templates);
      if (Readiness.needsWaiting(object, servesPods)) {
        informers.prepare(object);
      }
      if (servesPods) {
        informers.prepareEndpointSlices(object.getMetadata().getNamespace());
      }
    }
  }

  private Applied apply(HasMetadata object, Stage stage, AutoscaledReplicas autoscaled) {
    var ref = ObjectRef.of(object);
    var existing = retry.call("read " + ref, () -> client.resource(object).get());
    if (existing != null && CreateOnly.applies(object)) {
      var kept = new ObjectChange(ref, stage, Change.UNCHANGED);
      listener.objectApplied(kept);
      return new Applied(kept, existing);
    }
    HasMetadata applied;
    try {
      applied =
          retry.call(
              "apply " + ref,
              () ->
                  client
                      .resource(object)
                      .fieldManager(FIELD_MANAGER)
                      .forceConflicts()
                      .serverSideApply());
    } catch (KubernetesClientException e) {
      if (e.getCode() != HttpURLConnection.HTTP_NOT_FOUND || existing != null) {
        throw refused(ref, e);
      }
      applied = createInstead(object, ref, e);
    }
    Change change;
    if (existing == null) {
      change = Change.CREATED;
      var created = object;
      retry.call(
          "scale " + ref,
          () -> {
            autoscaled.startAt(client, created);
            return created;
          });
    } else {
      change =
          Objects.equals(
                  existing.getMetadata().getResourceVersion(),
                  applied.getMetadata().getResourceVersion())
              ? Change.UNCHANGED
              : Change.CONFIGURED;
    }
    var result = new ObjectChange(ref, stage, change);
    listener.objectApplied(result);
    return new Applied(result, applied);
  }

  /** What an apply did, and the object as the API server answered it. */
  private record Applied(ObjectChange change, HasMetadata object) {}

  /**
   * A real API server creates a missing object on apply; a server without apply-create (fabric8's
   * mock, some proxies) answers 404, so the object is created the ordinary way. Where the 404 meant
   * something else (a missing namespace), the create fails too and the apply's error is reported.
   */
  private HasMetadata createInstead(
      HasMetadata object, ObjectRef ref, KubernetesClientException applyError) {
    try {
      return retry.call("create " + ref, () -> client.resource(object).create());
    } catch (KubernetesClientException createError) {
      applyError.addSuppressed(createError);
      throw refused(ref, applyError);
    }
  }

  private void awaitReady(
      Stage stage,
      List<HasMetadata> applied,
      List<Map<String, String>> templates,
      Informers informers) {
    var pending = new LinkedHashMap<ObjectRef, HasMetadata>();
    for (var object : applied) {
      if (Readiness.needsWaiting(
          object, object instanceof Service service && selectsPods(service, templates))) {
        pending.put(ObjectRef.of(object), object);
      } else {
        listener.objectReady(ObjectRef.of(object));
      }
    }
    if (pending.isEmpty()) {
      return;
    }
    var reasons = new LinkedHashMap<ObjectRef, String>();
    try {
      Poll.with(Backoff.fixed(RECHECK).deadline(options.stageTimeout()))
          .wakeOn(informers.wakeup())
          .ignoring(KubernetesClients::isTransient)
          .untilDone("stage " + stage.label(), () -> look(stage, pending, reasons, informers));
    } catch (WaitTimeoutException e) {
      throw timedOut(stage, pending, reasons);
    }
  }

  /**
   * One look at the objects of a stage not yet ready; tells the listener what became ready or waits
   * for another reason.
   */
  private Poll.Result<Boolean> look(
      Stage stage,
      Map<ObjectRef, HasMetadata> pending,
      Map<ObjectRef, String> reasons,
      Informers informers) {
    for (var entry : new ArrayList<>(pending.entrySet())) {
      var current = newer(informers.current(entry.getValue()), entry.getValue());
      var state = Readiness.of(current, informers::endpointSlices);
      if (state instanceof Readiness.Ready) {
        pending.remove(entry.getKey());
        reasons.remove(entry.getKey());
        listener.objectReady(entry.getKey());
      } else if (state instanceof Readiness.Failed failed) {
        throw new DeployException(
            "stage "
                + stage.label()
                + " failed: "
                + entry.getKey()
                + ": "
                + failed.reason()
                + explain(current),
            List.of(entry.getKey()));
      } else if (state instanceof Readiness.Waiting waiting
          && !waiting.reason().equals(reasons.put(entry.getKey(), waiting.reason()))) {
        listener.waiting(entry.getKey(), waiting.reason());
      }
    }
    return pending.isEmpty() ? Poll.done(true) : Poll.notYet(pending.size() + " objects not ready");
  }

  /**
   * The informer's copy unless the apply's answer is newer: an informer that runs since an earlier
   * stage may not have seen the apply yet, and its older copy (whose controller had caught up with
   * the old spec) must not count as ready.
   */
  static HasMetadata newer(HasMetadata cached, HasMetadata applied) {
    if (cached == null) {
      return applied;
    }
    var cachedGeneration = cached.getMetadata().getGeneration();
    var appliedGeneration = applied.getMetadata().getGeneration();
    return cachedGeneration != null
            && appliedGeneration != null
            && cachedGeneration < appliedGeneration
        ? applied
        : cached;
  }

  private DeployException timedOut(
      Stage stage, Map<ObjectRef, HasMetadata> pending, Map<ObjectRef, String> reasons) {
    var message =
        new StringBuilder("stage ")
            .append(stage.label())
            .append(" is not ready after ")
            .append(options.stageTimeout().toSeconds())
            .append("s; the cluster is left as it is for inspection. Not ready:");
    pending.forEach(
        (ref, object) -> {
          message
              .append("\n- ")
              .append(ref)
              .append(": ")
              .append(reasons.getOrDefault(ref, "not ready"));
          var current = client.resource(object).get();
          if (current != null) {
            message.append(explain(current));
          }
        });
    return new DeployException(message.toString(), List.copyOf(pending.keySet()));
  }

  private String explain(HasMetadata current) {
    var lines = Diagnosis.of(client, current);
    return lines.isEmpty()
        ? ""
        : lines.stream().map(line -> "\n    " + line).collect(Collectors.joining());
  }

  private static boolean selectsPods(Service service, List<Map<String, String>> templates) {
    var selector = service.getSpec() == null ? null : service.getSpec().getSelector();
    return selector != null
        && !selector.isEmpty()
        && templates.stream()
            .anyMatch(labels -> labels.entrySet().containsAll(selector.entrySet()));
  }

  private static java.util.Optional<Map<String, String>> podTemplate(HasMetadata object) {
    PodTemplateSpec template = null;
    if (object instanceof Deployment deployment) {
      template = deployment.getSpec().getTemplate();
    } else if (object instanceof StatefulSet statefulSet) {
      template = statefulSet.getSpec().getTemplate();
    } else if (object instanceof DaemonSet daemonSet) {
      template = daemonSet.getSpec().getTemplate();
    } else if (object instanceof Job job) {
      template = job.getSpec().getTemplate();
    }
    return java.util.Optional.ofNullable(template)
        .map(PodTemplateSpec::getMetadata)
        .map(m -> m.getLabels())
        .filter(Objects::nonNull);
  }

  private static Applied result(Future<Applied> future) {
    try {
      return future.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new CncfDemoException("apply failed: " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CncfDemoException("interrupted while applying", e);
    }
  }

  static CncfDemoException refused(ObjectRef ref, KubernetesClientException e) {
    return new CncfDemoException(
        "the API server refused "
            + ref
            + " ("
            + KubernetesClients.describe(e)
            + "): "
            + e.getMessage(),
        e);
  }
}
