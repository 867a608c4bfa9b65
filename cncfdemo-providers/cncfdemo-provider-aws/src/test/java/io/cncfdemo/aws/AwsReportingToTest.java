package io.cncfdemo.aws;

import static io.cncfdemo.Providers.aws;
import static org.assertj.core.api.Assertions.assertThat;

import io.cncfdemo.Cluster;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.assertj.core.util.introspection.PropertyOrFieldSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code reportingTo(listener)} returns a provider with every setting of the builder, telling the
 * listener besides the builder's: a destroy against moto works with the builder's endpoint and
 * credentials and deletes the kubeconfig in the builder's directory, and every other setting is
 * compared.
 */
@WithMoto
class AwsReportingToTest {
  @TempDir Path kubeconfigs;

  @Test
  void reportingTo_destroys_withTheBuildersSettings_andTellsBothListeners(MotoServer moto)
      throws Exception {
    var name = "kept-" + MotoServer.RUN;
    var builders = new ArrayList<String>();
    var listeners = new ArrayList<String>();
    var provider =
        moto.provider(kubeconfigs).progress(builders::add).build().reportingTo(listeners::add);
    var kubeconfig =
        Files.writeString(kubeconfigs.resolve(name + "." + MotoServer.REGION + ".kubeconfig"), "");

    Cluster.on(aws().region(MotoServer.REGION)).named(name).using(provider).destroy();

    assertThat(kubeconfig).doesNotExist();
    assertThat(listeners)
        .isEqualTo(builders)
        .containsExactly(
            "deleting cluster " + name + " in " + MotoServer.REGION,
            "cluster " + name + " in " + MotoServer.REGION + " deleted");
  }

  @Test
  void reportingTo_keepsEverySetting_evenThoseMotoCannotShow() {
    var defaults = settings(AwsClusterProvider.builder().build());
    var provider =
        AwsClusterProvider.builder()
            .endpoint(URI.create("http://127.0.0.1:1"))
            .credentials(MotoServer.CREDENTIALS)
            .kubeconfigDirectory(kubeconfigs)
            .kubeconfigTimeout(Duration.ofSeconds(11))
            .readyTimeout(Duration.ofSeconds(12))
            .pollInterval(Duration.ofSeconds(13))
            .priceListApi(true)
            .afterStep(step -> {})
            .build();

    assertThat(settings(provider))
        .allSatisfy(
            (name, value) ->
                assertThat(value)
                    .as("%s, which this test must set", name)
                    .isNotEqualTo(defaults.get(name)));
    assertThat(provider.reportingTo(message -> {}))
        .usingRecursiveComparison()
        .ignoringFields("progress")
        .isEqualTo(provider);
  }

  /** The provider's settings by name, read from its snapshot. */
  static Map<String, Object> settings(AwsClusterProvider provider) {
    var settings = PropertyOrFieldSupport.EXTRACTION.getValueOf("settings", provider);
    return Arrays.stream(settings.getClass().getRecordComponents())
        .collect(
            Collectors.toMap(
                component -> component.getName(),
                component ->
                    PropertyOrFieldSupport.EXTRACTION.getValueOf(component.getName(), settings)));
  }
}
