package io.cncfdemo.internal.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cncfdemo.component.Stage;
import io.cncfdemo.demo.CompiledDemo;
import io.cncfdemo.demo.StageObjects;
import io.cncfdemo.deploy.Change;
import io.cncfdemo.deploy.DeployException;
import io.cncfdemo.deploy.DeployListener;
import io.cncfdemo.deploy.DeployOptions;
import io.cncfdemo.deploy.ObjectChange;
import io.cncfdemo.deploy.ObjectRef;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The stage gate against fabric8's mock API server: it runs no controllers, so the tests play the
 * controller, writing the status the gate waits for once the gate has looked (and so has its
 * informers running; see InformersTest for why the order matters to the mock).
 */
@EnableKubernetesMockClient(crud = true)
class StagedDeployerTest {
  static KubernetesClient client;

  @Test
  void aStage_endsWhenItsDeploymentBecomesReady_seenThroughTheInformer() {
    var events = Collections.synchronizedList(new ArrayList<String>());
    var deployment = deployment("shop", "web");
    var listener =
        new PlayingTheController(
            events,
            ref -> {
              var current = client.apps().deployments().inNamespace("shop").withName("web").get();
              client
                  .resource(
                      new DeploymentBuilder(current)
                          .withNewStatus()
                          .withObservedGeneration(current.getMetadata().getGeneration())
                          .withReplicas(2)
                          .withUpdatedReplicas(2)
                          .withAvailableReplicas(2)
                          .withReadyReplicas(2)
                          .endStatus()
                          .build())
                  .updateStatus();
            });

    var changes =
        new StagedDeployer(client, DeployOptions.defaults().listener(listener))
            .deploy(demo("shop", Stage.APPLICATION, deployment, configMap("shop", "settings")));

    listener.joinPlayed();
    assertThat(changes).extracting(ObjectChange::change).containsOnly(Change.CREATED);
    assertThat(events)
        .containsSubsequence(
            "waiting Deployment shop/web", "ready Deployment shop/web", "stage ready APPLICATION")
        .contains("ready ConfigMap shop/settings");
  }

  @Test
  void aStageNotReadyInTime_failsNamingEachObject_itsReason_andItsPods() {
    var demo = demo("stuck", Stage.APPLICATION, deployment("stuck", "web"));

    assertThatThrownBy(
            () ->
                new StagedDeployer(
                        client, DeployOptions.defaults().stageTimeout(Duration.ofSeconds(1)))
                    .deploy(demo))
        .isInstanceOf(DeployException.class)
        .hasMessageStartingWith(
            "stage application is not ready after 1s; the cluster is left as it is for inspection."
                + " Not ready:\n- Deployment stuck/web: ")
        .hasMessageEndingWith("\n    no pod exists for it yet")
        .satisfies(
            e ->
                assertThat(((DeployException) e).notReady())
                    .containsExactly(new ObjectRef("Deployment", "stuck", "web")));
  }

  @Test
  void aFailedJob_failsTheStageAtOnce_withTheJobsReason() {
    var listener =
        new PlayingTheController(
            new ArrayList<>(),
            ref -> {
              var current = client.batch().v1().jobs().inNamespace("broken").withName("init").get();
              client
                  .resource(
                      new JobBuilder(current)
                          .withNewStatus()
                          .addNewCondition()
                          .withType("Failed")
                          .withStatus("True")
                          .withReason("BackoffLimitExceeded")
                          .withMessage("Job has reached the specified backoff limit")
                          .endCondition()
                          .endStatus()
                          .build())
                  .updateStatus();
            });
    var demo = demo("broken", Stage.INITIALIZATION, job("broken", "init"));

    assertThatThrownBy(
            () ->
                new StagedDeployer(client, DeployOptions.defaults().listener(listener))
                    .deploy(demo))
        .isInstanceOf(DeployException.class)
        .hasMessageStartingWith(
            "stage initialization failed: Job broken/init: Job failed: BackoffLimitExceeded: "
                + "Job has reached the specified backoff limit");
    listener.joinPlayed();
  }

  @Test
  void withoutWaiting_theStagesAreAppliedOnly() {
    var changes =
        new StagedDeployer(client, DeployOptions.defaults().withoutWaiting())
            .deploy(demo("quick", Stage.APPLICATION, deployment("quick", "web")));

    assertThat(changes).singleElement().extracting(ObjectChange::change).isEqualTo(Change.CREATED);
  }

  @Test
  void newer_isTheInformersCopy_unlessItIsOfAnOlderGeneration() {
    var applied =
        new DeploymentBuilder(deployment("x", "web"))
            .editMetadata()
            .withGeneration(3L)
            .endMetadata()
            .build();
    var older =
        new DeploymentBuilder(applied).editMetadata().withGeneration(2L).endMetadata().build();
    var same =
        new DeploymentBuilder(applied)
            .withNewStatus()
            .withObservedGeneration(3L)
            .endStatus()
            .build();
    var noGeneration = new ConfigMapBuilder().withNewMetadata().withName("c").endMetadata().build();

    assertThat(StagedDeployer.newer(null, applied)).isSameAs(applied);
    assertThat(StagedDeployer.newer(older, applied)).isSameAs(applied);
    assertThat(StagedDeployer.newer(same, applied)).isSameAs(same);
    assertThat(StagedDeployer.newer(noGeneration, configMap("x", "c"))).isSameAs(noGeneration);
  }

  /**
   * Records what the deployer tells, and answers the first wait, asynchronously, with {@code
   * controller}.
   */
  private static final class PlayingTheController implements DeployListener {
    private final List<String> events;
    private final Consumer<ObjectRef> controller;
    private CompletableFuture<Void> played = CompletableFuture.completedFuture(null);
    private boolean started;

    PlayingTheController(List<String> events, Consumer<ObjectRef> controller) {
      this.events = events;
      this.controller = controller;
    }

    @Override
    public void waiting(ObjectRef object, String reason) {
      events.add("waiting " + object);
      if (!started) {
        started = true;
        played = CompletableFuture.runAsync(() -> controller.accept(object));
      }
    }

    @Override
    public void objectReady(ObjectRef object) {
      events.add("ready " + object);
    }

    @Override
    public void stageReady(Stage stage, Duration elapsed) {
      events.add("stage ready " + stage);
    }

    /** Rethrows what went wrong while playing the controller. */
    void joinPlayed() {
      played.join();
    }
  }

  private static CompiledDemo demo(String namespace, Stage stage, HasMetadata... objects) {
    return new CompiledDemo(namespace, List.of(new StageObjects(stage, List.of(objects))));
  }

  private static Deployment deployment(String namespace, String name) {
    return new DeploymentBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(namespace)
        .endMetadata()
        .withNewSpec()
        .withReplicas(2)
        .withNewSelector()
        .addToMatchLabels("app", name)
        .endSelector()
        .withNewTemplate()
        .withNewMetadata()
        .addToLabels("app", name)
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName(name)
        .withImage("nginx")
        .endContainer()
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  private static Job job(String namespace, String name) {
    return new JobBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(namespace)
        .endMetadata()
        .withNewSpec()
        .withNewTemplate()
        .withNewSpec()
        .withRestartPolicy("Never")
        .addNewContainer()
        .withName(name)
        .withImage("busybox")
        .endContainer()
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  private static HasMetadata configMap(String namespace, String name) {
    return new ConfigMapBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(namespace)
        .endMetadata()
        .build();
  }
}
