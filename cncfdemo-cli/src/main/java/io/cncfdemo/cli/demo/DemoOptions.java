package io.cncfdemo.cli.demo;

import io.cncfdemo.Demo;
import io.cncfdemo.component.Component;
import picocli.CommandLine.Option;

/** Which demo a command works on: {@code --apps} and {@code --namespace}. */
public final class DemoOptions {
  /**
   * The namespace annotation that records the {@code --apps} a demo was started with, for {@code
   * status}.
   */
  public static final String APPS_ANNOTATION = "cncfdemo.io/apps";

  @Option(
      names = "--apps",
      defaultValue = AppList.DEFAULT,
      paramLabel = "LIST",
      description = "Applications: " + AppList.KNOWN + " (default: ${DEFAULT-VALUE}).")
  String apps;

  @Option(
      names = {"-n", "--namespace"},
      defaultValue = Demo.DEFAULT_NAME,
      description = "The demo's namespace (default: ${DEFAULT-VALUE}).")
  String namespace;

  /** The demo these options describe. */
  public Demo demo() {
    return demo(apps);
  }

  /** The demo of this {@code --apps} list in the options' namespace. */
  public Demo demo(String appList) {
    return demo(appList, namespace);
  }

  /** The demo of an {@code --apps} list in a namespace. */
  public static Demo demo(String appList, String namespace) {
    return Demo.with(AppList.parse(appList).toArray(Component[]::new)).inNamespace(namespace);
  }

  public String apps() {
    return apps;
  }

  public String namespace() {
    return namespace;
  }
}
