package io.cncfdemo.apps.mongo;

import io.cncfdemo.apps.common.Resources;
import java.util.ArrayList;
import java.util.List;

/**
 * One MongoDB replica set of the sharded cluster: the config servers or one shard.
 *
 * @param name the replica set's name, e.g. {@code shard-0}
 * @param part its {@code app.kubernetes.io/component}
 * @param members how many {@code mongod}
 * @param configServer whether it holds the cluster's metadata
 * @param resources of each member
 * @param storage the volume of each member
 */
record ReplicaSet(
    String name,
    String part,
    int members,
    boolean configServer,
    Resources resources,
    String storage) {

  /** The StatefulSet and its headless Service, e.g. {@code mongo-shard-0}. */
  String objectName() {
    return MongoSharded.NAME + "-" + name;
  }

  /** The stable DNS names of the members, as the replica-set configuration lists them. */
  List<String> hosts(String namespace) {
    var hosts = new ArrayList<String>();
    for (int member = 0; member < members; member++) {
      hosts.add(
          objectName()
              + "-"
              + member
              + "."
              + objectName()
              + "."
              + namespace
              + ".svc:"
              + MongoSharded.PORT);
    }
    return hosts;
  }

  /** How {@code addShard} and {@code --configdb} name it: {@code shard-0/host:port,host:port}. */
  String seedList(String namespace) {
    return name + "/" + String.join(",", hosts(namespace));
  }
}
