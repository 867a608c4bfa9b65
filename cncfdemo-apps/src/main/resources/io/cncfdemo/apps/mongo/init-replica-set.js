// Initiates the replica set RS_NAME of the members RS_MEMBERS once: a replica set that is already initiated is left
// as it is, so that the Job can run again at any time. Then waits until the set has elected a primary.
//
// The keyfile authenticates cluster members to each other as the internal __system user. This Job holds the same key
// as a member (the localhost exception cannot help a Job in another pod), and it is the only client that uses it:
// people and applications get their own users, created by the sharding Job.
const fs = require("fs");
const name = process.env.RS_NAME;
const members = process.env.RS_MEMBERS.split(",");
const configServer = process.env.RS_CONFIG_SERVER === "true";
const key = fs.readFileSync(process.env.KEYFILE, "utf8").replace(/\s/g, "");
const db = connect("mongodb://__system:" + encodeURIComponent(key) + "@" + members[0]
    + "/admin?authSource=local&directConnection=true");

function status() {
  try {
    return db.adminCommand({ replSetGetStatus: 1 });
  } catch (e) {
    if (e.codeName === "NotYetInitialized") {
      return null;
    }
    throw e;
  }
}

if (status() !== null) {
  print("replica set " + name + " is already initiated");
} else {
  const config = { _id: name, members: members.map((host, i) => ({ _id: i, host: host })) };
  if (configServer) {
    config.configsvr = true;
  }
  db.adminCommand({ replSetInitiate: config });
  print("initiated replica set " + name + " with " + members.length + " members");
}

for (let second = 0; second < 180; second++) {
  try {
    const current = status();
    if (current !== null && current.members.some((member) => member.stateStr === "PRIMARY")) {
      print("replica set " + name + " has a primary");
      quit(0);
    }
  } catch (e) {
    // A member may drop connections while it changes state during the first election; ask again.
    print("waiting for a primary: " + e.message);
  }
  sleep(1000);
}
print("replica set " + name + " elected no primary within 180 s");
quit(1);
