package io.cncfdemo.azure.internal;

import com.azure.resourcemanager.compute.models.InstanceViewStatus;
import com.azure.resourcemanager.compute.models.RunCommandInput;
import io.cncfdemo.exception.CncfDemoException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Runs a shell script on a VM with Azure's Run Command ({@code RunShellScript}, a long-running
 * operation) and returns its standard output. Azure keeps only the last 4096 bytes of the output:
 * callers read long files in chunks.
 */
final class RunCommand {
  static final String STDOUT = "[stdout]\n";
  static final String STDERR = "[stderr]\n";

  private final AzureClients azure;
  private final String resourceGroup;

  RunCommand(AzureClients azure, String resourceGroup) {
    this.azure = azure;
    this.resourceGroup = resourceGroup;
  }

  String run(String vm, List<String> script) {
    var result =
        azure
            .compute()
            .serviceClient()
            .getVirtualMachines()
            .runCommand(
                resourceGroup,
                vm,
                new RunCommandInput().withCommandId("RunShellScript").withScript(script));
    var message =
        result.value() == null
            ? ""
            : result.value().stream()
                .map(InstanceViewStatus::message)
                .filter(m -> m != null)
                .collect(Collectors.joining("\n"));
    return stdout(message)
        .orElseThrow(
            () ->
                new CncfDemoException(
                    "Run Command on "
                        + vm
                        + " gave no output section: "
                        + RunCommand.abbreviate(message)));
  }

  /** The text between {@code [stdout]} and {@code [stderr]} of Run Command's message on Linux. */
  static Optional<String> stdout(String message) {
    int start = message.indexOf(STDOUT);
    if (start < 0) {
      return Optional.empty();
    }
    int end = message.indexOf("\n" + STDERR, start);
    return Optional.of(
        message.substring(start + STDOUT.length(), end < 0 ? message.length() : end));
  }

  static String abbreviate(String text) {
    return text.length() > 200 ? text.substring(0, 200) + "…" : text;
  }
}
