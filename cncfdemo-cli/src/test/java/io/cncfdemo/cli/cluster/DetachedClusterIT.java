package io.cncfdemo.cli.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.cncfdemo.cli.common.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole CLI as users run it — the launcher script and the shaded jar, in processes of their
 * own: {@code bootstrap local} leaves a simulated cluster running after it exits, {@code start},
 * {@code status} and {@code get} find it, {@code destroy local} stops it and leaves no process
 * behind. Progress is redrawn with {@code \r} under a pseudo-terminal ({@code script}) and printed
 * as plain lines without one.
 */
class DetachedClusterIT {
  private static final Path LAUNCHER =
      Path.of("").toAbsolutePath().getParent().resolve("scripts/cncfdemo");
  private static final String NAME = "itcli";

  @TempDir static Path home;

  @Test
  void bootstrapStartStatusDestroy_leavesNothingRunning() throws Exception {
    var bootstrap = underTerminal("bootstrap", "local", "--name", NAME, "--minions", "2");
    assertThat(bootstrap.code()).as(bootstrap.out()).isZero();
    assertThat(bootstrap.out())
        .contains(
            "\r\033[K",
            "creating cluster itcli on local()",
            "cluster itcli is ready",
            "export KUBECONFIG=" + home.resolve("clusters/itcli/kubeconfig"));
    var state = home.resolve("clusters").resolve(NAME);
    assertThat(Files.getPosixFilePermissions(state.resolve("kubeconfig")))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    var holder =
        ProcessHandle.of(Long.parseLong(Files.readString(state.resolve("pid")).split(" ")[0]))
            .orElseThrow();
    assertThat(holder.isAlive()).as("the holder outlives bootstrap").isTrue();

    var again = run("bootstrap", "local", "--name", NAME);
    assertThat(again.code()).isEqualTo(1);
    assertThat(again.out())
        .contains("error: cluster itcli already runs (process " + holder.pid() + ")");

    var dryRun = run("start", "--dry-run", "--apps", "countly,mongo-sharded=1,boinc");
    assertThat(dryRun.code()).as(dryRun.out()).isZero();
    assertThat(dryRun.out())
        .contains(
            "default StorageClass: standard (cncfdemo.io/simulated)",
            "metrics API: yes",
            "Adds: ingressNginx()",
            "Preflight passes: start would deploy.");
    assertThat(run("get", "namespaces").out()).doesNotContain("cncfdemo ");

    var start = run("start", "--apps", "countly,mongo-sharded=1,boinc");
    assertThat(start.code()).as(start.out()).isZero();
    assertThat(start.out())
        .doesNotContain("\r", "\033")
        .contains(
            "stage foundation: ",
            "stage datastore: ",
            "  1/",
            " StatefulSet mongo-shard-0 created (",
            "  ready: Deployment countly-api (",
            "demo ready in namespace cncfdemo",
            "Demo in namespace cncfdemo: ",
            "Deployment    countly-api ",
            "http://countly.localhost/  not served (the cluster's nodes are simulated: no"
                + " container runs to serve it)");

    var restart = underTerminal("start", "--apps", "countly,mongo-sharded=1,boinc");
    assertThat(restart.code()).as(restart.out()).isZero();
    assertThat(restart.out())
        .contains("\r\033[K", "done stage datastore", " unchanged", "0 created, 0 configured");

    var status = run("status", "--output", "json");
    assertThat(status.code()).as(status.out()).isZero();
    var json = Json.read(status.out());
    assertThat(json.get("ready").asBoolean()).isTrue();
    assertThat(json.get("apps").asString()).isEqualTo("countly,mongo-sharded=1,boinc");
    assertThat(json.get("nodes").asInt()).isEqualTo(3);
    assertThat(json.get("workloads")).isNotEmpty();

    var pods = run("get", "pods", "-n", "cncfdemo");
    assertThat(pods.code()).isZero();
    assertThat(pods.out()).startsWith("NAME ").contains("countly-api-", "Running");

    var descendants = holder.descendants().toList();
    assertThat(descendants).as("the control plane's processes").isNotEmpty();
    var destroy = run("destroy", "local", "--name", NAME);
    assertThat(destroy.code()).as(destroy.out()).isZero();
    assertThat(destroy.out()).isEqualTo("cluster itcli destroyed\n");
    assertThat(holder.isAlive()).isFalse();
    assertThat(descendants).noneMatch(ProcessHandle::isAlive);
    assertThat(state).doesNotExist();
    assertThat(run("destroy", "local", "--name", NAME).out())
        .isEqualTo("cluster itcli: nothing to destroy\n");
    assertThat(run("status").code()).isEqualTo(2);
  }

  @AfterAll
  static void destroyWhatIsLeft() throws Exception {
    run("destroy", "local", "--name", NAME);
  }

  /** Runs the launcher with its output piped: no terminal. */
  private static Result run(String... args) throws IOException, InterruptedException {
    var command = new ArrayList<String>();
    command.add(LAUNCHER.toString());
    command.addAll(List.of(args));
    return execute(command);
  }

  /** Runs the launcher under a pseudo-terminal made by util-linux {@code script}. */
  private static Result underTerminal(String... args) throws IOException, InterruptedException {
    var line = new StringBuilder(LAUNCHER.toString());
    for (var arg : args) {
      line.append(' ').append(arg);
    }
    return execute(List.of("script", "-qec", line.toString(), "/dev/null"));
  }

  private static Result execute(List<String> command) throws IOException, InterruptedException {
    var builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("CNCFDEMO_HOME", home.toString());
    builder.environment().remove("KUBECONFIG");
    builder.environment().remove("CNCFDEMO_PROGRESS");
    var process = builder.start();
    process.getOutputStream().close();
    var out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("%s finished", command).isTrue();
    return new Result(process.exitValue(), out);
  }

  private record Result(int code, String out) {}
}
