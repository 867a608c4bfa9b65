package io.cncfdemo.cli.kubectl;

import io.cncfdemo.cli.common.UsageException;
import io.cncfdemo.cli.template.TemplateValues;
import io.cncfdemo.cli.template.Templates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import picocli.CommandLine.Option;

/**
 * {@code -f FILE|DIR} (repeatable, {@code -R} to walk subdirectories) with Jinja templating: a
 * directory gives its {@code .yaml}, {@code .yml} and {@code .json} files, and its {@code .j2} and
 * {@code .jinja} templates, rendered with {@code --values} files and {@code --set} values.
 */
final class ManifestOptions {
  private static final List<String> EXTENSIONS = List.of(".yaml", ".yml", ".json", ".j2", ".jinja");

  @Option(
      names = {"-f", "--filename"},
      paramLabel = "FILE|DIR",
      description = "A manifest, a template (*.j2, *.jinja) or a directory of them. Repeatable.")
  List<Path> files = new ArrayList<>();

  @Option(
      names = {"-R", "--recursive"},
      description = "Walk the directories of -f recursively.")
  boolean recursive;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description = "A template variable (a.b=1 nests). Repeatable.")
  List<String> sets = new ArrayList<>();

  @Option(
      names = "--values",
      paramLabel = "FILE.yaml",
      description = "Template variables from a YAML file. Repeatable; later ones win.")
  List<Path> valuesFiles = new ArrayList<>();

  boolean given() {
    return !files.isEmpty();
  }

  /**
   * Every manifest as text, in order, templates rendered; fails on the first bad template before
   * anything is sent.
   */
  List<Manifest> read() {
    if (files.isEmpty()) {
      throw new UsageException("must specify one of -f and -k");
    }
    Templates templates = null;
    var manifests = new ArrayList<Manifest>();
    for (var path : expand()) {
      try {
        if (Templates.isTemplate(path)) {
          if (templates == null) {
            templates = new Templates(TemplateValues.of(valuesFiles, sets));
          }
          manifests.add(new Manifest(path, templates.render(path)));
        } else {
          manifests.add(new Manifest(path, Files.readString(path)));
        }
      } catch (IOException e) {
        throw new KubectlError("error reading " + path + ": " + e.getMessage());
      }
    }
    return manifests;
  }

  private List<Path> expand() {
    var out = new ArrayList<Path>();
    for (var file : files) {
      if (!Files.exists(file)) {
        throw new KubectlError("the path \"" + file + "\" does not exist");
      }
      if (!Files.isDirectory(file)) {
        out.add(file);
        continue;
      }
      try (Stream<Path> walk = recursive ? Files.walk(file) : Files.list(file)) {
        walk.filter(Files::isRegularFile)
            .filter(path -> EXTENSIONS.stream().anyMatch(path.getFileName().toString()::endsWith))
            .sorted()
            .forEach(out::add);
      } catch (IOException e) {
        throw new KubectlError("error reading " + file + ": " + e.getMessage());
      }
    }
    return out;
  }

  /**
   * One manifest file's text.
   *
   * @param source the file it came from
   * @param text its text, rendered when it is a template
   */
  record Manifest(Path source, String text) {}
}
