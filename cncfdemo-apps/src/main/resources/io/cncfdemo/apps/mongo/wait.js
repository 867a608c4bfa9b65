// Waits until every host of WAIT_HOSTS answers a ping (WAIT_FOR=ping) or knows the primary of its replica set
// (WAIT_FOR=primary). Needs no credentials: ping and hello are allowed before authentication.
const hosts = process.env.WAIT_HOSTS.split(",");
const waitFor = process.env.WAIT_FOR || "ping";
const deadline = Date.now() + Number(process.env.WAIT_SECONDS || "900") * 1000;

for (const host of hosts) {
  for (;;) {
    try {
      const db = connect("mongodb://" + host + "/admin?directConnection=true&serverSelectionTimeoutMS=2000");
      if (waitFor === "ping" && db.adminCommand({ ping: 1 }).ok === 1) {
        break;
      }
      if (waitFor === "primary" && db.hello().primary) {
        break;
      }
      print(host + " answers, but has no primary yet");
    } catch (e) {
      print("waiting for " + host + ": " + e.message);
    }
    if (Date.now() > deadline) {
      print("gave up waiting for " + host);
      quit(1);
    }
    sleep(2000);
  }
  print(host + " is ready");
}
