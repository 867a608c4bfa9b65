package io.cncfdemo.examples.benchmark;

import static io.cncfdemo.apps.Apps.boinc;
import static io.cncfdemo.apps.Apps.countly;
import static io.cncfdemo.apps.Apps.mongoSharded;

import io.cncfdemo.Demo;
import io.cncfdemo.apps.countly.Countly;
import io.cncfdemo.apps.mongo.MongoSharded;
import io.cncfdemo.cluster.ClusterSpec;
import io.cncfdemo.support.Check;

/**
 * The demo sized for a cluster of N minions, as the original ran on the 1,000-node community
 * cluster: a Countly API replica per 50 minions (3 to 100; the autoscaler may go to twice that, at
 * least Countly's default of {@value Countly#DEFAULT_MAX_REPLICAS}), a MongoDB shard per 100
 * minions (3 to {@value MongoSharded#MAX_SHARDS}), and BOINC on every minion at the background
 * priority, filling the capacity the others leave idle (BOINC's default: one replica per minion).
 * 1,000 minions: {@code countly().replicas(20)}, {@code mongoSharded(10)}, {@code boinc()}.
 */
public final class DemoSizing {
  public static final int MINIONS_PER_COUNTLY_REPLICA = 50;
  public static final int MINIONS_PER_SHARD = 100;
  public static final int MIN_COUNTLY_REPLICAS = 3;
  public static final int MAX_COUNTLY_REPLICAS = 100;
  public static final int MIN_SHARDS = 3;

  private DemoSizing() {}

  /** The demo for {@code minions} minions (1 to 1000). */
  public static Demo forMinions(int minions) {
    Check.between("minions", minions, 1, ClusterSpec.MAX_MINIONS);
    return Demo.with(
        countly().replicas(countlyReplicas(minions)).maxReplicas(maxCountlyReplicas(minions)),
        mongoSharded(shards(minions)),
        boinc());
  }

  /** Countly API replicas for {@code minions}: one per 50, 3 to 100. */
  public static int countlyReplicas(int minions) {
    return clamp(minions / MINIONS_PER_COUNTLY_REPLICA, MIN_COUNTLY_REPLICAS, MAX_COUNTLY_REPLICAS);
  }

  /** MongoDB shards for {@code minions}: one per 100, 3 to 16. */
  public static int shards(int minions) {
    return clamp(minions / MINIONS_PER_SHARD, MIN_SHARDS, MongoSharded.MAX_SHARDS);
  }

  private static int maxCountlyReplicas(int minions) {
    return Math.min(
        MAX_COUNTLY_REPLICAS, Math.max(Countly.DEFAULT_MAX_REPLICAS, 2 * countlyReplicas(minions)));
  }

  private static int clamp(int value, int min, int max) {
    return Math.max(min, Math.min(max, value));
  }
}
