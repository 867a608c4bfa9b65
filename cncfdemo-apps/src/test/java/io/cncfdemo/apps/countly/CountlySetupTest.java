package io.cncfdemo.apps.countly;

import static io.cncfdemo.apps.Apps.countly;
import static io.cncfdemo.apps.Apps.mongo;
import static io.cncfdemo.apps.Apps.mongoSharded;
import static io.cncfdemo.apps.Apps.wrk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cncfdemo.Demo;
import io.cncfdemo.component.Stage;
import io.cncfdemo.demo.DemoWiringException;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The wiring of Countly's setup Job: its Secrets, its one permission, and wrk reading the keys it
 * stores.
 */
class CountlySetupTest {

  @Test
  void theSetupJob_runsAtTheApplicationStage_withTheGeneratedAdminPassword_fromASecret() {
    var compiled = Demo.with(countly(), mongoSharded(1)).compile();

    assertThat(compiled.stage(Stage.APPLICATION))
        .extracting(o -> o.getKind() + "/" + o.getMetadata().getName())
        .contains(
            "Secret/countly-admin",
            "Secret/countly-keys",
            "ServiceAccount/countly-setup",
            "Role/countly-setup",
            "RoleBinding/countly-setup",
            "ConfigMap/countly-setup",
            "Job/countly-setup");
    var admin = compiled.find(Secret.class, "countly-admin").orElseThrow().getData();
    var password =
        new String(Base64.getDecoder().decode(admin.get("password")), StandardCharsets.UTF_8);
    assertThat(password).matches("[A-Za-z0-9]{30,}");
    assertThat(compiled.find(Secret.class, "countly-keys").orElseThrow().getData()).isEmpty();
    var job = compiled.find(Job.class, "countly-setup").orElseThrow();
    var container = job.getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(container.getCommand()).containsExactly("node", "/scripts/setup.js");
    assertThat(container.getEnv())
        .filteredOn(env -> env.getName().equals("ADMIN_PASSWORD"))
        .singleElement()
        .satisfies(
            env -> {
              assertThat(env.getValue()).isNull();
              assertThat(env.getValueFrom().getSecretKeyRef().getName()).isEqualTo("countly-admin");
            });
    assertThat(container.getEnv())
        .extracting(EnvVar::getName, EnvVar::getValue)
        .contains(
            org.assertj.core.groups.Tuple.tuple(
                "COUNTLY_FRONTEND", "http://countly-frontend.cncfdemo.svc:6001"),
            org.assertj.core.groups.Tuple.tuple(
                "COUNTLY_API", "http://countly-api.cncfdemo.svc:3001"),
            org.assertj.core.groups.Tuple.tuple("KEYS_SECRET", "countly-keys"));
    assertThat(compiled.toYaml()).doesNotContain(password);
    assertThat(job.getSpec().getTemplate().getSpec().getServiceAccountName())
        .isEqualTo("countly-setup");
  }

  @Test
  void theSetupJob_mayReadAndPatchTheKeysSecret_andNothingElse() {
    var compiled = Demo.with(countly(), mongoSharded(1)).compile();

    var role = compiled.find(Role.class, "countly-setup").orElseThrow();
    assertThat(role.getRules())
        .singleElement()
        .satisfies(
            rule -> {
              assertThat(rule.getApiGroups()).containsExactly("");
              assertThat(rule.getResources()).containsExactly("secrets");
              assertThat(rule.getResourceNames()).containsExactly("countly-keys");
              assertThat(rule.getVerbs()).containsExactly("get", "patch");
            });
    var binding = compiled.find(RoleBinding.class, "countly-setup").orElseThrow();
    assertThat(binding.getSubjects())
        .singleElement()
        .satisfies(subject -> assertThat(subject.getName()).isEqualTo("countly-setup"));
  }

  @Test
  void wrkCountlyApp_readsTheKeysFromTheSecretTheSetupJobFills() {
    var compiled =
        Demo.with(countly(), mongoSharded(1), wrk("http://countly-api:3001").countlyApp(true))
            .compile();

    var env =
        compiled
            .find(Job.class, "wrk")
            .orElseThrow()
            .getSpec()
            .getTemplate()
            .getSpec()
            .getInitContainers()
            .get(0)
            .getEnv();
    assertThat(
            env.stream()
                .filter(e -> e.getName().startsWith("COUNTLY_"))
                .map(
                    e ->
                        e.getName()
                            + "="
                            + e.getValueFrom().getSecretKeyRef().getName()
                            + "/"
                            + e.getValueFrom().getSecretKeyRef().getKey())
                .collect(Collectors.toList()))
        .containsExactly(
            "COUNTLY_APP_KEY=countly-keys/appKey",
            "COUNTLY_API_KEY=countly-keys/apiKey",
            "COUNTLY_APP_ID=countly-keys/appId");
    assertThat(compiled.find(Secret.class, "wrk-countly")).isEmpty();
  }

  @Test
  void withoutSetup_thereIsNoJob_andWrkCountlyApp_isAWiringError() {
    var compiled =
        Demo.with(countly().setup(false), mongo("mongodb://db.example.com:27017/countly"))
            .compile();
    assertThat(compiled.find(Job.class, "countly-setup")).isEmpty();
    assertThat(compiled.find(Secret.class, "countly-admin")).isEmpty();

    assertThatThrownBy(
            () ->
                Demo.with(
                    countly().setup(false),
                    mongoSharded(1),
                    wrk("http://countly-api:3001").countlyApp(true)))
        .isInstanceOf(DemoWiringException.class)
        .hasMessageContaining("a Countly app set up for writes");
  }
}
