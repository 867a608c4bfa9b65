package io.cncfdemo.apps.mongo;

/** The names of the sharded MongoDB's objects that other components and the README refer to. */
final class MongoNames {
  static final String MONGOS = "mongos";
  static final String KEYFILE_SECRET = "mongo-keyfile";
  static final String ADMIN_SECRET = "mongo-admin";
  static final String APP_SECRET = "mongo-app";
  static final String MONITOR_SECRET = "mongo-monitor";
  static final String SCRIPTS = "mongo-scripts";

  private MongoNames() {}
}
