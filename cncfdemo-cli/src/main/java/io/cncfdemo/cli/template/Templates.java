package io.cncfdemo.cli.template;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.interpret.TemplateError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Renders Jinja manifests ({@code *.j2}, {@code *.jinja}) with Jinjava, as the original CLI did.
 * Strict: an undefined variable is an error naming the template, the line and the variable, never
 * an empty string; {@code default(...)} and {@code is defined} still work.
 */
public final class Templates {
  private static final Pattern UNKNOWN_TOKEN = Pattern.compile("Unknown token found: (\\S+)");
  private final Jinjava jinjava =
      new Jinjava(JinjavaConfig.newBuilder().withFailOnUnknownTokens(true).build());
  private final Map<String, Object> values;

  public Templates(Map<String, Object> values) {
    this.values = Map.copyOf(values);
  }

  /** Whether the file is a template: its name ends in {@code .j2} or {@code .jinja}. */
  public static boolean isTemplate(Path file) {
    var name = file.getFileName().toString();
    return name.endsWith(".j2") || name.endsWith(".jinja");
  }

  /** The rendered text of a template file. */
  public String render(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new TemplateException("template " + file + ": cannot be read: " + e.getMessage(), e);
    }
    return render(file.toString(), text);
  }

  /** The rendered text of a template; {@code name} is what error messages call it. */
  public String render(String name, String text) {
    var result = jinjava.renderForResult(text, values);
    var fatal =
        result.getErrors().stream()
            .filter(error -> error.getSeverity() == TemplateError.ErrorType.FATAL)
            .findFirst();
    if (fatal.isPresent()) {
      throw new TemplateException(describe(name, fatal.get()));
    }
    return result.getOutput();
  }

  private static String describe(String name, TemplateError error) {
    var where = "template " + name + ", line " + error.getLineno() + ": ";
    var message = error.getMessage() == null ? "" : error.getMessage();
    var unknown = UNKNOWN_TOKEN.matcher(message);
    if (unknown.find()) {
      return where
          + "undefined variable '"
          + unknown.group(1)
          + "' (give it with --set "
          + unknown.group(1)
          + "=VALUE or in a --values file, or write {{ "
          + unknown.group(1)
          + " | default('...') }})";
    }
    return where + "syntax error: " + message;
  }
}
