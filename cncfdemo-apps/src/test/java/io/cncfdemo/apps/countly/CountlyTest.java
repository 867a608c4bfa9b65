package io.cncfdemo.apps.countly;

import static io.cncfdemo.apps.Apps.countly;
import static io.cncfdemo.apps.Apps.mongoSharded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cncfdemo.Demo;
import io.cncfdemo.apps.common.Resources;
import io.cncfdemo.component.Stage;
import io.cncfdemo.demo.CompiledDemo;
import io.cncfdemo.demo.DemoWiringException;
import io.cncfdemo.exception.InvalidInputException;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CountlyTest {

  static CompiledDemo compile(Countly countly) {
    return Demo.with(countly, mongoSharded(1))
        .withoutMonitoring()
        .domain("demo.example.com")
        .compile();
  }

  @Test
  void countly_isAnAutoscaledApiAndASingleDashboard_behindOneIngress() {
    var compiled = compile(countly());

    assertThat(compiled.stage(Stage.APPLICATION))
        .extracting(o -> o.getKind() + "/" + o.getMetadata().getName())
        .containsExactly(
            "ConfigMap/countly-api-config",
            "Deployment/countly-api",
            "Service/countly-api",
            "HorizontalPodAutoscaler/countly-api",
            "PodDisruptionBudget/countly-api",
            "ConfigMap/countly-frontend-config",
            "Deployment/countly-frontend",
            "Service/countly-frontend",
            "Ingress/countly",
            "Secret/countly-admin",
            "Secret/countly-keys",
            "ServiceAccount/countly-setup",
            "Role/countly-setup",
            "RoleBinding/countly-setup",
            "ConfigMap/countly-setup",
            "Job/countly-setup",
            "NetworkPolicy/countly-api",
            "NetworkPolicy/countly-frontend",
            "NetworkPolicy/countly-setup");
    // The HPA owns the API's replica count: a redeploy must not reset it (the deployer starts it at
    // minReplicas).
    assertThat(compiled.find(Deployment.class, "countly-api").orElseThrow().getSpec().getReplicas())
        .isNull();
    assertThat(
            compiled
                .find(Deployment.class, "countly-frontend")
                .orElseThrow()
                .getSpec()
                .getReplicas())
        .isEqualTo(1);
    assertThat(compiled.find(Service.class, "countly-api").orElseThrow().getSpec().getPorts())
        .extracting("port")
        .containsExactly(3001);
    assertThat(compiled.find(Service.class, "countly-frontend").orElseThrow().getSpec().getPorts())
        .extracting("port")
        .containsExactly(6001);
  }

  @Test
  void configMaps_areTheResourceFiles_pointedAtMongos_withCredentialsFromTheSecretOnly() {
    var compiled = compile(countly());

    var api =
        compiled
            .find(ConfigMap.class, "countly-api-config")
            .orElseThrow()
            .getData()
            .get("config.js");
    var frontend =
        compiled
            .find(ConfigMap.class, "countly-frontend-config")
            .orElseThrow()
            .getData()
            .get("config.js");
    assertThat(api)
        .contains(
            "host: \"mongos.cncfdemo.svc\"",
            "port: 27017",
            "db: \"countly\"",
            "port: 3001",
            "password: process.env.COUNTLY_MONGODB_PASSWORD",
            "require(\"./configextender\")(\"API\"");
    assertThat(frontend).contains("host: \"mongos.cncfdemo.svc\"", "port: 6001", "(\"FRONTEND\"");
    var container =
        compiled
            .find(Deployment.class, "countly-api")
            .orElseThrow()
            .getSpec()
            .getTemplate()
            .getSpec()
            .getContainers()
            .get(0);
    assertThat(container.getEnv())
        .filteredOn(e -> e.getName().startsWith("COUNTLY_MONGODB"))
        .extracting(e -> e.getValueFrom().getSecretKeyRef().getName())
        .containsExactly("mongo-app", "mongo-app");
    assertThat(container.getVolumeMounts())
        .anySatisfy(
            mount -> {
              assertThat(mount.getMountPath()).isEqualTo("/opt/countly/api/config.js");
              assertThat(mount.getSubPath()).isEqualTo("config.js");
            });
  }

  @Test
  void pods_waitForMongos_andRollWhenTheirConfigChanges() {
    var compiled = compile(countly());
    var template =
        compiled.find(Deployment.class, "countly-api").orElseThrow().getSpec().getTemplate();

    assertThat(template.getSpec().getInitContainers())
        .singleElement()
        .satisfies(
            wait -> {
              assertThat(wait.getName()).isEqualTo("wait-for-mongodb");
              assertThat(wait.getCommand())
                  .last()
                  .asString()
                  .contains("until mongosh")
                  .contains("ping");
              assertThat(wait.getEnv())
                  .anySatisfy(
                      e ->
                          assertThat(e.getValue())
                              .isEqualTo("mongodb://mongos.cncfdemo.svc:27017/countly"));
            });
    assertThat(template.getMetadata().getAnnotations()).containsKey("checksum/config");
    var other =
        Demo.with(countly(), mongoSharded(1)).inNamespace("other").withoutMonitoring().compile();
    assertThat(
            other
                .find(Deployment.class, "countly-api")
                .orElseThrow()
                .getSpec()
                .getTemplate()
                .getMetadata()
                .getAnnotations()
                .get("checksum/config"))
        .isNotEqualTo(template.getMetadata().getAnnotations().get("checksum/config"));
  }

  @Test
  void autoscaler_followsCpu_andOptionallyACustomPodsMetric() {
    var plain =
        compile(countly())
            .find(HorizontalPodAutoscaler.class, "countly-api")
            .orElseThrow()
            .getSpec();
    assertThat(plain.getMinReplicas()).isEqualTo(2);
    assertThat(plain.getMaxReplicas()).isEqualTo(10);
    assertThat(plain.getScaleTargetRef().getName()).isEqualTo("countly-api");
    assertThat(plain.getBehavior().getScaleDown().getStabilizationWindowSeconds()).isEqualTo(300);
    assertThat(
            compile(countly().scaleDownStabilization(Duration.ofSeconds(10)))
                .find(HorizontalPodAutoscaler.class, "countly-api")
                .orElseThrow()
                .getSpec()
                .getBehavior()
                .getScaleDown()
                .getStabilizationWindowSeconds())
        .isEqualTo(10);
    assertThat(plain.getMetrics())
        .singleElement()
        .satisfies(
            metric -> {
              assertThat(metric.getType()).isEqualTo("Resource");
              assertThat(metric.getResource().getTarget().getAverageUtilization()).isEqualTo(70);
            });

    var custom =
        compile(
                countly()
                    .replicas(3)
                    .maxReplicas(12)
                    .cpuTargetPercent(60)
                    .customMetricAutoscaling("countly_requests_per_second", "50"))
            .find(HorizontalPodAutoscaler.class, "countly-api")
            .orElseThrow()
            .getSpec();
    assertThat(custom.getMinReplicas()).isEqualTo(3);
    assertThat(custom.getMaxReplicas()).isEqualTo(12);
    assertThat(custom.getMetrics()).hasSize(2);
    assertThat(custom.getMetrics().get(1).getType()).isEqualTo("Pods");
    assertThat(custom.getMetrics().get(1).getPods().getMetric().getName())
        .isEqualTo("countly_requests_per_second");
    assertThat(custom.getMetrics().get(1).getPods().getTarget().getAverageValue())
        .hasToString("50");
  }

  @Test
  void ingress_routesApiPathsToTheApi_andTheRestToTheDashboard_onCountlyDotDomain() {
    var ingress =
        compile(countly().ingressClass("nginx"))
            .find(Ingress.class, "countly")
            .orElseThrow()
            .getSpec();

    assertThat(ingress.getIngressClassName()).isEqualTo("nginx");
    assertThat(ingress.getRules())
        .singleElement()
        .satisfies(
            rule -> {
              assertThat(rule.getHost()).isEqualTo("countly.demo.example.com");
              assertThat(rule.getHttp().getPaths())
                  .extracting(p -> p.getPath() + " -> " + p.getBackend().getService().getName())
                  .containsExactly(
                      "/i -> countly-api", "/o -> countly-api", "/ -> countly-frontend");
            });
    assertThat(
            compile(countly())
                .find(Ingress.class, "countly")
                .orElseThrow()
                .getSpec()
                .getIngressClassName())
        .isNull();
  }

  @Test
  void resources_andImages_reachTheContainers_andNodeHeapFollowsTheLimit() {
    var compiled =
        compile(
            countly()
                .apiResources(Resources.requests("500m", "1Gi").limits("2", "2Gi"))
                .apiImage("countly/api:24.05")
                .frontendImage("countly/frontend:24.05"));
    var api =
        compiled
            .find(Deployment.class, "countly-api")
            .orElseThrow()
            .getSpec()
            .getTemplate()
            .getSpec()
            .getContainers()
            .get(0);

    assertThat(api.getImage()).isEqualTo("countly/api:24.05");
    assertThat(api.getResources().getLimits().get("memory")).hasToString("2Gi");
    assertThat(api.getEnv())
        .anySatisfy(e -> assertThat(e.getValue()).isEqualTo("--max-old-space-size=1536"));
  }

  @Test
  void withoutAMongoDb_demoSaysWhatToAdd() {
    assertThatThrownBy(() -> Demo.with(countly()))
        .isInstanceOf(DemoWiringException.class)
        .hasMessage("countly() needs a MongoDB: add mongoSharded(n) or mongo(uri)");
  }

  @Test
  void badInput_isRejectedWithTheFieldTheValueAndWhatIsAllowed() {
    assertThatThrownBy(() -> countly().replicas(1))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("replicas must be between 2 and 100, was 1");
    assertThatThrownBy(() -> countly().cpuTargetPercent(0))
        .hasMessage("cpuTargetPercent must be between 10 and 100, was 0");
    assertThatThrownBy(() -> countly().apiImage("countly/api"))
        .hasMessageStartingWith("apiImage must be an image pinned");
    assertThatThrownBy(() -> countly().frontendImage("countly/frontend:latest"))
        .hasMessageEndingWith("was \"countly/frontend:latest\"");
    assertThatThrownBy(() -> countly().customMetricAutoscaling("requests per second", "50"))
        .hasMessage(
            "metric must be a metric name such as countly_requests_per_second, was \"requests per"
                + " second\"");
    assertThatThrownBy(() -> countly().customMetricAutoscaling("rps", "-5"))
        .hasMessage("averageValue must be a positive quantity such as 50 or 500m, was \"-5\"");
    assertThatThrownBy(() -> countly().ingressClass("Nginx"))
        .hasMessageStartingWith("ingressClass must be a lowercase RFC 1123 subdomain");
    assertThatThrownBy(() -> countly().scaleDownStabilization(Duration.ofHours(2)))
        .hasMessage("scaleDownStabilization must be between 1s and 1h, was \"2h\"");
    assertThatThrownBy(() -> compile(countly().replicas(5).maxReplicas(4)))
        .hasMessage("maxReplicas must be between 5 and 100, was 4");
  }
}
