package io.cncfdemo.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Yaml}'s own event path writes exactly what fabric8's {@code asYaml} writes. */
class YamlTest {

  private static String fabric8(HasMetadata object) {
    var yaml = Yaml.serialization().asYaml(object);
    return yaml.startsWith("---\n") ? yaml.substring(4) : yaml;
  }

  /** The event path itself (no fallback to fabric8), without its leading {@code ---}. */
  private static String events(HasMetadata object) {
    var yaml = YamlEvents.yaml(Yaml.serialization().asJson(object)).orElseThrow();
    assertThat(yaml).startsWith("---\n");
    return yaml.substring(4);
  }

  @Test
  void scalarsThatLookLikeOtherTypes_multiLineAndLongStrings_andOddKeys_renderAsFabric8Does() {
    var data = new LinkedHashMap<String, String>();
    for (var value :
        List.of(
            "true",
            "False",
            "yes",
            "no",
            "on",
            "off",
            "null",
            "~",
            "",
            " ",
            "123",
            "0x1F",
            "1e3",
            "-.inf",
            ".nan",
            "0777",
            "1.5",
            "+1",
            "12:30",
            "2026-12-01",
            "a: b",
            "- x",
            "#c",
            "x #y",
            "@at",
            "`tick",
            "'single'",
            "\"double\"",
            "{flow}",
            "[list]",
            "*alias",
            "&a",
            "!tag",
            "%pct",
            "|pipe",
            ">fold",
            "ümlaut ✓",
            "tab\there",
            "trailing ",
            " leading",
            "line1\nline2\n",
            "line1\nline2",
            "\nleading newline",
            "crlf\r\nline",
            "nel\u0085x",
            "control\u0007bell",
            "x".repeat(200),
            "many words that go on and on well past the eighty column width of the emitter so it"
                + " folds them onto more than one line when it writes them plain")) {
      data.put("k" + data.size(), value);
    }
    data.put("y", "key y");
    data.put("N", "key N");
    data.put("true", "key true");
    data.put("a long key ".repeat(20), "long key");
    data.put("", "empty key");
    var configMap =
        new ConfigMapBuilder()
            .withNewMetadata()
            .withName("tricky")
            .addToLabels("app", "x")
            .addToAnnotations("note", "multi\nline")
            .endMetadata()
            .withData(data)
            .build();

    assertThat(events(configMap)).isEqualTo(fabric8(configMap));
    assertThat(Yaml.document(configMap)).isEqualTo(fabric8(configMap));
  }

  @Test
  void numbersBooleansQuantitiesAndNestedLists_renderAsFabric8Does() {
    var deployment =
        new DeploymentBuilder()
            .withNewMetadata()
            .withName("d")
            .endMetadata()
            .withNewSpec()
            .withReplicas(3)
            .withMinReadySeconds(0)
            .withNewTemplate()
            .withNewSpec()
            .withAutomountServiceAccountToken(false)
            .withTerminationGracePeriodSeconds(9_999_999_999L)
            .addNewContainer()
            .withName("c")
            .withArgs("--flag", "-v=2", "", "true")
            .withNewResources()
            .addToLimits("cpu", new Quantity("1"))
            .addToLimits("memory", new Quantity("512Mi"))
            .addToRequests("cpu", new Quantity("0.25"))
            .endResources()
            .addNewPort()
            .withContainerPort(8080)
            .endPort()
            .endContainer()
            .endSpec()
            .endTemplate()
            .endSpec()
            .build();
    var service =
        new ServiceBuilder()
            .withNewMetadata()
            .withName("s")
            .endMetadata()
            .withNewSpec()
            .addNewPort()
            .withPort(80)
            .withTargetPort(new IntOrString("http"))
            .endPort()
            .addNewPort()
            .withPort(443)
            .withTargetPort(new IntOrString(8443))
            .endPort()
            .withSelector(new LinkedHashMap<>())
            .endSpec()
            .build();

    assertThat(events(deployment)).isEqualTo(fabric8(deployment));
    assertThat(events(service)).isEqualTo(fabric8(service));
    assertThat(Yaml.documents(List.of(deployment, service)))
        .isEqualTo("---\n" + fabric8(deployment) + "---\n" + fabric8(service));
  }
}
