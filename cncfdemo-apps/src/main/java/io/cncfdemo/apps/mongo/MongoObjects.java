package io.cncfdemo.apps.mongo;

import io.cncfdemo.apps.internal.KubeObjects;
import io.cncfdemo.apps.internal.NetworkRules;
import io.cncfdemo.apps.internal.Passwords;
import io.cncfdemo.apps.internal.PodSpecs;
import io.cncfdemo.apps.internal.Texts;
import io.cncfdemo.component.DemoContext;
import io.cncfdemo.component.Stage;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The objects of one {@link MongoSharded} in one demo. */
final class MongoObjects {
  /**
   * The demo's MongoDB client, the only app that reaches mongos; and the Prometheus that scrapes
   * its exporter.
   */
  static final String MONGO_CLIENT = "countly";

  static final String PROMETHEUS = "prometheus";

  /**
   * Bytes of the keyfile: Base64 of 756 bytes is 1008 characters, within MongoDB's limit of 1024.
   */
  static final int KEYFILE_BYTES = 756;

  private final MongoSharded mongo;
  private final DemoContext context;
  private final MongoPods pods;

  MongoObjects(MongoSharded mongo, DemoContext context) {
    this.mongo = mongo;
    this.context = context;
    this.pods = new MongoPods(mongo);
  }

  Map<Stage, List<HasMetadata>> byStage() {
    var datastore = new ArrayList<HasMetadata>(secrets());
    datastore.add(
        KubeObjects.configMap(
            MongoNames.SCRIPTS,
            labels("init"),
            Map.of(
                "wait.js", Texts.resource(MongoSharded.class, "wait.js"),
                "init-replica-set.js", Texts.resource(MongoSharded.class, "init-replica-set.js"),
                "init-sharding.js", Texts.resource(MongoSharded.class, "init-sharding.js"))));
    for (var set : mongo.replicaSets()) {
      datastore.addAll(replicaSet(set));
    }
    // The init Jobs reach the members and mongos; nothing reaches them.
    datastore.add(
        NetworkRules.forPods(
                MongoSharded.NAME + "-init", labels("init"), context.selector(mongo, "init"))
            .to(NetworkRules.component(MongoSharded.NAME), MongoSharded.PORT)
            .build());
    // mongos cannot become ready before the config servers' replica set is initiated, so it starts
    // with the Jobs.
    var jobs = new MongoJobs(mongo, context, pods);
    var initialization = new ArrayList<HasMetadata>(jobs.replicaSetJobs());
    initialization.addAll(mongos());
    initialization.add(jobs.shardingJob());
    var stages = new EnumMap<Stage, List<HasMetadata>>(Stage.class);
    stages.put(Stage.DATASTORE, datastore);
    stages.put(Stage.INITIALIZATION, initialization);
    return stages;
  }

  /** The keyfile and three users' credentials, all drawn at random per demo. */
  private List<HasMetadata> secrets() {
    var labels = labels("credentials");
    return List.of(
        KubeObjects.secret(
            MongoNames.KEYFILE_SECRET,
            labels,
            Map.of("keyfile", context.secret("mongo-keyfile", KEYFILE_BYTES))),
        credentials(MongoNames.ADMIN_SECRET, "admin", labels),
        credentials(MongoNames.APP_SECRET, mongo.database(), labels),
        credentials(MongoNames.MONITOR_SECRET, "monitor", labels));
  }

  private HasMetadata credentials(String name, String user, Map<String, String> labels) {
    var values = new LinkedHashMap<String, String>();
    values.put("username", user);
    values.put("password", Passwords.of(context, name + "-password"));
    return KubeObjects.secret(name, labels, values);
  }

  private List<HasMetadata> replicaSet(ReplicaSet set) {
    var name = set.objectName();
    var labels = labels(set.part());
    var selector = context.selector(mongo, set.part());
    var spec =
        PodSpecs.base(context.foregroundPriorityClass(), MongoPods.MONGODB_USER)
            .withAffinity(PodSpecs.spreadOverNodes(selector))
            .withTerminationGracePeriodSeconds(60L)
            .withInitContainers(pods.installKeyfile())
            .withContainers(pods.mongod(set))
            .withVolumes(pods.serverVolumes())
            .build();
    var statefulSet =
        new StatefulSetBuilder()
            .withMetadata(KubeObjects.meta(name, labels))
            .withNewSpec()
            .withServiceName(name)
            .withReplicas(set.members())
            .withPodManagementPolicy("Parallel")
            .withNewSelector()
            .withMatchLabels(selector)
            .endSelector()
            .withVolumeClaimTemplates(
                KubeObjects.claimTemplate("data", labels, set.storage(), mongo.storageClass()))
            .withNewPersistentVolumeClaimRetentionPolicy()
            .withWhenDeleted("Retain")
            .withWhenScaled("Retain")
            .endPersistentVolumeClaimRetentionPolicy()
            .endSpec()
            .build();
    // set on the built object: a builder would copy the whole pod template twice
    statefulSet.getSpec().setTemplate(PodSpecs.template(labels, Map.of(), spec));
    // Members talk to each other and to the other sets (mongos, the init Jobs, the config servers);
    // nobody else.
    var policy =
        NetworkRules.forPods(name, labels, selector)
            .from(NetworkRules.component(MongoSharded.NAME), MongoSharded.PORT)
            .to(NetworkRules.component(MongoSharded.NAME), MongoSharded.PORT)
            .build();
    return List.of(
        KubeObjects.headless(
            name, labels, selector, KubeObjects.port("mongodb", MongoSharded.PORT)),
        statefulSet,
        KubeObjects.oneAtATime(name, labels, selector),
        policy);
  }

  private List<HasMetadata> mongos() {
    var labels = labels(MongoNames.MONGOS);
    var selector = context.selector(mongo, MongoNames.MONGOS);
    var configDb = mongo.replicaSets().get(0).seedList(context.namespace());
    var spec =
        PodSpecs.base(context.foregroundPriorityClass(), MongoPods.MONGODB_USER)
            .withAffinity(PodSpecs.spreadOverNodes(selector))
            .withInitContainers(pods.installKeyfile())
            .withContainers(pods.mongos(configDb), pods.exporter())
            .withVolumes(pods.serverVolumes())
            .build();
    var deployment =
        KubeObjects.deployment(
            MongoNames.MONGOS,
            labels,
            selector,
            mongo.mongosReplicas(),
            PodSpecs.template(labels, PodSpecs.scrape(MongoPods.EXPORTER_PORT, "/metrics"), spec));
    var objects = new ArrayList<HasMetadata>();
    objects.add(deployment);
    objects.add(
        KubeObjects.service(
            MongoNames.MONGOS, labels, selector, KubeObjects.port("mongodb", MongoSharded.PORT)));
    if (mongo.mongosReplicas() > 1) {
      objects.add(KubeObjects.oneAtATime(MongoNames.MONGOS, labels, selector));
    }
    // Countly and the init Jobs query through mongos; Prometheus scrapes its exporter; mongos
    // reaches every member.
    objects.add(
        NetworkRules.forPods(MongoNames.MONGOS, labels, selector)
            .from(NetworkRules.component(MONGO_CLIENT), MongoSharded.PORT)
            .from(NetworkRules.component(MongoSharded.NAME), MongoSharded.PORT)
            .from(NetworkRules.component(PROMETHEUS), MongoPods.EXPORTER_PORT)
            .to(NetworkRules.component(MongoSharded.NAME), MongoSharded.PORT)
            .build());
    return objects;
  }

  private Map<String, String> labels(String part) {
    return context.labels(mongo, part);
  }
}
