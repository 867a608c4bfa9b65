package io.cncfdemo.azure;

import static io.cncfdemo.Providers.azure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cncfdemo.CncfDemoException;
import io.cncfdemo.Cluster;
import java.nio.file.Path;
import java.util.ArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** create() and destroy() against the ARM fake. */
class AzureClusterProviderFakeTest {
  static FakeAzure azure;

  @TempDir
  Path kubeconfigs;

  @BeforeAll
  static void start() throws Exception {
    azure = new FakeAzure();
  }

  @AfterAll
  static void stop() throws Exception {
    azure.close();
  }

  static Cluster cluster(String name) {
    return Cluster.on(azure().location("westeurope").apiAccessCidr("203.0.113.7/32")).named(name).masters(1).minions(3);
  }

  @Test
  void smoke() {
    var progress = new ArrayList<String>();
    assertThatThrownBy(() -> cluster("alpha").using(azure.provider(kubeconfigs).progress(progress::add).build()).create())
        .isInstanceOf(CncfDemoException.class)
        .hasMessageContaining("the first master did not write /etc/cncfdemo/admin.conf");
    System.err.println(progress);
    azure.arm.state().all().keySet().forEach(System.err::println);
  }
}
