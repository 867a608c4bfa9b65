package io.cncfdemo.cli.kubectl;

import io.cncfdemo.cli.common.CliContext;
import io.cncfdemo.cli.common.ExitCodes;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code cncfdemo create configmap NAME}: what {@code kubectl create configmap} does, byte for byte
 * in its output — UTF-8 files as {@code data}, other files as {@code binaryData}, kubectl's key
 * rules and messages.
 */
@Command(
    name = "configmap",
    aliases = "cm",
    mixinStandardHelpOptions = true,
    description =
        "Creates a ConfigMap from files, directories and literal values, as kubectl create"
            + " configmap does.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  cncfdemo create configmap my-config --from-file=path/to/dir",
      "  cncfdemo create configmap my-config --from-file=key1=/path/file1.txt"
          + " --from-literal=key2=value2",
      "  cncfdemo create configmap my-config --from-file=conf/ --dry-run=client -o yaml >"
          + " my-config.yaml"
    })
public final class CreateConfigMapCommand implements Callable<Integer> {
  private final CliContext context;

  @Parameters(
      index = "0",
      paramLabel = "NAME",
      arity = "0..1",
      description = "The ConfigMap's name.")
  String name;

  @Mixin CreateOptions options;

  public CreateConfigMapCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    var checkedName = CreateNames.require(name, "configmap");
    var data = options.read(new ConfigMapData(checkedName));
    var binary = new LinkedHashMap<String, String>();
    data.binaryData()
        .forEach((key, bytes) -> binary.put(key, Base64.getEncoder().encodeToString(bytes)));
    var configMap =
        new ConfigMapBuilder()
            .withNewMetadata()
            .withName(checkedName)
            .withNamespace(options.namespace)
            .endMetadata()
            .withData(data.data().isEmpty() ? null : data.data())
            .withBinaryData(binary.isEmpty() ? null : binary)
            .build();
    CreatedObjects.create(context, options, configMap, GoObjects.configMap(configMap));
    return ExitCodes.OK;
  }
}
