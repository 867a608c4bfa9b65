package io.cncfdemo.aws;

import static io.cncfdemo.Providers.aws;
import static org.assertj.core.api.Assertions.assertThat;

import io.cncfdemo.Cluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code reportingTo(listener)} returns a provider with every setting of the builder, telling the
 * listener besides the builder's: a destroy against moto works with the builder's endpoint and
 * credentials and deletes the kubeconfig in the builder's directory. The settings it cannot show
 * follow from the one constructor build() and reportingTo share.
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
}
