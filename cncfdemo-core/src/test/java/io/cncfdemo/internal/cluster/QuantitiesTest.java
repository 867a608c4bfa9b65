package io.cncfdemo.internal.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Quantity;
import org.junit.jupiter.api.Test;

class QuantitiesTest {

  @Test
  void cpuAndMemory_areReadFromQuantities_andWrittenAsPeopleReadThem() {
    assertThat(Quantities.millicores(new Quantity("2"))).isEqualTo(2000);
    assertThat(Quantities.millicores(new Quantity("250m"))).isEqualTo(250);
    assertThat(Quantities.millicores(null)).isZero();
    assertThat(Quantities.bytes(new Quantity("1Gi"))).isEqualTo(1L << 30);
    assertThat(Quantities.bytes(new Quantity("512Mi"))).isEqualTo(512L << 20);
    assertThat(Quantities.cpus(9500)).isEqualTo("9.5");
    assertThat(Quantities.cpus(6000)).isEqualTo("6");
    assertThat(Quantities.cpus(125)).isEqualTo("0.13");
    assertThat(Quantities.gibibytes(12L << 30)).isEqualTo("12Gi");
    assertThat(Quantities.gibibytes(3L << 29)).isEqualTo("1.5Gi");
  }

  @Test
  void theMinorVersion_isReadFromTheMinorField_orTheGitVersion() {
    assertThat(KubernetesVersions.minor("1", "31", "v1.31.4")).isEqualTo(31);
    assertThat(KubernetesVersions.minor("1", "29+", "v1.29.8-eks-a737599")).isEqualTo(29);
    assertThat(KubernetesVersions.minor(null, null, "v1.30.2+k3s1")).isEqualTo(30);
    assertThat(KubernetesVersions.minor("0", "0", "v0.0")).isZero();
    assertThat(KubernetesVersions.minor(null, null, null)).isZero();
  }
}
