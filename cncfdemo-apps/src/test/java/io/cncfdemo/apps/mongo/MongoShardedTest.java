package io.cncfdemo.apps.mongo;

import static io.cncfdemo.apps.Apps.countly;
import static io.cncfdemo.apps.Apps.mongoSharded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cncfdemo.Demo;
import io.cncfdemo.apps.common.Resources;
import io.cncfdemo.component.Stage;
import io.cncfdemo.demo.CompiledDemo;
import io.cncfdemo.exception.InvalidInputException;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class MongoShardedTest {

  static CompiledDemo compile(MongoSharded mongo) {
    return Demo.with(mongo).withoutMonitoring().compile();
  }

  @Test
  void
      mongoSharded3_isAConfigServerSetAndThreeShardSets_eachAStatefulSetWithHeadlessServiceAndBudget() {
    var compiled = compile(mongoSharded(3));

    assertThat(compiled.stage(Stage.DATASTORE))
        .filteredOn(StatefulSet.class::isInstance)
        .extracting("metadata.name")
        .containsExactly("mongo-config", "mongo-shard-0", "mongo-shard-1", "mongo-shard-2");
    assertThat(compiled.stage(Stage.DATASTORE))
        .filteredOn(PodDisruptionBudget.class::isInstance)
        .hasSize(4);
    for (var name : List.of("mongo-config", "mongo-shard-0", "mongo-shard-1", "mongo-shard-2")) {
      var set = compiled.find(StatefulSet.class, name).orElseThrow();
      var service = compiled.find(Service.class, name).orElseThrow();
      assertThat(set.getSpec().getReplicas()).isEqualTo(3);
      assertThat(set.getSpec().getServiceName()).isEqualTo(name);
      assertThat(service.getSpec().getClusterIP()).isEqualTo("None");
      assertThat(service.getSpec().getPublishNotReadyAddresses()).isTrue();
      assertThat(service.getSpec().getSelector())
          .isEqualTo(set.getSpec().getSelector().getMatchLabels());
      assertThat(set.getSpec().getVolumeClaimTemplates())
          .singleElement()
          .satisfies(
              claim ->
                  assertThat(claim.getSpec().getAccessModes()).containsExactly("ReadWriteOnce"));
      var affinity = set.getSpec().getTemplate().getSpec().getAffinity().getPodAntiAffinity();
      assertThat(affinity.getRequiredDuringSchedulingIgnoredDuringExecution()).isEmpty();
      assertThat(affinity.getPreferredDuringSchedulingIgnoredDuringExecution())
          .singleElement()
          .satisfies(
              term ->
                  assertThat(term.getPodAffinityTerm().getTopologyKey())
                      .isEqualTo("kubernetes.io/hostname"));
    }
    assertThat(args(compiled, "mongo-config")).contains("--configsvr", "--replSet", "config");
    assertThat(args(compiled, "mongo-shard-1")).contains("--shardsvr", "--replSet", "shard-1");
  }

  @Test
  void mongos_isADeploymentBehindTheServiceMongos_pointedAtTheConfigServers_withAnExporter() {
    var compiled = compile(mongoSharded(2));

    var mongos = compiled.find(Deployment.class, "mongos").orElseThrow();
    var service = compiled.find(Service.class, "mongos").orElseThrow();
    assertThat(mongos.getSpec().getReplicas()).isEqualTo(2);
    assertThat(service.getSpec().getPorts()).extracting("port").containsExactly(27017);
    var containers = mongos.getSpec().getTemplate().getSpec().getContainers();
    assertThat(containers).extracting("name").containsExactly("mongos", "exporter");
    assertThat(containers.get(0).getArgs())
        .containsSequence(
            "--configdb",
            "config/mongo-config-0.mongo-config.cncfdemo.svc:27017,mongo-config-1.mongo-config.cncfdemo.svc:27017,"
                + "mongo-config-2.mongo-config.cncfdemo.svc:27017");
    assertThat(mongos.getSpec().getTemplate().getMetadata().getAnnotations())
        .containsEntry("prometheus.io/scrape", "true")
        .containsEntry("prometheus.io/port", "9216");
  }

  @Test
  void mongoPods_areReachableFromMongoCountlyAndPrometheusOnly() {
    var compiled = compile(mongoSharded(1));
    var shard =
        compiled
            .find(
                io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy.class, "mongo-shard-0")
            .orElseThrow()
            .getSpec();
    assertThat(shard.getPolicyTypes()).containsExactly("Ingress", "Egress");
    assertThat(shard.getIngress())
        .singleElement()
        .satisfies(
            rule -> {
              assertThat(rule.getFrom())
                  .singleElement()
                  .satisfies(
                      peer ->
                          assertThat(peer.getPodSelector().getMatchLabels())
                              .containsExactly(
                                  java.util.Map.entry("app.kubernetes.io/name", "mongo")));
              assertThat(rule.getPorts())
                  .extracting(port -> port.getPort().getIntVal())
                  .containsExactly(27017);
            });
    var mongos =
        compiled
            .find(io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy.class, "mongos")
            .orElseThrow()
            .getSpec();
    assertThat(mongos.getIngress())
        .extracting(
            rule ->
                rule.getFrom()
                        .get(0)
                        .getPodSelector()
                        .getMatchLabels()
                        .get("app.kubernetes.io/name")
                    + ":"
                    + rule.getPorts().get(0).getPort().getIntVal())
        .containsExactly("countly:27017", "mongo:27017", "prometheus:9216");
  }

  @Test
  void keyfile_isRandomPerDemo_stablePerDemoValue_andWithinMongosLimits() {
    var demo = Demo.with(mongoSharded(1)).withoutMonitoring();
    var keyfile = keyfile(demo.compile());

    assertThat(keyfile).hasSize(1008).matches("[A-Za-z0-9+/=]+");
    assertThat(keyfile(demo.compile())).isEqualTo(keyfile);
    assertThat(keyfile(Demo.with(mongoSharded(1)).withoutMonitoring().compile()))
        .isNotEqualTo(keyfile);
  }

  @Test
  void credentials_areGeneratedPerDemo_andOnlyReferencedFromPods() {
    var compiled = compile(mongoSharded(1));

    for (var name : List.of("mongo-admin", "mongo-app", "mongo-monitor")) {
      var secret = compiled.find(Secret.class, name).orElseThrow();
      assertThat(decode(secret, "password"))
          .hasSizeGreaterThanOrEqualTo(30)
          .matches("[A-Za-z0-9]+");
    }
    assertThat(decode(compiled.find(Secret.class, "mongo-app").orElseThrow(), "username"))
        .isEqualTo("countly");
    var password = decode(compiled.find(Secret.class, "mongo-admin").orElseThrow(), "password");
    assertThat(compiled.toYaml()).doesNotContain(password);
  }

  @Test
  void initJobs_initiateEachReplicaSet_thenAddShardsEnableShardingAndCreateUsers() {
    var compiled = compile(mongoSharded(3));

    assertThat(compiled.stage(Stage.INITIALIZATION))
        .filteredOn(Job.class::isInstance)
        .extracting("metadata.name")
        .containsExactly(
            "mongo-config-init",
            "mongo-shard-0-init",
            "mongo-shard-1-init",
            "mongo-shard-2-init",
            "mongo-sharding-init");
    var config =
        compiled
            .find(Job.class, "mongo-config-init")
            .orElseThrow()
            .getSpec()
            .getTemplate()
            .getSpec();
    assertThat(config.getInitContainers())
        .singleElement()
        .satisfies(
            wait ->
                assertThat(env(wait.getEnv(), "WAIT_HOSTS"))
                    .isEqualTo(
                        "mongo-config-0.mongo-config.cncfdemo.svc:27017,mongo-config-1.mongo-config.cncfdemo.svc:27017,"
                            + "mongo-config-2.mongo-config.cncfdemo.svc:27017"));
    assertThat(env(config.getContainers().get(0).getEnv(), "RS_CONFIG_SERVER")).isEqualTo("true");
    var sharding =
        compiled
            .find(Job.class, "mongo-sharding-init")
            .orElseThrow()
            .getSpec()
            .getTemplate()
            .getSpec();
    assertThat(sharding.getInitContainers())
        .extracting("name")
        .containsExactly("wait-for-mongos", "wait-for-shards");
    var shards = env(sharding.getContainers().get(0).getEnv(), "SHARDS");
    assertThat(shards.split(";"))
        .hasSize(3)
        .allMatch(shard -> shard.matches("shard-\\d/([^,]+:27017,){2}[^,]+:27017"));
    assertThat(env(sharding.getContainers().get(0).getEnv(), "DATABASE")).isEqualTo("countly");
    assertThat(sharding.getContainers().get(0).getEnv())
        .filteredOn(e -> e.getName().endsWith("_PASSWORD"))
        .allSatisfy(e -> assertThat(e.getValueFrom().getSecretKeyRef()).isNotNull());
    assertThat(sharding.getRestartPolicy()).isEqualTo("Never");
  }

  @Test
  void initScripts_checkBeforeTheyAct_soThatTheJobsCanRunAgain() {
    var scripts =
        compile(mongoSharded(1))
            .find(io.fabric8.kubernetes.api.model.ConfigMap.class, "mongo-scripts")
            .orElseThrow()
            .getData();

    assertThat(scripts.get("init-replica-set.js"))
        .contains("replSetGetStatus", "NotYetInitialized", "is already initiated");
    assertThat(scripts.get("init-sharding.js"))
        .contains("listShards", "is already part of the cluster", "getUser", "updateUser");
  }

  @Test
  void options_reachTheObjects() {
    var compiled =
        compile(
            mongoSharded(1)
                .membersPerShard(5)
                .mongosReplicas(3)
                .storage("50Gi")
                .storageClass("fast-ssd")
                .shardResources(Resources.requests("1", "4Gi").limits("2", "8Gi"))
                .image("mongo:7.0.12")
                .database("shop"));

    var shard = compiled.find(StatefulSet.class, "mongo-shard-0").orElseThrow();
    assertThat(shard.getSpec().getReplicas()).isEqualTo(5);
    assertThat(shard.getSpec().getVolumeClaimTemplates().get(0).getSpec().getStorageClassName())
        .isEqualTo("fast-ssd");
    assertThat(
            shard
                .getSpec()
                .getVolumeClaimTemplates()
                .get(0)
                .getSpec()
                .getResources()
                .getRequests()
                .get("storage"))
        .hasToString("50Gi");
    assertThat(shard.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
        .isEqualTo("mongo:7.0.12");
    assertThat(args(compiled, "mongo-shard-0")).containsSequence("--wiredTigerCacheSizeGB", "3.50");
    assertThat(compiled.find(Deployment.class, "mongos").orElseThrow().getSpec().getReplicas())
        .isEqualTo(3);
    assertThat(decode(compiled.find(Secret.class, "mongo-app").orElseThrow(), "username"))
        .isEqualTo("shop");
  }

  @Test
  void describe_andEndpoint_nameTheMongosServiceOfTheDemosNamespace() {
    var mongo = mongoSharded(3);
    var compiled = Demo.with(countly(), mongo).inNamespace("shop").withoutMonitoring().compile();

    assertThat(mongo.describe()).isEqualTo("mongoSharded(3)");
    assertThat(mongo.name()).isEqualTo("mongo");
    assertThat(
            compiled
                .find(io.fabric8.kubernetes.api.model.ConfigMap.class, "countly-api-config")
                .orElseThrow()
                .getData()
                .get("config.js"))
        .contains("host: \"mongos.shop.svc\"");
  }

  @Test
  void badInput_isRejectedWithTheFieldTheValueAndWhatIsAllowed() {
    assertThatThrownBy(() -> mongoSharded(0))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("shards must be between 1 and 16, was 0");
    assertThatThrownBy(() -> mongoSharded(17))
        .hasMessage("shards must be between 1 and 16, was 17");
    assertThatThrownBy(() -> mongoSharded(1).membersPerShard(2))
        .hasMessage(
            "membersPerShard must be an odd number from 1 to 7, so that a majority can elect a"
                + " primary, was 2");
    assertThatThrownBy(() -> mongoSharded(1).mongosReplicas(0))
        .hasMessage("mongosReplicas must be between 1 and 10, was 0");
    assertThatThrownBy(() -> mongoSharded(1).image("mongo:latest"))
        .hasMessage(
            "image must be an image pinned to a version tag or a digest, such as mongo:7.0.14 (not"
                + " :latest), was \"mongo:latest\"");
    assertThatThrownBy(() -> mongoSharded(1).image("mongo")).hasMessageEndingWith("was \"mongo\"");
    assertThatThrownBy(() -> mongoSharded(1).storage("lots"))
        .hasMessage("storage must be a memory quantity such as 256Mi or 2Gi, was \"lots\"");
    assertThatThrownBy(() -> mongoSharded(1).storageClass("Fast_SSD"))
        .hasMessageStartingWith("storageClass must be a lowercase RFC 1123 subdomain");
    assertThatThrownBy(() -> mongoSharded(1).database("Shop-DB"))
        .hasMessage(
            "database must be a database name of a-z, 0-9 and '_', starting with a letter, at most"
                + " 38 characters, was \"Shop-DB\"");
    assertThatThrownBy(() -> mongoSharded(1).shardResources(null))
        .hasMessage("shardResources must be CPU and memory, was null");
  }

  private static List<String> args(CompiledDemo compiled, String statefulSet) {
    return compiled
        .find(StatefulSet.class, statefulSet)
        .orElseThrow()
        .getSpec()
        .getTemplate()
        .getSpec()
        .getContainers()
        .get(0)
        .getArgs();
  }

  private static String keyfile(CompiledDemo compiled) {
    return decode(compiled.find(Secret.class, "mongo-keyfile").orElseThrow(), "keyfile");
  }

  private static String decode(HasMetadata secret, String key) {
    return new String(
        Base64.getDecoder().decode(((Secret) secret).getData().get(key)), StandardCharsets.UTF_8);
  }

  private static String env(List<EnvVar> env, String name) {
    return env.stream().filter(e -> e.getName().equals(name)).findFirst().orElseThrow().getValue();
  }
}
