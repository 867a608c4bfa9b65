package io.cncfdemo.internal.deploy;

import io.cncfdemo.component.Stage;
import io.cncfdemo.demo.CompiledDemo;
import io.cncfdemo.deploy.Change;
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
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes what a demo created, stage by stage in reverse order, waiting until each stage's objects
 * are gone: only objects the demo owns (its label and field manager), plus the volume claims of its
 * StatefulSets; the namespace goes last, and only when nothing foreign is left in it.
 */
public final class Teardown {
  /** How often the objects of a stage are read again until they are gone. */
  static final Duration POLL = Duration.ofMillis(100);

  private static final Logger LOG = LoggerFactory.getLogger(Teardown.class);
  private final KubernetesClient client;
  private final DeployOptions options;
  private final Retry retry;
  private final SerialListener listener;

  public Teardown(KubernetesClient client, DeployOptions options) {
    this.client = client;
    this.options = options;
    this.retry = KubernetesClients.retry(options.attempts());
    this.listener = new SerialListener(options.listener());
  }

  /**
   * Removes the demo's objects; returns what was deleted (and, as unchanged, what was kept and why
   * it was).
   */
  public List<ObjectChange> run(String demoName, CompiledDemo demo) {
    var started = Instant.now();
    var changes = new ArrayList<ObjectChange>();
    var stages = new ArrayList<>(demo.stages());
    Collections.reverse(stages);
    for (var stage : stages) {
      var objects = new ArrayList<>(stage.objects());
      Collections.reverse(objects);
      objects.removeIf(object -> object instanceof Namespace);
      listener.stageStarted(stage.stage(), objects.stream().map(ObjectRef::of).toList());
      var stageStarted = Instant.now();
      var deleted = new ArrayList<HasMetadata>();
      for (var object : objects) {
        var current =
            retry.call("read " + ObjectRef.of(object), () -> client.resource(object).get());
        if (current == null) {
          continue;
        }
        if (!Ownership.owns(demoName, current)) {
          LOG.warn(
              "{} is not the demo's (label or field manager differ): left alone",
              ObjectRef.of(object));
          changes.add(
              new ObjectChange(
                  ObjectRef.of(object),
                  stage.stage(),
                  Change.UNCHANGED,
                  List.of("not created by the demo")));
          continue;
        }
        delete(current);
        deleted.add(current);
        if (current instanceof StatefulSet statefulSet) {
          deleted.addAll(deleteClaims(statefulSet));
        }
      }
      awaitGone(stage.stage(), deleted);
      deleted.forEach(
          object -> {
            changes.add(new ObjectChange(ObjectRef.of(object), stage.stage(), Change.DELETED));
            listener.objectDeleted(ObjectRef.of(object));
          });
      listener.stageReady(stage.stage(), Duration.between(stageStarted, Instant.now()));
    }
    deleteNamespace(demoName, demo, changes);
    listener.done(changes, Duration.between(started, Instant.now()));
    return changes;
  }

  private void deleteNamespace(String demoName, CompiledDemo demo, List<ObjectChange> changes) {
    var namespace = demo.find(Namespace.class, demo.namespace());
    if (namespace.isEmpty()) {
      return;
    }
    var current = retry.call("read namespace", () -> client.resource(namespace.get()).get());
    if (current == null) {
      return;
    }
    var ref = ObjectRef.of(current);
    var foreign = ForeignObjects.in(client, demo.namespace(), demoName);
    if (!Ownership.owns(demoName, current) || !foreign.isEmpty()) {
      var why =
          foreign.isEmpty()
              ? "not created by the demo"
              : "holds objects the demo did not create: " + foreign;
      LOG.warn("namespace {} kept: {}", demo.namespace(), why);
      changes.add(new ObjectChange(ref, Stage.FOUNDATION, Change.UNCHANGED, List.of(why)));
      return;
    }
    delete(current);
    awaitGone(Stage.FOUNDATION, List.of(current));
    changes.add(new ObjectChange(ref, Stage.FOUNDATION, Change.DELETED));
    listener.objectDeleted(ref);
  }

  private List<HasMetadata> deleteClaims(StatefulSet statefulSet) {
    var templates = statefulSet.getSpec().getVolumeClaimTemplates();
    if (templates == null || templates.isEmpty()) {
      return List.of();
    }
    var namespace = statefulSet.getMetadata().getNamespace();
    var deleted = new ArrayList<HasMetadata>();
    for (var template : templates) {
      var pattern =
          Pattern.compile(
              Pattern.quote(
                      template.getMetadata().getName() + "-" + statefulSet.getMetadata().getName())
                  + "-\\d+");
      for (PersistentVolumeClaim claim :
          client.persistentVolumeClaims().inNamespace(namespace).list().getItems()) {
        if (pattern.matcher(claim.getMetadata().getName()).matches()) {
          delete(claim);
          deleted.add(claim);
        }
      }
    }
    return deleted;
  }

  private void delete(HasMetadata object) {
    try {
      retry.call(
          "delete " + ObjectRef.of(object),
          () -> client.resource(object).withGracePeriod(0).delete());
    } catch (KubernetesClientException e) {
      if (e.getCode() != 404) {
        throw StagedDeployer.refused(ObjectRef.of(object), e);
      }
    }
  }

  private void awaitGone(Stage stage, List<HasMetadata> objects) {
    var remaining = new ArrayList<>(objects);
    try {
      Poll.with(Backoff.fixed(POLL).deadline(options.stageTimeout()))
          .ignoring(KubernetesClients::isTransient)
          .untilDone(
              "teardown of stage " + stage.label(),
              () -> {
                remaining.removeIf(object -> client.resource(object).get() == null);
                return remaining.isEmpty()
                    ? Poll.done(true)
                    : Poll.notYet("still there: " + remaining.stream().map(ObjectRef::of).toList());
              });
    } catch (WaitTimeoutException e) {
      throw new CncfDemoException(
          "teardown of stage "
              + stage.label()
              + ": still there after "
              + options.stageTimeout().toSeconds()
              + "s: "
              + remaining.stream().map(ObjectRef::of).toList(),
          e);
    }
  }
}
