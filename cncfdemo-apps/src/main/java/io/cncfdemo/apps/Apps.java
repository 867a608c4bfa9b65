package io.cncfdemo.apps;

import io.cncfdemo.apps.addons.IngressNginx;
import io.cncfdemo.apps.addons.LocalPathStorage;
import io.cncfdemo.apps.addons.MetricsServer;
import io.cncfdemo.apps.boinc.Boinc;
import io.cncfdemo.apps.countly.Countly;
import io.cncfdemo.apps.mongo.MongoExternal;
import io.cncfdemo.apps.mongo.MongoSharded;
import io.cncfdemo.apps.monitoring.Grafana;
import io.cncfdemo.apps.monitoring.Prometheus;
import io.cncfdemo.apps.monitoring.Pushgateway;
import io.cncfdemo.apps.wrk.Wrk;

/**
 * The sample applications, for {@code import static io.cncfdemo.apps.Apps.*}: {@link #countly()},
 * {@link #mongoSharded(int)}, {@link #mongo(String)}, {@link #boinc()}, {@link #prometheus()},
 * {@link #pushgateway()}, {@link #grafana()}, {@link #wrk(String)} and the cluster add-ons {@link
 * #metricsServer()}, {@link #ingressNginx()} and {@link #localPathStorage()}, each an immutable
 * {@code Component} with typed settings.
 *
 * <pre>Demo.with(countly(), mongoSharded(3), boinc())</pre>
 *
 * Prometheus, Pushgateway and Grafana join every demo by default; {@code
 * Demo...withoutMonitoring()} removes them, and one given explicitly ({@code
 * prometheus().retention(Duration.ofDays(30))}) replaces its default.
 */
public final class Apps {
  private Apps() {}

  /**
   * Countly: the API autoscaled from two replicas, the dashboard, an Ingress for {@code
   * countly.<domain>}; needs a MongoDB.
   */
  public static Countly countly() {
    return Countly.create();
  }

  /**
   * A sharded MongoDB of {@code shards} three-member replica sets, three config servers and two
   * {@code mongos}.
   */
  public static MongoSharded mongoSharded(int shards) {
    return MongoSharded.of(shards);
  }

  /**
   * A MongoDB outside the demo, at a {@code mongodb://} or {@code mongodb+srv://} URI without
   * credentials.
   */
  public static MongoExternal mongo(String uri) {
    return MongoExternal.of(uri);
  }

  /**
   * BOINC for World Community Grid at background priority, one client per minion; reads the account
   * key from the Secret {@code boinc-account} (key {@code account-key}) that you create, or the one
   * of {@code boinc().accountKeySecret(name, key)}.
   */
  public static Boinc boinc() {
    return Boinc.create();
  }

  /** Prometheus with Kubernetes service discovery, rules and a volume (a default of every demo). */
  public static Prometheus prometheus() {
    return Prometheus.create();
  }

  /** The Prometheus Pushgateway (a default of every demo). */
  public static Pushgateway pushgateway() {
    return Pushgateway.create();
  }

  /**
   * Grafana with the Prometheus data source and the demo's dashboards (a default of every demo).
   */
  public static Grafana grafana() {
    return Grafana.create();
  }

  /**
   * metrics-server in {@code kube-system}: the metrics API that Countly's autoscaler reads. Part of
   * the {@code addons} group; {@code metricsServer().kubeletInsecureTls(true)} on kind and
   * minikube.
   */
  public static MetricsServer metricsServer() {
    return MetricsServer.create();
  }

  /**
   * The ingress-nginx controller in {@code ingress-nginx}, with the default IngressClass {@code
   * nginx} behind a LoadBalancer Service. Part of the {@code addons} group.
   */
  public static IngressNginx ingressNginx() {
    return IngressNginx.create();
  }

  /**
   * Rancher's local-path-provisioner and the default StorageClass {@code local-path}, for clusters
   * without one (bare metal, kind-like). Part of the {@code addons} group, but it joins a demo by
   * itself only where the cluster's provider declares the nodes' disks its storage.
   */
  public static LocalPathStorage localPathStorage() {
    return LocalPathStorage.create();
  }

  /** An HTTP load test of {@code url} with wrk, as a suspended Job that a benchmark starts. */
  public static Wrk wrk(String url) {
    return Wrk.of(url);
  }
}
