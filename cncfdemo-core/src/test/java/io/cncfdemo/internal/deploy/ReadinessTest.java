package io.cncfdemo.internal.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.cncfdemo.internal.deploy.Readiness.Failed;
import io.cncfdemo.internal.deploy.Readiness.Ready;
import io.cncfdemo.internal.deploy.Readiness.State;
import io.cncfdemo.internal.deploy.Readiness.Waiting;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadinessTest {

  private static State of(HasMetadata object) {
    return Readiness.of(object, service -> List.of());
  }

  private static DeploymentBuilder deployment(int replicas) {
    return new DeploymentBuilder()
        .withNewMetadata()
        .withName("web")
        .withNamespace("shop")
        .withGeneration(2L)
        .endMetadata()
        .withNewSpec()
        .withReplicas(replicas)
        .endSpec();
  }

  private static StatefulSetBuilder statefulSet(int replicas) {
    return new StatefulSetBuilder()
        .withNewMetadata()
        .withName("db")
        .withNamespace("shop")
        .withGeneration(1L)
        .endMetadata()
        .withNewSpec()
        .withReplicas(replicas)
        .endSpec();
  }

  private static JobBuilder job() {
    return new JobBuilder()
        .withNewMetadata()
        .withName("init")
        .withNamespace("shop")
        .endMetadata()
        .withNewSpec()
        .withCompletions(1)
        .endSpec();
  }

  @Test
  void anAbsentObject_isWaitedFor() {
    assertThat(of(null)).isEqualTo(new Waiting("not found"));
  }

  @Test
  void aDeployment_isReady_whenTheControllerSawItsSpec_andEveryReplicaIsUpdatedAndAvailable() {
    assertThat(of(deployment(3).build()))
        .isEqualTo(new Waiting("the controller has not seen the new spec yet"));
    assertThat(of(deployment(3).withNewStatus().withObservedGeneration(1L).endStatus().build()))
        .as("status of the generation before")
        .isEqualTo(new Waiting("the controller has not seen the new spec yet"));
    assertThat(
            of(
                deployment(3)
                    .withNewStatus()
                    .withObservedGeneration(2L)
                    .withUpdatedReplicas(1)
                    .endStatus()
                    .build()))
        .isEqualTo(new Waiting("1/3 replicas updated"));
    assertThat(
            of(
                deployment(3)
                    .withNewStatus()
                    .withObservedGeneration(2L)
                    .withUpdatedReplicas(3)
                    .withAvailableReplicas(2)
                    .withReplicas(3)
                    .addNewCondition()
                    .withType("Available")
                    .withStatus("False")
                    .withMessage("Deployment does not have minimum availability.")
                    .endCondition()
                    .endStatus()
                    .build()))
        .isEqualTo(
            new Waiting(
                "2/3 replicas available; Available: Deployment does not have minimum"
                    + " availability."));
    assertThat(
            of(
                deployment(3)
                    .withNewStatus()
                    .withObservedGeneration(2L)
                    .withUpdatedReplicas(3)
                    .withAvailableReplicas(3)
                    .withReplicas(4)
                    .endStatus()
                    .build()))
        .as("an old replica still running")
        .isEqualTo(new Waiting("3/3 replicas available"));
    assertThat(
            of(
                deployment(3)
                    .withNewStatus()
                    .withObservedGeneration(2L)
                    .withUpdatedReplicas(3)
                    .withAvailableReplicas(3)
                    .withReplicas(3)
                    .endStatus()
                    .build()))
        .isEqualTo(new Ready());
  }

  @Test
  void aStatefulSet_isReady_whenEveryReplicaIsReady_andTheRollingUpdateIsDone() {
    assertThat(of(statefulSet(2).build()))
        .isEqualTo(new Waiting("the controller has not seen the new spec yet"));
    assertThat(
            of(
                statefulSet(2)
                    .withNewStatus()
                    .withObservedGeneration(1L)
                    .withReadyReplicas(1)
                    .endStatus()
                    .build()))
        .isEqualTo(new Waiting("1/2 replicas ready"));
    assertThat(
            of(
                statefulSet(2)
                    .withNewStatus()
                    .withObservedGeneration(1L)
                    .withReadyReplicas(2)
                    .withUpdatedReplicas(1)
                    .withCurrentRevision("db-1")
                    .withUpdateRevision("db-2")
                    .endStatus()
                    .build()))
        .isEqualTo(new Waiting("1/2 replicas updated"));
    assertThat(
            of(
                statefulSet(2)
                    .withNewStatus()
                    .withObservedGeneration(1L)
                    .withReadyReplicas(2)
                    .withUpdatedReplicas(2)
                    .withCurrentRevision("db-2")
                    .withUpdateRevision("db-2")
                    .endStatus()
                    .build()))
        .isEqualTo(new Ready());
  }

  @Test
  void aDaemonSet_isReady_whenEveryScheduledPodIsReady() {
    var daemonSet =
        new DaemonSetBuilder()
            .withNewMetadata()
            .withName("agent")
            .withNamespace("shop")
            .endMetadata();

    assertThat(of(daemonSet.build())).isEqualTo(new Waiting("0/1 pods ready"));
    assertThat(
            of(
                daemonSet
                    .withNewStatus()
                    .withDesiredNumberScheduled(0)
                    .withNumberReady(0)
                    .endStatus()
                    .build()))
        .as("no node to run on yet")
        .isEqualTo(new Waiting("0/0 pods ready"));
    assertThat(
            of(
                daemonSet
                    .withNewStatus()
                    .withDesiredNumberScheduled(3)
                    .withNumberReady(2)
                    .endStatus()
                    .build()))
        .isEqualTo(new Waiting("2/3 pods ready"));
    assertThat(
            of(
                daemonSet
                    .withNewStatus()
                    .withDesiredNumberScheduled(3)
                    .withNumberReady(3)
                    .endStatus()
                    .build()))
        .isEqualTo(new Ready());
  }

  @Test
  void aJob_isReadyWhenComplete_orAtOnceWhenSuspended_andFailedWhenItFailed() {
    assertThat(of(job().build())).isEqualTo(new Waiting("0/1 completions"));
    assertThat(of(job().editSpec().withSuspend(true).endSpec().build()))
        .as("a benchmark's template")
        .isEqualTo(new Ready());
    assertThat(
            of(
                job()
                    .withNewStatus()
                    .addNewCondition()
                    .withType("Complete")
                    .withStatus("True")
                    .endCondition()
                    .withSucceeded(1)
                    .endStatus()
                    .build()))
        .isEqualTo(new Ready());
    assertThat(
            of(
                job()
                    .withNewStatus()
                    .addNewCondition()
                    .withType("Failed")
                    .withStatus("True")
                    .withReason("BackoffLimitExceeded")
                    .withMessage("Job has reached the specified backoff limit")
                    .endCondition()
                    .endStatus()
                    .build()))
        .isEqualTo(
            new Failed(
                "Job failed: BackoffLimitExceeded: Job has reached the specified backoff limit"));
  }

  @Test
  void aService_isReady_withAReadyEndpointInItsSlices() {
    var service =
        new ServiceBuilder()
            .withNewMetadata()
            .withName("web")
            .withNamespace("shop")
            .endMetadata()
            .build();

    assertThat(Readiness.of(service, s -> List.of())).isEqualTo(new Waiting("no ready endpoint"));
    assertThat(Readiness.of(service, s -> List.of(slice(false))))
        .isEqualTo(new Waiting("no ready endpoint"));
    assertThat(Readiness.of(service, s -> List.of(slice(false), slice(true))))
        .isEqualTo(new Ready());
    assertThat(Readiness.of(service, s -> List.of(slice(null))))
        .as("readiness unknown counts as ready")
        .isEqualTo(new Ready());
  }

  @Test
  void aServiceIsWaitedFor_onlyWhenTheDemoRunsPodsItSelects() {
    Service service = new ServiceBuilder().withNewMetadata().withName("web").endMetadata().build();

    assertThat(Readiness.needsWaiting(service, true)).isTrue();
    assertThat(Readiness.needsWaiting(service, false)).isFalse();
    assertThat(Readiness.needsWaiting(deployment(1).build(), false)).isTrue();
    assertThat(
            Readiness.needsWaiting(
                new ConfigMapBuilder().withNewMetadata().withName("c").endMetadata().build(),
                false))
        .isFalse();
  }

  @Test
  void aCrd_isReadyWhenEstablished_aNamespaceWhenActive_anythingElseAtOnce() {
    var crd =
        new CustomResourceDefinitionBuilder()
            .withNewMetadata()
            .withName("things.example.com")
            .endMetadata();
    var namespace = new NamespaceBuilder().withNewMetadata().withName("shop").endMetadata();

    assertThat(of(crd.build())).isEqualTo(new Waiting("not established yet"));
    assertThat(
            of(
                crd.withNewStatus()
                    .addNewCondition()
                    .withType("Established")
                    .withStatus("True")
                    .endCondition()
                    .endStatus()
                    .build()))
        .isEqualTo(new Ready());
    assertThat(of(namespace.build())).isEqualTo(new Waiting("phase null"));
    assertThat(of(namespace.withNewStatus().withPhase("Terminating").endStatus().build()))
        .isEqualTo(new Waiting("phase Terminating"));
    assertThat(of(namespace.withNewStatus().withPhase("Active").endStatus().build()))
        .isEqualTo(new Ready());
    assertThat(of(new ConfigMapBuilder().withNewMetadata().withName("c").endMetadata().build()))
        .isEqualTo(new Ready());
  }

  private static EndpointSlice slice(Boolean ready) {
    return new EndpointSliceBuilder()
        .withNewMetadata()
        .withName("web-" + ready)
        .endMetadata()
        .withAddressType("IPv4")
        .addNewEndpoint()
        .withAddresses("10.0.0.1")
        .withNewConditions()
        .withReady(ready)
        .endConditions()
        .endEndpoint()
        .build();
  }
}
