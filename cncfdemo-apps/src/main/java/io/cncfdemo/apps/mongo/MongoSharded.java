package io.cncfdemo.apps.mongo;

import io.cncfdemo.apps.common.AppCapabilities;
import io.cncfdemo.apps.common.Imaged;
import io.cncfdemo.apps.common.MongoEndpoint;
import io.cncfdemo.apps.common.Resources;
import io.cncfdemo.apps.internal.ClusterNeeds;
import io.cncfdemo.apps.internal.Images;
import io.cncfdemo.apps.internal.Provided;
import io.cncfdemo.component.Capability;
import io.cncfdemo.component.Component;
import io.cncfdemo.component.DemoContext;
import io.cncfdemo.component.Need;
import io.cncfdemo.component.Stage;
import io.cncfdemo.exception.InvalidInputException;
import io.cncfdemo.support.Check;
import io.cncfdemo.support.CncfDemoValue;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * A sharded MongoDB: a config-server replica set of three members, {@link #shards()} shard replica
 * sets (StatefulSets with headless Services, volumes and disruption budgets), {@code mongos}
 * routers behind the Service {@code mongos}, a keyfile and user passwords generated per demo, a
 * NetworkPolicy that admits the demo's own pods only, and one-shot Jobs that initiate each replica
 * set, add the shards, enable sharding and create the users. Provides {@link
 * AppCapabilities#MONGODB}.
 */
@CncfDemoValue
public abstract class MongoSharded implements Component, Imaged<MongoSharded> {
  public static final String NAME = "mongo";

  /** The official image; its {@code mongodb} user is uid 999. */
  public static final String DEFAULT_IMAGE = "mongo:7.0.14";

  public static final String DEFAULT_EXPORTER_IMAGE = "percona/mongodb_exporter:0.40.0";
  public static final int DEFAULT_MEMBERS_PER_SHARD = 3;
  public static final int CONFIG_SERVER_MEMBERS = 3;
  public static final int DEFAULT_MONGOS_REPLICAS = 2;
  public static final String DEFAULT_STORAGE = "10Gi";
  public static final String DEFAULT_CONFIG_SERVER_STORAGE = "2Gi";
  public static final String DEFAULT_DATABASE = "countly";
  public static final Resources DEFAULT_SHARD_RESOURCES =
      Resources.requests("250m", "512Mi").limits("1", "1Gi");
  public static final Resources DEFAULT_CONFIG_SERVER_RESOURCES =
      Resources.requests("100m", "256Mi").limits("500m", "512Mi");
  public static final Resources DEFAULT_MONGOS_RESOURCES =
      Resources.requests("100m", "128Mi").limits("500m", "256Mi");
  public static final int MAX_SHARDS = 16;
  static final int PORT = 27017;
  static final Pattern DATABASE = Pattern.compile("[a-z][a-z0-9_]{0,37}");

  MongoSharded() {}

  /** A sharded MongoDB of {@code shards} shards, each a replica set of three members. */
  public static MongoSharded of(int shards) {
    return ImmutableMongoSharded.builder()
        .shards(Check.between("shards", shards, 1, MAX_SHARDS))
        .build();
  }

  /** How many shard replica sets hold the data. */
  public abstract int shards();

  /**
   * Members of each shard's replica set: an odd number, so that a majority can always elect a
   * primary.
   */
  @Value.Default
  public int membersPerShard() {
    return DEFAULT_MEMBERS_PER_SHARD;
  }

  /** Replicas of the {@code mongos} router Deployment. */
  @Value.Default
  public int mongosReplicas() {
    return DEFAULT_MONGOS_REPLICAS;
  }

  /** The image of {@code mongod}, {@code mongos} and the init Jobs' {@code mongosh}. */
  @Value.Default
  @Override
  public String image() {
    return DEFAULT_IMAGE;
  }

  /** The Prometheus exporter next to each {@code mongos}. */
  @Value.Default
  public String exporterImage() {
    return DEFAULT_EXPORTER_IMAGE;
  }

  /** The volume of each shard member. */
  @Value.Default
  public String storage() {
    return DEFAULT_STORAGE;
  }

  /** The volume of each config-server member. */
  @Value.Default
  public String configServerStorage() {
    return DEFAULT_CONFIG_SERVER_STORAGE;
  }

  /** The StorageClass of the volumes; the cluster's default class when empty. */
  public abstract Optional<String> storageClass();

  @Value.Default
  public Resources shardResources() {
    return DEFAULT_SHARD_RESOURCES;
  }

  @Value.Default
  public Resources configServerResources() {
    return DEFAULT_CONFIG_SERVER_RESOURCES;
  }

  @Value.Default
  public Resources mongosResources() {
    return DEFAULT_MONGOS_RESOURCES;
  }

  /** The application's database: sharding is enabled for it, and its user is named after it. */
  @Value.Default
  public String database() {
    return DEFAULT_DATABASE;
  }

  public MongoSharded membersPerShard(int members) {
    if (members < 1 || members > 7 || members % 2 == 0) {
      throw new InvalidInputException(
          "membersPerShard",
          members,
          "an odd number from 1 to 7, so that a majority can elect a primary");
    }
    return ImmutableMongoSharded.copyOf(this).copyWithMembersPerShard(members);
  }

  public MongoSharded mongosReplicas(int replicas) {
    return ImmutableMongoSharded.copyOf(this)
        .copyWithMongosReplicas(Check.between("mongosReplicas", replicas, 1, 10));
  }

  @Override
  public MongoSharded image(String image) {
    return ImmutableMongoSharded.copyOf(this).copyWithImage(Images.pinned("image", image));
  }

  public MongoSharded exporterImage(String image) {
    return ImmutableMongoSharded.copyOf(this)
        .copyWithExporterImage(Images.pinned("exporterImage", image));
  }

  public MongoSharded storage(String size) {
    return ImmutableMongoSharded.copyOf(this).copyWithStorage(Resources.memory("storage", size));
  }

  public MongoSharded configServerStorage(String size) {
    return ImmutableMongoSharded.copyOf(this)
        .copyWithConfigServerStorage(Resources.memory("configServerStorage", size));
  }

  public MongoSharded storageClass(String storageClass) {
    return ImmutableMongoSharded.copyOf(this)
        .copyWithStorageClass(Check.dnsSubdomain("storageClass", storageClass));
  }

  public MongoSharded shardResources(Resources resources) {
    return ImmutableMongoSharded.copyOf(this)
        .copyWithShardResources(Check.notNull("shardResources", resources, "CPU and memory"));
  }

  public MongoSharded configServerResources(Resources resources) {
    return ImmutableMongoSharded.copyOf(this)
        .copyWithConfigServerResources(
            Check.notNull("configServerResources", resources, "CPU and memory"));
  }

  public MongoSharded mongosResources(Resources resources) {
    return ImmutableMongoSharded.copyOf(this)
        .copyWithMongosResources(Check.notNull("mongosResources", resources, "CPU and memory"));
  }

  public MongoSharded database(String database) {
    return ImmutableMongoSharded.copyOf(this)
        .copyWithDatabase(
            Check.matches(
                "database",
                database,
                DATABASE,
                "a database name of a-z, 0-9 and '_', starting with a letter, at most 38"
                    + " characters"));
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String describe() {
    return "mongoSharded(" + shards() + ")";
  }

  @Override
  public Set<Capability<?>> provides() {
    return Set.of(AppCapabilities.MONGODB);
  }

  @Override
  public <T> T provide(Capability<T> capability, DemoContext context) {
    var host = MongoNames.MONGOS + "." + context.namespace() + ".svc";
    return Provided.only(
        this,
        capability,
        AppCapabilities.MONGODB,
        () ->
            new MongoEndpoint(
                "mongodb://" + host + ":" + PORT + "/" + database(),
                Optional.of(host),
                PORT,
                database(),
                Optional.of(MongoNames.APP_SECRET),
                image()));
  }

  /** Volumes for every member, of {@link #storageClass()} or the cluster's default class. */
  @Override
  public List<Need> needs() {
    return List.of(ClusterNeeds.volumes(storageClass()));
  }

  @Override
  public Map<Stage, List<HasMetadata>> objects(DemoContext context) {
    return new MongoObjects(this, context).byStage();
  }

  /** The replica sets, config servers first. */
  List<ReplicaSet> replicaSets() {
    var sets = new java.util.ArrayList<ReplicaSet>();
    sets.add(
        new ReplicaSet(
            "config",
            "config-server",
            CONFIG_SERVER_MEMBERS,
            true,
            configServerResources(),
            configServerStorage()));
    for (int shard = 0; shard < shards(); shard++) {
      sets.add(
          new ReplicaSet(
              "shard-" + shard,
              "shard-" + shard,
              membersPerShard(),
              false,
              shardResources(),
              storage()));
    }
    return sets;
  }

  @Override
  public String toString() {
    return describe();
  }
}
