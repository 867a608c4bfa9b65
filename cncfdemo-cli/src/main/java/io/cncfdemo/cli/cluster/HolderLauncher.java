package io.cncfdemo.cli.cluster;

import io.cncfdemo.cli.common.CliEnvironment;
import io.cncfdemo.cli.common.ClusterState;
import io.cncfdemo.exception.CncfDemoException;
import java.io.File;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts the process that holds a simulated local cluster: this JVM's {@code java}, class path and
 * main class running the hidden {@code __hold-cluster} command, in a session of its own ({@code
 * setsid}), with no input and its output appended to the cluster's {@code log}, so that it outlives
 * the command that started it and a Ctrl-C of the terminal does not reach it.
 */
final class HolderLauncher {
  /**
   * Overrides the class path the holder runs with (tests use it when theirs is a temporary manifest
   * jar).
   */
  static final String CLASS_PATH_PROPERTY = "cncfdemo.cli.classpath";

  /**
   * The CLI's entry point, named rather than referenced so this package does not depend on the one
   * above it.
   */
  static final String MAIN_CLASS = "io.cncfdemo.cli.Main";

  private static final List<String> FORWARDED_PROPERTIES =
      List.of("cncfdemo.k8s.bin", "cncfdemo.local.workdir");

  private HolderLauncher() {}

  static Process start(CliEnvironment environment, ClusterState state, List<String> holdArguments) {
    var command = new ArrayList<String>();
    environment.executable("setsid").ifPresent(setsid -> command.add(setsid.toString()));
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=info");
    command.add("-Dorg.slf4j.simpleLogger.showDateTime=true");
    for (var property : FORWARDED_PROPERTIES) {
      var value = System.getProperty(property);
      if (value != null) {
        command.add("-D" + property + "=" + value);
      }
    }
    command.add("-cp");
    command.add(classPath());
    command.add(MAIN_CLASS);
    command.add(HoldClusterCommand.NAME);
    command.addAll(holdArguments);
    var builder =
        new ProcessBuilder(command)
            .redirectInput(Redirect.from(new File("/dev/null")))
            .redirectOutput(Redirect.appendTo(state.log().toFile()))
            .redirectErrorStream(true);
    builder.environment().clear();
    builder.environment().putAll(environment.variables());
    builder.environment().put(CliEnvironment.HOME_VARIABLE, environment.stateHome().toString());
    try {
      return builder.start();
    } catch (IOException e) {
      throw new CncfDemoException(
          "could not start the process that holds cluster " + state.name() + ": " + e.getMessage(),
          e);
    }
  }

  private static String classPath() {
    var override = System.getProperty(CLASS_PATH_PROPERTY);
    var classPath = override != null ? override : System.getProperty("java.class.path");
    var absolute = new ArrayList<String>();
    for (var entry : classPath.split(File.pathSeparator)) {
      if (!entry.isEmpty()) {
        absolute.add(Path.of(entry).toAbsolutePath().toString());
      }
    }
    return String.join(File.pathSeparator, absolute);
  }
}
