// The quick start in JShell. From the repository root, after `mvn -q -pl cncfdemo-examples -am package -DskipTests`:
//   jshell --class-path "$(cat cncfdemo-examples/target/classpath.txt)" examples/quickstart.jsh
// (scripts/demo --jshell writes that class path and starts it for you.)
import static io.cncfdemo.Providers.*;
import static io.cncfdemo.apps.Apps.*;
import io.cncfdemo.*;
import io.cncfdemo.apps.common.Resources;
import io.cncfdemo.benchmark.*;
import io.cncfdemo.deploy.DeployOptions;
import java.nio.file.Path;
import java.time.Duration;

System.out.println(Cluster.on(local()).minions(3).plan().describe());
System.out.println(Demo.with(countly(), mongoSharded(3), boinc()).toYaml().lines().filter(l -> l.startsWith("kind:")).count() + " objects in the demo");

var cluster = Cluster.on(local()).minions(3).create();
var demo = Demo.with(countly().scaleDownStabilization(Duration.ofSeconds(5)), mongoSharded(3), boinc().replicas(40).resources(Resources.requests("250m", "64Mi").limits("1", "256Mi"))).deployTo(cluster, DeployOptions.defaults().withoutWaiting());
var report = Benchmark.of(demo).withoutControlPlane().loadProfile(LoadProfile.peak(400, Duration.ofSeconds(90))).chaos(Chaos.deleteCountlyApiPod()).run();
System.out.println(report.timeline().orElseThrow().describe());
System.out.println("Report: " + report.saveHtml(Path.of("target/cncfdemo-report.html")).toAbsolutePath());
cluster.close();
/exit
