package io.cncfdemo.apps.mongo;

import io.cncfdemo.apps.internal.Containers;
import io.cncfdemo.apps.internal.KubeObjects;
import io.cncfdemo.apps.internal.PodSpecs;
import io.cncfdemo.component.DemoContext;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The one-shot Jobs that turn the StatefulSets into a sharded cluster: one {@code rs.initiate} per
 * replica set, then one that adds the shards, enables sharding and creates the users. Each checks
 * before it acts, so re-running any of them (a re-apply, a retry) changes nothing that is already
 * done.
 */
final class MongoJobs {
  private final MongoSharded mongo;
  private final DemoContext context;
  private final MongoPods pods;

  MongoJobs(MongoSharded mongo, DemoContext context, MongoPods pods) {
    this.mongo = mongo;
    this.context = context;
    this.pods = pods;
  }

  /**
   * {@code mongo-config-init}, {@code mongo-shard-0-init}, ...: each waits for its members, then
   * initiates.
   */
  List<HasMetadata> replicaSetJobs() {
    var jobs = new ArrayList<HasMetadata>();
    for (var set : mongo.replicaSets()) {
      var hosts = String.join(",", set.hosts(context.namespace()));
      var wait =
          pods.shell(
              "wait-for-members",
              "wait.js",
              List.of(Containers.env("WAIT_HOSTS", hosts), Containers.env("WAIT_FOR", "ping")));
      var initiate =
          pods.shell(
              "initiate",
              "init-replica-set.js",
              List.of(
                  Containers.env("RS_NAME", set.name()), Containers.env("RS_MEMBERS", hosts),
                  Containers.env("RS_CONFIG_SERVER", String.valueOf(set.configServer())),
                      Containers.env("KEYFILE", MongoPods.KEYFILE)));
      jobs.add(job(set.objectName() + "-init", List.of(wait), initiate));
    }
    return jobs;
  }

  /**
   * {@code mongo-sharding-init}: waits for mongos and for a primary in every shard, then adds
   * shards and users.
   */
  Job shardingJob() {
    var mongos = MongoNames.MONGOS + "." + context.namespace() + ".svc:" + MongoSharded.PORT;
    var shards = mongo.replicaSets().stream().filter(set -> !set.configServer()).toList();
    var waitForMongos =
        pods.shell(
            "wait-for-mongos",
            "wait.js",
            List.of(Containers.env("WAIT_HOSTS", mongos), Containers.env("WAIT_FOR", "ping")));
    var waitForShards =
        pods.shell(
            "wait-for-shards",
            "wait.js",
            List.of(
                Containers.env(
                    "WAIT_HOSTS",
                    shards.stream()
                        .map(set -> set.hosts(context.namespace()).get(0))
                        .collect(Collectors.joining(","))),
                Containers.env("WAIT_FOR", "primary")));
    var env =
        new ArrayList<EnvVar>(
            List.of(
                Containers.env("MONGOS", mongos),
                Containers.env(
                    "SHARDS",
                    shards.stream()
                        .map(set -> set.seedList(context.namespace()))
                        .collect(Collectors.joining(";"))),
                Containers.env("DATABASE", mongo.database()),
                Containers.env("APP_DATABASES", String.join(",", appDatabases())),
                Containers.env("KEYFILE", MongoPods.KEYFILE)));
    env.addAll(credentials("ADMIN", MongoNames.ADMIN_SECRET));
    env.addAll(credentials("APP", MongoNames.APP_SECRET));
    env.addAll(credentials("MONITOR", MongoNames.MONITOR_SECRET));
    return job(
        MongoSharded.NAME + "-sharding-init",
        List.of(waitForMongos, waitForShards),
        pods.shell("configure", "init-sharding.js", env));
  }

  /**
   * The databases the application user may write: Countly keeps events, exports and files in three
   * more.
   */
  List<String> appDatabases() {
    var database = mongo.database();
    return List.of(database, database + "_drill", database + "_out", database + "_fs");
  }

  private static List<EnvVar> credentials(String prefix, String secret) {
    return List.of(
        Containers.fromSecret(prefix + "_USERNAME", secret, "username"),
        Containers.fromSecret(prefix + "_PASSWORD", secret, "password"));
  }

  private Job job(String name, List<Container> waits, Container main) {
    var labels = context.labels(mongo, "init");
    var spec =
        PodSpecs.base(context.foregroundPriorityClass(), MongoPods.MONGODB_USER)
            .withRestartPolicy("Never")
            .withInitContainers(waits)
            .withContainers(main)
            .withVolumes(pods.jobVolumes())
            .build();
    var job =
        new JobBuilder()
            .withMetadata(KubeObjects.meta(name, labels))
            .withNewSpec()
            .withBackoffLimit(6)
            .withActiveDeadlineSeconds(1800L)
            .endSpec()
            .build();
    // set on the built object: a builder would copy the whole pod template twice
    job.getSpec().setTemplate(PodSpecs.template(labels, Map.of(), spec));
    return job;
  }
}
