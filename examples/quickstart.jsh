// The quick start in JShell. From the repository root, after `mvn -q install -DskipTests`:
//   jshell --class-path "$(cat cncfdemo-examples/target/classpath.txt)" examples/quickstart.jsh
// (scripts/demo --jshell writes that class path and starts it for you.)
import static io.cncfdemo.Providers.*;
import static io.cncfdemo.apps.Apps.*;
import io.cncfdemo.*;
import java.time.Duration;

System.out.println(Cluster.on(local()).minions(3).plan().describe());
System.out.println(Demo.with(countly(), mongoSharded(3), boinc()).toYaml().lines().filter(l -> l.startsWith("kind:")).count() + " objects in the demo");

var cluster = Cluster.on(local()).minions(3).create();
var demo = Demo.with(countly(), mongoSharded(3), boinc()).deployTo(cluster);
demo.awaitReady(Duration.ofMinutes(3)).forEach(System.out::println);
cluster.close();
/exit
