package io.cncfdemo.cli.kubectl;

import io.cncfdemo.cli.common.CliContext;
import io.cncfdemo.cli.common.ExitCodes;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cncfdemo create secret generic NAME}: what {@code kubectl create secret generic} does,
 * byte for byte in its output.
 */
@Command(
    name = "generic",
    mixinStandardHelpOptions = true,
    description =
        "Creates a Secret from files, directories and literal values, as kubectl create secret"
            + " generic does.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  cncfdemo create secret generic my-secret --from-file=path/to/dir",
      "  cncfdemo create secret generic my-secret --from-literal=key1=supersecret --type=Opaque"
          + " --dry-run=client -o yaml"
    })
public final class CreateSecretGenericCommand implements Callable<Integer> {
  private final CliContext context;

  @Parameters(index = "0", paramLabel = "NAME", arity = "0..1", description = "The Secret's name.")
  String name;

  @Mixin CreateOptions options;

  @Option(
      names = "--type",
      description =
          "The Secret's type, e.g. Opaque (default: none, which the server takes as Opaque).")
  String type;

  public CreateSecretGenericCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    var checkedName = CreateNames.require(name, "secret generic");
    var data = options.read(new SecretData());
    var encoded = new LinkedHashMap<String, String>();
    data.data()
        .forEach((key, bytes) -> encoded.put(key, Base64.getEncoder().encodeToString(bytes)));
    var secret =
        new SecretBuilder()
            .withNewMetadata()
            .withName(checkedName)
            .withNamespace(options.namespace)
            .endMetadata()
            .withData(encoded.isEmpty() ? null : encoded)
            .withType(type == null || type.isEmpty() ? null : type)
            .build();
    CreatedObjects.create(context, options, secret, GoObjects.secret(secret));
    return ExitCodes.OK;
  }
}
