package io.cncfdemo.apps.boinc;

import static io.cncfdemo.apps.Apps.boinc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cncfdemo.Demo;
import io.cncfdemo.apps.common.Resources;
import io.cncfdemo.component.Stage;
import io.cncfdemo.exception.InvalidInputException;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;

class BoincTest {

  static Deployment deployment(Boinc boinc, int minions) {
    var compiled = Demo.with(boinc).withoutMonitoring().compile(minions);
    assertThat(compiled.stage(Stage.BACKGROUND))
        .extracting(o -> o.getKind() + "/" + o.getMetadata().getName())
        .containsExactly("Deployment/boinc", "NetworkPolicy/boinc");
    return compiled.find(Deployment.class, "boinc").orElseThrow();
  }

  @Test
  void boinc_runsOneClientPerMinion_atTheBackgroundPriority_spreadOverNodes() {
    var deployment = deployment(boinc(), 5);
    var spec = deployment.getSpec().getTemplate().getSpec();

    assertThat(deployment.getSpec().getReplicas()).isEqualTo(5);
    assertThat(spec.getPriorityClassName()).isEqualTo("cncfdemo-background");
    assertThat(spec.getTopologySpreadConstraints())
        .singleElement()
        .satisfies(
            spread -> {
              assertThat(spread.getTopologyKey()).isEqualTo("kubernetes.io/hostname");
              assertThat(spread.getWhenUnsatisfiable()).isEqualTo("ScheduleAnyway");
            });
    assertThat(deployment(boinc().replicas(2), 5).getSpec().getReplicas()).isEqualTo(2);
  }

  @Test
  void requests_areSmall_andLimitsGenerous_soThatItFillsIdleCpuAndIsPreemptedFirst() {
    var resources =
        deployment(boinc(), 3)
            .getSpec()
            .getTemplate()
            .getSpec()
            .getContainers()
            .get(0)
            .getResources();

    assertThat(resources.getRequests().get("cpu")).hasToString("100m");
    assertThat(resources.getRequests().get("memory")).hasToString("128Mi");
    assertThat(resources.getLimits().get("cpu").getNumericalAmount())
        .isGreaterThanOrEqualTo(
            resources
                .getRequests()
                .get("cpu")
                .getNumericalAmount()
                .multiply(java.math.BigDecimal.TEN));
  }

  @Test
  void accountKey_comesFromASecretTheUserCreates_neverFromTheDemo() {
    var deployment = deployment(boinc(), 3);
    var container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);

    assertThat(container.getEnv())
        .singleElement()
        .satisfies(
            env -> {
              assertThat(env.getValue()).isNull();
              assertThat(env.getValueFrom().getSecretKeyRef().getName()).isEqualTo("boinc-account");
              assertThat(env.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("account-key");
              assertThat(env.getValueFrom().getSecretKeyRef().getOptional()).isFalse();
            });
    assertThat(container.getArgs())
        .containsSequence(
            "--attach_project", "https://www.worldcommunitygrid.org/", "$(BOINC_ACCOUNT_KEY)");
    assertThat(deployment.getMetadata().getAnnotations())
        .containsEntry(
            "cncfdemo.io/requires-secret",
            "kubectl -n cncfdemo create secret generic boinc-account"
                + " --from-literal=account-key=YOUR_ACCOUNT_KEY");
    assertThat(Demo.with(boinc()).withoutMonitoring().compile().objects())
        .noneMatch(o -> o.getKind().equals("Secret"));
  }

  @Test
  void ownSecret_andOptions_reachTheDeployment() {
    var container =
        deployment(
                boinc()
                    .accountKeySecret("wcg", "key")
                    .image("ghcr.io/0rax/boinc-client:v7.24.1")
                    .resources(Resources.requests("50m", "64Mi").limits("4", "2Gi")),
                3)
            .getSpec()
            .getTemplate()
            .getSpec()
            .getContainers()
            .get(0);

    assertThat(container.getEnv().get(0).getValueFrom().getSecretKeyRef())
        .extracting("name", "key")
        .containsExactly("wcg", "key");
    assertThat(container.getImage()).isEqualTo("ghcr.io/0rax/boinc-client:v7.24.1");
    assertThat(container.getResources().getLimits().get("cpu")).hasToString("4");
  }

  @Test
  void badInput_isRejectedWithTheFieldTheValueAndWhatIsAllowed() {
    assertThatThrownBy(() -> boinc().accountKeySecret("", "key"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("accountKeySecret must be a lowercase RFC 1123 subdomain");
    assertThatThrownBy(() -> boinc().accountKeySecret("wcg", null))
        .hasMessage(
            "accountKeyKey must be a Secret key of a-z, A-Z, 0-9, '-', '_' and '.', was null");
    assertThatThrownBy(() -> boinc().accountKeySecret("wcg", "my key"))
        .hasMessageEndingWith("was \"my key\"");
    assertThatThrownBy(() -> boinc().replicas(0))
        .hasMessage("replicas must be between 1 and 1000, was 0");
    assertThatThrownBy(() -> boinc().image("boinc/client:latest"))
        .hasMessageStartingWith("image must be an image pinned");
    assertThatThrownBy(() -> boinc().projectUrl("ftp://x"))
        .hasMessageStartingWith("projectUrl must be an http:// or https:// URL");
    assertThatThrownBy(() -> boinc().resources(Resources.requests("2", "1Gi").limits("1", "1Gi")))
        .hasMessage("cpuRequest must be at most the cpuLimit 1, was \"2\"");
  }
}
