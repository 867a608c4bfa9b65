package io.cncfdemo.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cncfdemo.cli.CliRun;
import io.cncfdemo.cli.common.UsageException;
import io.cncfdemo.component.Component;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --apps countly,mongo-sharded=3,boinc names the sample applications. */
class AppListTest {
  @TempDir Path directory;

  @Test
  void namesBecomeComponents_withTheirValues() {
    assertThat(AppList.parse("countly, mongo-sharded=2 ,boinc"))
        .extracting(Component::describe)
        .containsExactly("countly()", "mongoSharded(2)", "boinc()");
    assertThat(AppList.parse("mongo-sharded"))
        .extracting(Component::describe)
        .containsExactly("mongoSharded(3)");
  }

  @Test
  void anUnknownApp_isBadUsage_listingTheKnownOnes() {
    assertThatThrownBy(() -> AppList.parse("countly,redis"))
        .isInstanceOf(UsageException.class)
        .hasMessage("unknown application 'redis' in --apps; known: " + AppList.KNOWN);
    var run = CliRun.run(directory, "start", "--apps", "countly,redis");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("unknown application 'redis'", "mongo-sharded[=SHARDS]");
  }

  @Test
  void badValues_areBadUsage() {
    assertThatThrownBy(() -> AppList.parse("mongo-sharded=three"))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("whole number");
    assertThatThrownBy(() -> AppList.parse("countly=2"))
        .hasMessage("--apps: countly takes no value, was countly=2");
    assertThatThrownBy(() -> AppList.parse("mongo"))
        .hasMessage("--apps: mongo needs a value, as mongo=URI");
  }

  @Test
  void render_printsTheDemoAsYaml_withoutACluster() {
    var run =
        CliRun.run(directory, "render", "--apps", "countly,mongo-sharded=1", "--minions", "2");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .startsWith("---\n")
        .contains("kind: Namespace", "name: countly-api", "name: mongo-shard-0")
        .doesNotContain("mongo-shard-1");
    var files = CliRun.run(directory, "render", "--out", directory.resolve("out").toString());
    assertThat(files.out()).contains("01-foundation.yaml", "05-application.yaml");
  }
}
