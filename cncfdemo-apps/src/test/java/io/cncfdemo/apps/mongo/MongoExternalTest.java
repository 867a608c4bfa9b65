package io.cncfdemo.apps.mongo;

import static io.cncfdemo.apps.Apps.countly;
import static io.cncfdemo.apps.Apps.mongo;
import static io.cncfdemo.apps.Apps.mongoSharded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cncfdemo.Demo;
import io.cncfdemo.demo.DemoWiringException;
import io.cncfdemo.exception.InvalidInputException;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;

class MongoExternalTest {

  @Test
  void singleHostUri_pointsCountlysConfigAtThatHostPortAndDatabase_andCreatesNothing() {
    var compiled =
        Demo.with(countly(), mongo("mongodb://db.example.com:27018/analytics"))
            .withoutMonitoring()
            .compile();

    var config =
        compiled
            .find(ConfigMap.class, "countly-api-config")
            .orElseThrow()
            .getData()
            .get("config.js");
    assertThat(config).contains("host: \"db.example.com\"", "port: 27018", "db: \"analytics\"");
    assertThat(compiled.objects()).noneMatch(o -> o.getMetadata().getName().startsWith("mongo"));
    var api =
        compiled
            .find(Deployment.class, "countly-api")
            .orElseThrow()
            .getSpec()
            .getTemplate()
            .getSpec();
    assertThat(api.getContainers().get(0).getEnv())
        .noneMatch(e -> e.getName().startsWith("COUNTLY_MONGODB"));
    assertThat(api.getInitContainers().get(0).getEnv())
        .anyMatch(e -> e.getValue() != null && e.getValue().startsWith("mongodb://db.example.com"));
  }

  @Test
  void srvUri_becomesCountlysConnectionString() {
    var compiled =
        Demo.with(countly(), mongo("mongodb+srv://cluster0.example.net/countly?retryWrites=true"))
            .withoutMonitoring()
            .compile();

    assertThat(
            compiled
                .find(ConfigMap.class, "countly-frontend-config")
                .orElseThrow()
                .getData()
                .get("config.js"))
        .contains("mongodb: \"mongodb+srv://cluster0.example.net/countly?retryWrites=true\"")
        .doesNotContain("host: \"localhost\"");
  }

  @Test
  void badUris_areRejected_withoutRepeatingAPassword() {
    assertThatThrownBy(() -> mongo("postgres://db:5432/x"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "uri must be a mongodb:// or mongodb+srv:// connection string with a host and without a"
                + " password, such as mongodb://db.example.com:27017/countly, was"
                + " \"postgres://db:5432/x\"");
    assertThatThrownBy(() -> mongo("mongodb://admin:s3cret@db:27017/x"))
        .hasMessageEndingWith("was \"mongodb://***@db:27017/x\"")
        .hasMessageNotContaining("s3cret");
    assertThatThrownBy(() -> mongo("mongodb:///countly")).hasMessageStartingWith("uri must be");
    assertThatThrownBy(() -> mongo(null)).hasMessageEndingWith("was null");
  }

  @Test
  void twoMongoDbs_areAWiringError() {
    assertThatThrownBy(
            () -> Demo.with(countly(), mongoSharded(1), mongo("mongodb://db:27017/countly")))
        .isInstanceOf(DemoWiringException.class)
        .hasMessageContaining("mongoSharded(1)")
        .hasMessageContaining("mongo(\"mongodb://db:27017/countly\")");
  }
}
