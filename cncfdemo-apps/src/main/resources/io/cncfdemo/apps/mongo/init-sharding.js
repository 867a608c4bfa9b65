// Through mongos: adds every shard of SHARDS ("name/host,host;name/host,host") that the cluster does not know yet,
// enables sharding for DATABASE, and creates or updates the users: an administrator (root), the application's user
// (readWrite on its databases) and the metrics exporter's user (clusterMonitor). Every step checks first, so that the
// Job can run again at any time, e.g. after a Secret changed.
const fs = require("fs");
const env = process.env;
const key = fs.readFileSync(env.KEYFILE, "utf8").replace(/\s/g, "");
const admin = connect("mongodb://__system:" + encodeURIComponent(key) + "@" + env.MONGOS + "/admin?authSource=local");

function check(response, what) {
  if (response.ok !== 1) {
    throw new Error(what + " failed: " + JSON.stringify(response));
  }
  return response;
}

const known = check(admin.runCommand({ listShards: 1 }), "listShards").shards.map((shard) => shard._id);
for (const shard of env.SHARDS.split(";")) {
  const id = shard.split("/")[0];
  if (known.includes(id)) {
    print("shard " + id + " is already part of the cluster");
  } else {
    check(admin.runCommand({ addShard: shard, name: id }), "addShard " + id);
    print("added shard " + id);
  }
}

const enabled = admin.runCommand({ enableSharding: env.DATABASE });
if (enabled.ok !== 1 && enabled.codeName !== "AlreadyInitialized") {
  check(enabled, "enableSharding " + env.DATABASE);
}
print("sharding is enabled for " + env.DATABASE);

function upsertUser(database, user, pwd, roles) {
  const db = admin.getSiblingDB(database);
  if (db.getUser(user) === null) {
    db.createUser({ user: user, pwd: pwd, roles: roles });
    print("created user " + user + " in " + database);
  } else {
    db.updateUser(user, { pwd: pwd, roles: roles });
    print("updated user " + user + " in " + database);
  }
}

upsertUser("admin", env.ADMIN_USERNAME, env.ADMIN_PASSWORD, [{ role: "root", db: "admin" }]);
upsertUser("admin", env.MONITOR_USERNAME, env.MONITOR_PASSWORD,
    [{ role: "clusterMonitor", db: "admin" }, { role: "read", db: "local" }]);
// The application's user lives in its own database, the authentication source its connection string implies.
upsertUser(env.DATABASE, env.APP_USERNAME, env.APP_PASSWORD,
    env.APP_DATABASES.split(",").map((database) => ({ role: "readWrite", db: database }))
        .concat([{ role: "clusterMonitor", db: "admin" }]));
