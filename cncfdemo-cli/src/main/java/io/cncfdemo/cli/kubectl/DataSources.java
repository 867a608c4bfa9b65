package io.cncfdemo.cli.kubectl;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads {@code --from-file} and {@code --from-literal} sources by kubectl's rules: {@code FILE} is
 * keyed by its base name, {@code KEY=FILE} by the key; a directory adds each regular file directly
 * in it (not subdirectories, not symbolic links), keyed by its name; {@code KEY=VALUE} literals
 * split at the first {@code =}. Errors have kubectl's words.
 */
final class DataSources {
  private DataSources() {}

  /**
   * The values of a kubectl string-slice flag: each value split at commas, as CSV (quotes keep
   * commas in).
   */
  static List<String> slice(List<String> values) {
    var out = new ArrayList<String>();
    for (var value : values) {
      out.addAll(csv(value));
    }
    return out;
  }

  static void addFiles(List<String> sources, DataSink sink) {
    for (var source : sources) {
      var parsed = parseFileSource(source);
      var path = Path.of(parsed[1]);
      if (!Files.exists(path)) {
        throw new KubectlError("error reading " + parsed[1] + ": " + missingReason(path));
      }
      if (Files.isDirectory(path)) {
        if (source.contains("=")) {
          throw new KubectlError("cannot give a key name for a directory path");
        }
        for (var item : list(path, parsed[1])) {
          if (Files.isRegularFile(item, LinkOption.NOFOLLOW_LINKS)) {
            sink.addFile(item.getFileName().toString(), read(item));
          }
        }
      } else {
        sink.addFile(parsed[0], read(path));
      }
    }
  }

  static void addLiterals(List<String> sources, DataSink sink) {
    for (var source : sources) {
      int equals = source.indexOf('=');
      if (equals <= 0) {
        throw new KubectlError("invalid literal source " + source + ", expected key=value");
      }
      sink.addLiteral(source.substring(0, equals), source.substring(equals + 1));
    }
  }

  /** {@code [key, path]} of a file source, as kubectl's {@code ParseFileSource}. */
  static String[] parseFileSource(String source) {
    long separators = source.chars().filter(c -> c == '=').count();
    if (separators == 0) {
      return new String[] {goBase(source), source};
    }
    if (separators == 1 && source.startsWith("=")) {
      throw new KubectlError("key name for file path " + source.substring(1) + " missing");
    }
    if (separators == 1 && source.endsWith("=")) {
      throw new KubectlError(
          "file path for key name " + source.substring(0, source.length() - 1) + " missing");
    }
    if (separators > 1) {
      throw new KubectlError("key names or file paths cannot contain '='");
    }
    return source.split("=", 2);
  }

  /**
   * Go's {@code path.Base}: the last element, trailing slashes removed; {@code "."} for an empty
   * path.
   */
  static String goBase(String path) {
    if (path.isEmpty()) {
      return ".";
    }
    var trimmed = path.replaceAll("/+$", "");
    if (trimmed.isEmpty()) {
      return "/";
    }
    return trimmed.substring(trimmed.lastIndexOf('/') + 1);
  }

  private static String missingReason(Path path) {
    for (var parent = path.getParent(); parent != null; parent = parent.getParent()) {
      if (Files.exists(parent) && !Files.isDirectory(parent)) {
        return "not a directory";
      }
    }
    return "no such file or directory";
  }

  private static List<Path> list(Path directory, String given) {
    try (Stream<Path> items = Files.list(directory)) {
      return items.sorted().toList();
    } catch (IOException e) {
      throw new KubectlError("error listing files in " + given + ": " + reason(e));
    }
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new KubectlError("open " + file + ": " + reason(e));
    }
  }

  private static String reason(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NotDirectoryException) {
      return "not a directory";
    }
    return e.getMessage();
  }

  /** One CSV record, as Go's {@code encoding/csv} reads a flag value. */
  private static List<String> csv(String value) {
    var fields = new ArrayList<String>();
    var field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < value.length() && value.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"' && field.isEmpty()) {
        quoted = true;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    if (!value.isEmpty()) {
      fields.add(field.toString());
    }
    return fields;
  }
}
