package io.cncfdemo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.cncfdemo.cli.common.CliContext;
import io.cncfdemo.cli.common.CliEnvironment;
import io.cncfdemo.cli.common.Console;
import io.cncfdemo.cli.common.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The command line as a whole: help with examples everywhere, exit codes, completion, and the
 * hand-off to kubectl.
 */
class CliTest {
  @TempDir Path directory;

  @Test
  void everyVisibleCommand_hasHelpWithAnExample() {
    var context =
        new CliContext(
            new Console(
                new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), false),
            new CliEnvironment(Map.of(), directory));
    var commands = new ArrayList<CommandLine>();
    collect(Cli.commandLine(context), commands);
    assertThat(commands).hasSizeGreaterThanOrEqualTo(15);
    for (var command : commands) {
      var name = command.getCommandSpec().qualifiedName(" ").replaceFirst("^cncfdemo ?", "");
      var args = new ArrayList<>(List.of(name.isEmpty() ? new String[0] : name.split(" ")));
      args.add("--help");
      var run = CliRun.run(directory, args.toArray(String[]::new));
      assertThat(run.exitCode()).as("exit code of %s", args).isZero();
      assertThat(run.out())
          .as("help of %s", args)
          .contains("Usage: cncfdemo", "Examples:", "  cncfdemo ");
    }
  }

  @Test
  void badUsage_exitsWith2_andSaysWhereHelpIs() {
    var run = CliRun.run(directory, "bootstrap", "local", "--minions");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains(
            "error: Missing required parameter for option '--minions'",
            "See 'cncfdemo bootstrap --help' for help and examples.");
    assertThat(CliRun.run(directory, "bootstrap", "local", "--minions", "0").err())
        .isEqualTo("error: minions must be between 1 and 1000, was 0\n");
    assertThat(CliRun.run(directory, "bootstrap", "nowhere").exitCode()).isEqualTo(2);
    assertThat(CliRun.run(directory, "bootstrap", "nowhere").err())
        .startsWith(
            "error: no cluster provider named \"nowhere\" is on the class path; these are: aws,"
                + " azure, baremetal, gcp, local.");
    assertThat(CliRun.run(directory, "get").exitCode()).isEqualTo(2);
  }

  @Test
  void withoutACluster_commandsThatNeedOne_sayHowToGetOne() {
    var run = CliRun.run(directory, "status");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .startsWith(
            "error: no cluster to talk to: none was bootstrapped (cncfdemo bootstrap local)");
  }

  @Test
  void bootstrapPlan_showsWhatWouldBeCreated_andCreatesNothing() {
    var run =
        CliRun.run(
            directory, "bootstrap", "local", "--name", "planned", "--minions", "2", "--plan");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .startsWith("Plan for cluster planned on local()")
        .contains("kube-apiserver", "planned-minion-1");
    assertThat(directory.resolve("state")).doesNotExist();
  }

  @Test
  void bootstrapAwsPlan_printsThePlanWithCosts_withoutCallingAws() {
    var run =
        CliRun.run(
            directory,
            Map.of(
                "AWS_ACCESS_KEY_ID",
                "",
                "AWS_SECRET_ACCESS_KEY",
                "",
                "AWS_PROFILE",
                "cncfdemo-test-none",
                "AWS_EC2_METADATA_DISABLED",
                "true"),
            false,
            "bootstrap",
            "aws",
            "--plan",
            "--region",
            "us-west-2",
            "--name",
            "planned",
            "--minions",
            "2",
            "--api-access-cidr",
            "203.0.113.7/32");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .startsWith("Plan for cluster planned on aws")
        .contains("us-west-2", "203.0.113.7/32", "USD");
    assertThat(directory.resolve("state")).doesNotExist();
    var json =
        CliRun.run(directory, "bootstrap", "aws", "--plan", "--region", "us-west-2", "-o", "json");
    assertThat(json.exitCode()).as(json.err()).isZero();
    assertThat(Json.read(json.out()).isObject()).isTrue();
  }

  @Test
  void bootstrapAzurePlan_printsThePlanWithCosts_withoutCredentials() {
    var run =
        CliRun.run(
            directory,
            Map.of("AZURE_CLIENT_ID", "", "AZURE_TENANT_ID", "", "AZURE_SUBSCRIPTION_ID", ""),
            false,
            "bootstrap",
            "azure",
            "--plan",
            "--region",
            "westeurope",
            "--name",
            "planned",
            "--minions",
            "2",
            "--api-access-cidr",
            "203.0.113.7/32",
            "--vm-size",
            "Standard_D4s_v5");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .startsWith("Plan for cluster planned on azure")
        .contains("westeurope", "Standard_D4s_v5", "USD");
    assertThat(directory.resolve("state")).doesNotExist();
    var aws = CliRun.run(directory, "bootstrap", "aws", "--plan", "--vm-size", "Standard_D4s_v5");
    assertThat(aws.exitCode()).isEqualTo(2);
    assertThat(aws.err())
        .isEqualTo(
            "error: --subscription, --vm-size and --master-vm-size apply to the azure provider"
                + " only\n");
  }

  @Test
  void bootstrapGcpPlan_printsThePlanWithCosts_withoutCredentials() {
    var run =
        CliRun.run(
            directory,
            Map.of(
                "GOOGLE_APPLICATION_CREDENTIALS",
                "",
                "CLOUDSDK_CONFIG",
                directory.resolve("no-gcloud").toString()),
            false,
            "bootstrap",
            "gcp",
            "--plan",
            "--region",
            "europe-west4-b",
            "--name",
            "planned",
            "--minions",
            "2",
            "--api-access-cidr",
            "203.0.113.7/32");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .startsWith("Plan for cluster planned on gcp().zone(\"europe-west4-b\")")
        .contains("cncfdemo-planned-minions", "203.0.113.7/32", "europe-west4", "USD/month");
    assertThat(directory.resolve("state")).doesNotExist();
  }

  @Test
  void bootstrapBareMetalPlan_listsTheHosts_withTheirHourlyCost_withoutConnecting() {
    var run =
        CliRun.run(
            directory,
            "bootstrap",
            "bare-metal",
            "--plan",
            "--name",
            "rack",
            "--hosts",
            "10.0.0.11,10.0.0.12,10.0.0.13",
            "--ssh-user",
            "ops",
            "--hourly-cost",
            "0.5");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .startsWith(
            "Plan for cluster rack on bareMetal(\"10.0.0.11\", \"10.0.0.12\", \"10.0.0.13\")")
        .contains("ssh ops@10.0.0.12:22", "0.5000", "USD");
    assertThat(directory.resolve("state")).doesNotExist();
  }

  @Test
  void bareMetal_needsItsHosts_andItsOptionsAreRefusedElsewhere() {
    var none = CliRun.run(directory, "bootstrap", "bare-metal", "--plan");
    assertThat(none.exitCode()).isEqualTo(2);
    assertThat(none.err())
        .isEqualTo(
            "error: bare-metal needs exactly one of --hosts h1,h2,... and --inventory FILE\n");
    var aws = CliRun.run(directory, "bootstrap", "aws", "--plan", "--hosts", "10.0.0.11");
    assertThat(aws.exitCode()).isEqualTo(2);
    assertThat(aws.err())
        .isEqualTo(
            "error: --hosts, --inventory, --ssh-user, --ssh-key, --ssh-port, --known-hosts,"
                + " --bastion and --hourly-cost apply to the bare-metal provider only, not aws\n");
    var badHost =
        CliRun.run(directory, "bootstrap", "bare-metal", "--plan", "--hosts", "not a host");
    assertThat(badHost.exitCode()).isEqualTo(2);
    assertThat(badHost.err()).startsWith("error: host");
  }

  @Test
  void apiAccessCidr_isForTheCloudsOnly_andMustBeACidr() {
    var local =
        CliRun.run(
            directory, "bootstrap", "local", "--plan", "--api-access-cidr", "203.0.113.7/32");
    assertThat(local.exitCode()).isEqualTo(2);
    assertThat(local.err())
        .isEqualTo("error: --api-access-cidr applies to the aws, azure and gcp providers only\n");
    var bad =
        CliRun.run(directory, "bootstrap", "aws", "--plan", "--api-access-cidr", "everywhere");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).startsWith("error: apiAccessCidr");
  }

  @Test
  void aVerbCncfdemoLacks_goesToKubectl_withItsArgumentsAndExitCode() throws IOException {
    var bin = Files.createDirectories(directory.resolve("bin"));
    var log = directory.resolve("kubectl.args");
    var fake =
        Files.writeString(bin.resolve("kubectl"), "#!/bin/sh\necho \"$@\" > " + log + "\nexit 3\n");
    Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
    var run =
        CliRun.run(
            directory,
            Map.of("PATH", bin.toString()),
            false,
            "logs",
            "deploy/countly-api",
            "-n",
            "cncfdemo");
    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(Files.readString(log)).isEqualTo("logs deploy/countly-api -n cncfdemo\n");
    CliRun.run(
        directory,
        Map.of("PATH", bin.toString()),
        false,
        "create",
        "deployment",
        "web",
        "--image=nginx");
    assertThat(Files.readString(log)).isEqualTo("create deployment web --image=nginx\n");
  }

  @Test
  void withoutKubectl_aVerbCncfdemoLacks_failsWithAClearMessage() {
    var run = CliRun.run(directory, Map.of("PATH", directory.toString()), false, "logs", "web");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .startsWith(
            "error: cncfdemo does not implement 'logs' and there is no kubectl on the PATH to hand"
                + " it to");
  }

  @Test
  void completion_isABashScript_thatZshTakesToo_withoutTheHiddenCommand() {
    var run = CliRun.run(directory, "completion", "bash");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains(
            "complete -F _complete_cncfdemo",
            "bootstrap",
            "configmap",
            "--from-file",
            "bashcompinit")
        .doesNotContain("__hold-cluster");
  }

  private static void collect(CommandLine command, List<CommandLine> into) {
    if (command.getCommandSpec().usageMessage().hidden()) {
      return;
    }
    into.add(command);
    command.getSubcommands().values().stream().distinct().forEach(sub -> collect(sub, into));
  }
}
