package io.cncfdemo.apps.mongo;

import io.cncfdemo.apps.common.Resources;
import io.cncfdemo.apps.internal.Containers;
import io.cncfdemo.apps.internal.Hardening.RootFilesystem;
import io.cncfdemo.apps.internal.Volumes;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Volume;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The containers and volumes of the sharded MongoDB's pods: servers, routers, exporter and {@code
 * mongosh} jobs.
 */
final class MongoPods {
  /**
   * The {@code mongodb} user of the official image, which defaults to root for its entrypoint's
   * chown only.
   */
  static final long MONGODB_USER = 999;

  static final String KEYFILE = "/etc/mongo-keyfile/keyfile";
  static final Resources SHELL_RESOURCES =
      Resources.requests("50m", "128Mi").limits("500m", "256Mi");
  static final Resources COPY_RESOURCES = Resources.requests("10m", "16Mi").limits("100m", "32Mi");
  static final Resources EXPORTER_RESOURCES =
      Resources.requests("20m", "32Mi").limits("200m", "128Mi");
  static final int EXPORTER_PORT = 9216;
  private static final String SECRET_MOUNT = "/etc/mongo-keyfile-secret";
  private static final String SCRIPTS = "/etc/mongo-scripts";

  private final MongoSharded mongo;

  MongoPods(MongoSharded mongo) {
    this.mongo = mongo;
  }

  /**
   * Copies the keyfile from its Secret into memory with mode 0400: {@code mongod} refuses a key
   * that its group may read, and a Secret volume gives the pod's fsGroup read access.
   */
  Container installKeyfile() {
    return Containers.hardened(
            "install-keyfile", mongo.image(), COPY_RESOURCES, RootFilesystem.READ_ONLY)
        .withCommand(
            "sh", "-c", "cp " + SECRET_MOUNT + "/keyfile " + KEYFILE + " && chmod 0400 " + KEYFILE)
        .withVolumeMounts(
            Volumes.mount("keyfile-secret", SECRET_MOUNT, true),
            Volumes.mount("keyfile", "/etc/mongo-keyfile", false))
        .build();
  }

  /** A member of a replica set, on its volume {@code data}. */
  Container mongod(ReplicaSet set) {
    var args =
        new ArrayList<>(
            List.of(
                "--replSet",
                set.name(),
                set.configServer() ? "--configsvr" : "--shardsvr",
                "--port",
                String.valueOf(MongoSharded.PORT),
                "--bind_ip_all",
                "--dbpath",
                "/data/db",
                "--keyFile",
                KEYFILE,
                "--wiredTigerCacheSizeGB",
                cacheSizeGb(set.resources())));
    return server("mongod", set.resources(), args)
        .withVolumeMounts(
            Volumes.mount("data", "/data/db", false),
            Volumes.mount("tmp", "/tmp", false),
            Volumes.mount("keyfile", "/etc/mongo-keyfile", true))
        .build();
  }

  /** A router of the cluster whose config servers are {@code configDb}. */
  Container mongos(String configDb) {
    var args =
        List.of(
            "--configdb",
            configDb,
            "--port",
            String.valueOf(MongoSharded.PORT),
            "--bind_ip_all",
            "--keyFile",
            KEYFILE);
    return server("mongos", mongo.mongosResources(), args)
        .withVolumeMounts(
            Volumes.mount("tmp", "/tmp", false),
            Volumes.mount("keyfile", "/etc/mongo-keyfile", true))
        .build();
  }

  /** The Prometheus exporter next to a {@code mongos}, as the monitoring user. */
  Container exporter() {
    return Containers.hardened(
            "exporter", mongo.exporterImage(), EXPORTER_RESOURCES, RootFilesystem.READ_ONLY)
        .withArgs("--collect-all", "--compatible-mode", "--web.listen-address=:" + EXPORTER_PORT)
        .withEnv(
            Containers.fromSecret("MONGODB_USER", MongoNames.MONITOR_SECRET, "username"),
            Containers.fromSecret("MONGODB_PASSWORD", MongoNames.MONITOR_SECRET, "password"),
            Containers.env(
                "MONGODB_URI",
                "mongodb://$(MONGODB_USER):$(MONGODB_PASSWORD)@127.0.0.1:"
                    + MongoSharded.PORT
                    + "/admin"))
        .addNewPort()
        .withName("metrics")
        .withContainerPort(EXPORTER_PORT)
        .withProtocol("TCP")
        .endPort()
        // Ready when it renders its metrics (which asks mongos); alive while its port accepts
        // connections.
        .withReadinessProbe(Containers.httpProbe("/metrics", EXPORTER_PORT, 15, 3))
        .withLivenessProbe(Containers.tcpProbe(EXPORTER_PORT, 20, 3))
        .build();
  }

  /** A {@code mongosh} that runs one of the scripts of the {@code mongo-scripts} ConfigMap. */
  Container shell(String name, String script, List<EnvVar> env) {
    var all = new ArrayList<EnvVar>();
    all.add(Containers.env("HOME", "/tmp"));
    all.addAll(env);
    return Containers.hardened(name, mongo.image(), SHELL_RESOURCES, RootFilesystem.READ_ONLY)
        .withCommand("mongosh", "--nodb", "--quiet", "--norc", "--file", SCRIPTS + "/" + script)
        .withEnv(all)
        .withVolumeMounts(
            Volumes.mount("scripts", SCRIPTS, true),
            Volumes.mount("tmp", "/tmp", false),
            Volumes.mount("keyfile-secret", "/etc/mongo-keyfile", true))
        .build();
  }

  /**
   * The volumes of a server pod: scratch, the keyfile Secret, and the in-memory copy the server
   * reads.
   */
  List<Volume> serverVolumes() {
    return List.of(
        Volumes.emptyDir("tmp", "64Mi"),
        Volumes.secret("keyfile-secret", MongoNames.KEYFILE_SECRET),
        Volumes.memory("keyfile"));
  }

  /** The volumes of a Job pod: scratch, the scripts, the keyfile Secret. */
  List<Volume> jobVolumes() {
    return List.of(
        Volumes.emptyDir("tmp", "64Mi"),
        Volumes.configMap("scripts", MongoNames.SCRIPTS),
        Volumes.secret("keyfile-secret", MongoNames.KEYFILE_SECRET));
  }

  private io.fabric8.kubernetes.api.model.ContainerBuilder server(
      String binary, Resources resources, List<String> args) {
    return Containers.hardened(binary, mongo.image(), resources, RootFilesystem.READ_ONLY)
        .withCommand(binary)
        .withArgs(args)
        .withEnv(Containers.env("HOME", "/tmp"))
        .addNewPort()
        .withName("mongodb")
        .withContainerPort(MongoSharded.PORT)
        .withProtocol("TCP")
        .endPort()
        .withStartupProbe(ping(10, 30))
        .withReadinessProbe(ping(10, 3))
        .withLivenessProbe(Containers.tcpProbe(MongoSharded.PORT, 20, 6));
  }

  /** Ready when the server answers a ping, which needs no credentials. */
  private static Probe ping(int period, int failures) {
    return Containers.execProbe(
        period,
        10,
        failures,
        "mongosh",
        "--quiet",
        "--norc",
        "--eval",
        "db.adminCommand({ ping: 1 }).ok");
  }

  /**
   * The WiredTiger cache as MongoDB sizes it for a machine: 50% of (memory - 1 GiB), at least 0.25
   * GB; but of the container's limit, which {@code mongod} would not see.
   */
  static String cacheSizeGb(Resources resources) {
    double gb = Math.max(0.25, (resources.memoryLimitMiB() - 1024) / 2.0 / 1024);
    // as String.format("%.2f") rounds it, without parsing a format on every pod
    return BigDecimal.valueOf(gb).setScale(2, RoundingMode.HALF_UP).toPlainString();
  }
}
