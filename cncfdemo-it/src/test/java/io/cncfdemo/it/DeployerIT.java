package io.cncfdemo.it;

import static io.cncfdemo.apps.Apps.boinc;
import static io.cncfdemo.apps.Apps.countly;
import static io.cncfdemo.apps.Apps.mongo;
import static io.cncfdemo.apps.Apps.mongoSharded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cncfdemo.Demo;
import io.cncfdemo.apps.common.Resources;
import io.cncfdemo.cluster.RunningCluster;
import io.cncfdemo.component.Stage;
import io.cncfdemo.deploy.Change;
import io.cncfdemo.deploy.DeployException;
import io.cncfdemo.deploy.DeployListener;
import io.cncfdemo.deploy.DeployOptions;
import io.cncfdemo.deploy.ObjectChange;
import io.cncfdemo.deploy.ObjectRef;
import io.cncfdemo.deploy.WorkloadStatus;
import io.cncfdemo.junit.LocalCluster;
import io.cncfdemo.local.simulated.SimulatedCluster;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.scheduling.v1.PriorityClass;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The deployer on the simulated control plane: gating, idempotency, diff, wait failures, teardown,
 * API-server restarts.
 */
@LocalCluster(minions = 3, nodeCpu = "8", nodeMemory = "32Gi", name = "deployer")
class DeployerIT {

  @Test
  void stagesAreAppliedInOrder_eachOnceTheOneBeforeIsReady(RunningCluster cluster) {
    var events = Collections.synchronizedList(new ArrayList<String>());
    var listener =
        new DeployListener() {
          @Override
          public void stageStarted(Stage stage, List<ObjectRef> objects) {
            events.add("started " + stage);
          }

          @Override
          public void objectReady(ObjectRef object) {
            events.add("ready " + object);
          }

          @Override
          public void waiting(ObjectRef object, String reason) {
            events.add("waiting " + object);
          }

          @Override
          public void stageReady(Stage stage, java.time.Duration elapsed) {
            events.add("stage ready " + stage);
          }
        };
    var demo = Demo.with(countly(), mongoSharded(2), boinc()).named("gated");

    demo.deployTo(cluster, DeployOptions.defaults().listener(listener));

    var stages =
        events.stream().filter(e -> e.startsWith("started ")).map(e -> e.substring(8)).toList();
    assertThat(stages)
        .containsExactly(
            "FOUNDATION", "MONITORING", "DATASTORE", "INITIALIZATION", "APPLICATION", "BACKGROUND");
    for (int i = 1; i < stages.size(); i++) {
      assertThat(events.indexOf("stage ready " + stages.get(i - 1)))
          .as("%s ready before %s starts", stages.get(i - 1), stages.get(i))
          .isLessThan(events.indexOf("started " + stages.get(i)));
    }
    assertThat(events)
        .anyMatch(e -> e.startsWith("waiting StatefulSet gated/mongo-shard-1"))
        .contains("ready StatefulSet gated/mongo-shard-1", "ready Deployment gated/countly-api");
    assertThat(events.indexOf("ready StatefulSet gated/mongo-shard-1"))
        .isLessThan(events.indexOf("started INITIALIZATION"));
  }

  @Test
  void deployingTheSameDemoAgain_changesNothing(RunningCluster cluster) {
    var demo = Demo.with(countly(), mongoSharded(1)).withoutMonitoring().named("again");

    var first = demo.deployTo(cluster);
    var second = demo.deployTo(cluster);

    assertThat(first.changes())
        .allSatisfy(change -> assertThat(change.change()).isEqualTo(Change.CREATED));
    assertThat(second.changedCount())
        .as("changed on the second deploy: %s", second.changes())
        .isZero();
    assertThat(
            Demo.with(countly(), mongoSharded(1))
                .withoutMonitoring()
                .named("again")
                .deployTo(cluster)
                .changedCount())
        .as(
            "a new demo value of the same shape, e.g. from another JVM, keeps the generated"
                + " Secrets")
        .isZero();
  }

  @Test
  void aChangedMinimum_changesOnlyTheHpa_whoseControllerThenScalesTheDeployment(
      RunningCluster cluster) {
    Demo.with(countly(), mongoSharded(1)).withoutMonitoring().named("scaled").deployTo(cluster);
    var changed =
        Demo.with(countly().replicas(3), mongoSharded(1)).withoutMonitoring().named("scaled");

    var diff = changed.diff(cluster);
    assertThat(diff)
        .filteredOn(change -> change.change().isChange())
        .extracting(change -> change.object() + " " + change.differences())
        .as("the Deployment's replica count belongs to the HPA")
        .containsExactly("HorizontalPodAutoscaler scaled/countly-api [spec.minReplicas: 2 -> 3]");
    assertThat(
            cluster
                .client()
                .apps()
                .deployments()
                .inNamespace("scaled")
                .withName("countly-api")
                .get()
                .getSpec()
                .getReplicas())
        .as("the first deploy started at the HPA's minimum; diff changes nothing")
        .isEqualTo(2);

    var deployed = changed.deployTo(cluster);
    assertThat(deployed.changes())
        .filteredOn(change -> change.change().isChange())
        .extracting(ObjectChange::object)
        .containsExactly(new ObjectRef("HorizontalPodAutoscaler", "scaled", "countly-api"));
    Await.until(
        Duration.ofMinutes(1),
        "the HPA controller to scale countly-api to its new minimum",
        () ->
            deployed.status().stream()
                .anyMatch(w -> w.equals(new WorkloadStatus("Deployment", "countly-api", 3, 3))));
  }

  @Test
  void aStageThatCannotBecomeReady_failsNamingTheObjectAndTheSchedulersReason(
      RunningCluster cluster) {
    var demo =
        Demo.with(
                countly().apiResources(Resources.requests("10", "1Gi").limits("10", "1Gi")),
                mongo("mongodb://mongo.example.com:27017/countly"))
            .withoutMonitoring()
            .named("stuck");

    assertThatThrownBy(
            () ->
                demo.deployTo(
                    cluster, DeployOptions.defaults().stageTimeout(Duration.ofSeconds(5))))
        .isInstanceOf(DeployException.class)
        .hasMessageStartingWith(
            "stage application is not ready after 5s; the cluster is left as it is for inspection.")
        .hasMessageContaining("- Deployment stuck/countly-api: 0/2 replicas available")
        .hasMessageContaining("PodScheduled Unschedulable: 0/4 nodes are available")
        .hasMessageContaining("Insufficient cpu")
        .satisfies(
            e ->
                assertThat(((DeployException) e).notReady())
                    .contains(new ObjectRef("Deployment", "stuck", "countly-api")));
    assertThat(
            cluster
                .client()
                .apps()
                .deployments()
                .inNamespace("stuck")
                .withName("countly-api")
                .get())
        .as("left for inspection")
        .isNotNull();
  }

  @Test
  void teardown_removesWhatTheDemoCreated_andLeavesAForeignObjectAndItsNamespace(
      RunningCluster cluster) {
    var client = cluster.client();
    var deployed = Demo.with(countly(), mongoSharded(1), boinc()).named("tear").deployTo(cluster);
    client
        .configMaps()
        .inNamespace("tear")
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("mine")
                .endMetadata()
                .addToData("owner", "someone else")
                .build())
        .create();

    var result = deployed.teardown();

    for (var object : deployed.compiled().objects()) {
      if (!object.getKind().equals("Namespace")) {
        assertThat(client.resource(object).get()).as("%s is gone", ObjectRef.of(object)).isNull();
      }
    }
    assertThat(client.persistentVolumeClaims().inNamespace("tear").list().getItems()).isEmpty();
    assertThat(client.configMaps().inNamespace("tear").withName("mine").get()).isNotNull();
    assertThat(client.namespaces().withName("tear").get()).isNotNull();
    assertThat(result)
        .filteredOn(change -> change.object().kind().equals("Namespace"))
        .singleElement()
        .satisfies(
            change ->
                assertThat(change.differences())
                    .singleElement()
                    .asString()
                    .contains("holds objects the demo did not create", "ConfigMap tear/mine"));
    assertThat(client.scheduling().v1().priorityClasses().withName("tear-background").get())
        .isNull();
  }

  @Test
  void teardown_fromAFreshDemoValue_removesEverythingIncludingTheNamespace(RunningCluster cluster) {
    Demo.with(countly(), mongoSharded(1)).withoutMonitoring().named("gone").deployTo(cluster);

    var result =
        Demo.with(countly(), mongoSharded(1)).withoutMonitoring().named("gone").teardown(cluster);

    assertThat(result).extracting(ObjectChange::change).containsOnly(Change.DELETED);
    assertThat(cluster.client().namespaces().withName("gone").get()).isNull();
    assertThat(cluster.client().scheduling().v1().priorityClasses().list().getItems())
        .extracting(PriorityClass::getMetadata)
        .noneMatch(m -> m.getName().startsWith("gone-"));
  }

  @Test
  void anApiServerRestartedInTheMiddleOfADeploy_endsInACompleteDeploy(RunningCluster cluster) {
    var controlPlane = ((SimulatedCluster) cluster).controlPlane();
    var restarted = new AtomicBoolean();
    var restart = new CompletableFuture<Void>();
    var listener =
        new DeployListener() {
          @Override
          public void stageStarted(Stage stage, List<ObjectRef> objects) {
            if (stage == Stage.DATASTORE && restarted.compareAndSet(false, true)) {
              CompletableFuture.runAsync(
                      () -> {
                        controlPlane.stopApiServer();
                        sleep(Duration.ofSeconds(2));
                        controlPlane.startApiServer();
                      })
                  .whenComplete(
                      (ok, error) -> {
                        if (error != null) {
                          restart.completeExceptionally(error);
                        } else {
                          restart.complete(null);
                        }
                      });
            }
          }
        };
    var demo = Demo.with(countly(), mongoSharded(2)).withoutMonitoring().named("restart");

    var deployed = demo.deployTo(cluster, DeployOptions.defaults().listener(listener));

    restart.join();
    assertThat(restarted).isTrue();
    assertThat(deployed.status()).allMatch(WorkloadStatus::isReady);
    for (var object : deployed.compiled().objects()) {
      assertThat(cluster.client().resource(object).get())
          .as("%s", ObjectRef.of(object))
          .isNotNull();
    }
    assertThat(demo.deployTo(cluster).changedCount()).isZero();
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
