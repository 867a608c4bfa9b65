package io.cncfdemo.cli.template;

import io.cncfdemo.cli.common.UsageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The variables of templates: {@code --values FILE.yaml} files merged in order, then {@code --set
 * key=value} ({@code a.b=1} sets {@code b} inside {@code a}; {@code true}, {@code false} and whole
 * numbers are typed, the rest is text).
 */
public final class TemplateValues {
  private static final YAMLMapper YAML = YAMLMapper.builder().build();
  private static final Pattern INTEGER = Pattern.compile("-?\\d{1,18}");

  private TemplateValues() {}

  public static Map<String, Object> of(List<Path> valuesFiles, List<String> sets) {
    var values = new LinkedHashMap<String, Object>();
    for (var file : valuesFiles) {
      merge(values, read(file));
    }
    for (var set : sets) {
      int equals = set.indexOf('=');
      if (equals <= 0) {
        throw new UsageException("--set must be KEY=VALUE, was " + set);
      }
      put(values, set.substring(0, equals), typed(set.substring(equals + 1)));
    }
    return values;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> read(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new TemplateException("values file " + file + ": cannot be read: " + e.getMessage(), e);
    }
    JsonNode tree;
    try {
      tree = YAML.readTree(text);
    } catch (JacksonException e) {
      var location = e.getLocation();
      var where =
          location == null
              ? ""
              : "line " + location.getLineNr() + ", column " + location.getColumnNr() + ": ";
      throw new TemplateException(
          "values file "
              + file
              + ": "
              + where
              + "not valid YAML: "
              + firstLine(e.getOriginalMessage()),
          e);
    }
    if (tree == null || tree.isMissingNode() || tree.isNull()) {
      return Map.of();
    }
    if (!tree.isObject()) {
      throw new TemplateException(
          "values file "
              + file
              + ": must be a mapping of names to values, is "
              + (tree.isArray() ? "a list" : "a single value"));
    }
    return YAML.convertValue(tree, Map.class);
  }

  @SuppressWarnings("unchecked")
  private static void merge(Map<String, Object> into, Map<String, Object> from) {
    from.forEach(
        (key, value) -> {
          if (value instanceof Map<?, ?> nested && into.get(key) instanceof Map<?, ?> existing) {
            merge((Map<String, Object>) existing, (Map<String, Object>) nested);
          } else {
            into.put(key, value);
          }
        });
  }

  @SuppressWarnings("unchecked")
  private static void put(Map<String, Object> values, String path, Object value) {
    var parts = path.split("\\.");
    var current = values;
    for (int i = 0; i < parts.length - 1; i++) {
      var next = current.get(parts[i]);
      if (!(next instanceof Map<?, ?>)) {
        next = new LinkedHashMap<String, Object>();
        current.put(parts[i], next);
      }
      current = (Map<String, Object>) next;
    }
    current.put(parts[parts.length - 1], value);
  }

  private static Object typed(String text) {
    if (text.equals("true") || text.equals("false")) {
      return Boolean.parseBoolean(text);
    }
    if (INTEGER.matcher(text).matches()) {
      return Long.parseLong(text);
    }
    return text;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
