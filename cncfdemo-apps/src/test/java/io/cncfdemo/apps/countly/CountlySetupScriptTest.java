package io.cncfdemo.apps.countly;

import static org.assertj.core.api.Assertions.assertThat;

import io.cncfdemo.apps.Tools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code setup.js}, run with this machine's Node.js against {@link FakeCountly} on 127.0.0.1. */
class CountlySetupScriptTest {
  static final String PASSWORD = "Gen3ratedPassw0rdOfTheDemo";
  @TempDir Path dir;
  FakeCountly countly;

  @BeforeEach
  void start() throws Exception {
    countly = new FakeCountly();
    Files.writeString(dir.resolve("token"), FakeCountly.TOKEN + "\n");
  }

  @AfterEach
  void stop() {
    countly.close();
  }

  private Tools.Result run(String password) throws Exception {
    var node = Tools.require("node", "apt-get install nodejs (Node.js 18 or later)");
    var script = Path.of("src/main/resources/io/cncfdemo/apps/countly/" + CountlySetup.SCRIPT);
    var env = new java.util.HashMap<String, String>();
    env.putAll(
        Map.of(
            "COUNTLY_FRONTEND",
            countly.url(),
            "COUNTLY_API",
            countly.url(),
            "ADMIN_USERNAME",
            "admin",
            "ADMIN_PASSWORD",
            password,
            "ADMIN_EMAIL",
            "admin@localhost"));
    env.putAll(
        Map.of(
            "APP_NAME",
            "cncfdemo",
            "KEYS_SECRET",
            "countly-keys",
            "NAMESPACE",
            "cncfdemo",
            "KUBERNETES_API",
            countly.url(),
            "SERVICE_ACCOUNT_DIR",
            dir.toString(),
            "WAIT_SECONDS",
            "5"));
    return Tools.run(List.of(node.toString(), script.toString()), env, 60);
  }

  @Test
  @DisplayName(
      "on a fresh Countly: creates the admin and the app, stores their keys in the Secret, prints"
          + " no credential")
  void freshCountly_isSetUp_andTheKeysStored() throws Exception {
    var result = run(PASSWORD);

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(countly.users).containsExactly(Map.entry("admin", PASSWORD));
    assertThat(countly.apps).containsOnlyKeys("cncfdemo");
    assertThat(countly.secretData)
        .containsExactly(
            Map.entry("appKey", FakeCountly.APP_KEY),
            Map.entry("apiKey", FakeCountly.API_KEY),
            Map.entry("appId", FakeCountly.APP_ID));
    assertThat(countly.requests)
        .containsExactly(
            "GET /api/v1/namespaces/cncfdemo/secrets/countly-keys",
            "GET /ping",
            "GET /o/ping",
            "GET /setup",
            "POST /setup",
            "GET /api-key",
            "GET /o/apps/mine",
            "GET /i/apps/create",
            "PATCH /api/v1/namespaces/cncfdemo/secrets/countly-keys");
    assertThat(result.output())
        .contains("stored the keys of app cncfdemo in Secret countly-keys")
        .doesNotContain(PASSWORD, FakeCountly.API_KEY, FakeCountly.APP_KEY, FakeCountly.TOKEN);
  }

  @Test
  @DisplayName("run again: the Secret holds the keys, Countly is not asked")
  void secondRun_changesNothing() throws Exception {
    assertThat(run(PASSWORD).exitCode()).isZero();
    countly.requests.clear();

    var again = run(PASSWORD);

    assertThat(again.exitCode()).as(again.output()).isZero();
    assertThat(countly.requests)
        .containsExactly("GET /api/v1/namespaces/cncfdemo/secrets/countly-keys");
    assertThat(again.output()).contains("holds the keys already");
  }

  @Test
  @DisplayName(
      "a Countly with the admin and the app (keys lost): neither is created again, the keys are"
          + " stored")
  void existingAdminAndApp_areUsed() throws Exception {
    countly.users.put("admin", PASSWORD);
    countly.apps.put("cncfdemo", FakeCountly.APP_ID);

    var result = run(PASSWORD);

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(countly.requests).doesNotContain("POST /setup", "GET /i/apps/create");
    assertThat(countly.secretData)
        .containsEntry("appKey", FakeCountly.APP_KEY)
        .containsEntry("appId", FakeCountly.APP_ID);
  }

  @Test
  @DisplayName("a Countly set up by someone else: fails, saying so, without printing the password")
  void foreignAdmin_fails_withoutLeakingThePassword() throws Exception {
    countly.users.put("admin", "someone-elses");

    var result = run(PASSWORD);

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.output())
        .contains("Countly did not accept admin with the demo's password (/api-key answered 401)")
        .doesNotContain(PASSWORD, "someone-elses");
    assertThat(countly.secretData).isEmpty();
  }
}
