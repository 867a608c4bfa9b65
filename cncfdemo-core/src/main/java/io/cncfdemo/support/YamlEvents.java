package io.cncfdemo.support;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.StreamDataWriter;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.NonPrintableStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.emitter.Emitter;
import org.snakeyaml.engine.v2.events.DocumentEndEvent;
import org.snakeyaml.engine.v2.events.DocumentStartEvent;
import org.snakeyaml.engine.v2.events.ImplicitTuple;
import org.snakeyaml.engine.v2.events.MappingEndEvent;
import org.snakeyaml.engine.v2.events.MappingStartEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.events.SequenceEndEvent;
import org.snakeyaml.engine.v2.events.SequenceStartEvent;
import org.snakeyaml.engine.v2.events.StreamEndEvent;
import org.snakeyaml.engine.v2.events.StreamStartEvent;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.scanner.StreamReader;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns an object's JSON, as fabric8 serializes it, straight into YAML with snakeyaml-engine's
 * emitter: the same events, tags, implicit flags and scalar styles that fabric8's {@code asYaml}
 * gets from converting the object to maps and representing and serializing them as nodes, so the
 * output is the same text, without building either tree. Strings that snakeyaml would write as
 * binary are not handled: {@link #yaml} is then empty and the caller takes fabric8's path.
 */
final class YamlEvents {
  /** fabric8's {@code asYaml} settings: explicit document start, block style. */
  private static final DumpSettings SETTINGS =
      DumpSettings.builder().setExplicitStart(true).setDefaultFlowStyle(FlowStyle.BLOCK).build();

  private static final ScalarResolver RESOLVER = SETTINGS.getSchema().getScalarResolver();

  /** Resolved tags of short strings (keys, names, labels): they repeat in every object. */
  private static final int MAX_CACHED_LENGTH = 64;

  private static final int MAX_CACHED = 20_000;
  private static final Map<String, Tag> IMPLICIT_TAGS = new ConcurrentHashMap<>();
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Optional<String> MAP = Optional.of(Tag.MAP.getValue());
  private static final Optional<String> SEQ = Optional.of(Tag.SEQ.getValue());
  private static final Optional<String> STR = Optional.of(Tag.STR.getValue());
  private static final Optional<String> INT = Optional.of(Tag.INT.getValue());
  private static final Optional<String> FLOAT = Optional.of(Tag.FLOAT.getValue());
  private static final Optional<String> BOOL = Optional.of(Tag.BOOL.getValue());
  private static final Optional<String> NULL = Optional.of(Tag.NULL.getValue());

  private YamlEvents() {}

  /**
   * The YAML document of this JSON value, {@code ---} first; empty when a string is left to
   * fabric8.
   */
  static Optional<String> yaml(String json) {
    var out = new Out();
    var emitter = new Emitter(SETTINGS, out);
    emitter.emit(new StreamStartEvent());
    emitter.emit(
        new DocumentStartEvent(
            SETTINGS.isExplicitStart(), SETTINGS.getYamlDirective(), SETTINGS.getTagDirective()));
    try (JsonParser parser = JSON.createParser(json)) {
      if (!value(parser, parser.nextToken(), emitter)) {
        return Optional.empty();
      }
    }
    emitter.emit(new DocumentEndEvent(SETTINGS.isExplicitEnd()));
    emitter.emit(new StreamEndEvent());
    return Optional.of(out.text.toString());
  }

  private static boolean value(JsonParser parser, JsonToken token, Emitter emitter) {
    switch (token) {
      case START_OBJECT -> {
        emitter.emit(new MappingStartEvent(Optional.empty(), MAP, true, FlowStyle.BLOCK));
        JsonToken next;
        while ((next = parser.nextToken()) == JsonToken.PROPERTY_NAME) {
          var name = parser.currentName();
          if (!string(name, true, emitter) || !value(parser, parser.nextToken(), emitter)) {
            return false;
          }
        }
        if (next != JsonToken.END_OBJECT) {
          return false;
        }
        emitter.emit(new MappingEndEvent());
        return true;
      }
      case START_ARRAY -> {
        emitter.emit(new SequenceStartEvent(Optional.empty(), SEQ, true, FlowStyle.BLOCK));
        JsonToken next;
        while ((next = parser.nextToken()) != JsonToken.END_ARRAY) {
          if (next == null || !value(parser, next, emitter)) {
            return false;
          }
        }
        emitter.emit(new SequenceEndEvent());
        return true;
      }
      case VALUE_STRING -> {
        return string(parser.getString(), false, emitter);
      }
      case VALUE_NUMBER_INT -> {
        scalar(Tag.INT, INT, parser.getNumberValue().toString(), ScalarStyle.PLAIN, emitter);
        return true;
      }
      case VALUE_NUMBER_FLOAT -> {
        double number = parser.getDoubleValue();
        String text;
        if (Double.isNaN(number)) {
          text = ".nan";
        } else if (number == Double.POSITIVE_INFINITY) {
          text = ".inf";
        } else if (number == Double.NEGATIVE_INFINITY) {
          text = "-.inf";
        } else {
          text = parser.getNumberValue().toString();
        }
        scalar(Tag.FLOAT, FLOAT, text, ScalarStyle.PLAIN, emitter);
        return true;
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        scalar(
            Tag.BOOL,
            BOOL,
            token == JsonToken.VALUE_TRUE ? "true" : "false",
            ScalarStyle.PLAIN,
            emitter);
        return true;
      }
      case VALUE_NULL -> {
        scalar(Tag.NULL, NULL, "null", ScalarStyle.PLAIN, emitter);
        return true;
      }
      default -> {
        return false;
      }
    }
  }

  /**
   * A string as snakeyaml's representer writes it, with fabric8's one exception: a key of one
   * letter y, Y, n or N is double-quoted (YAML 1.1 reads it as a boolean).
   */
  private static boolean string(String value, boolean key, Emitter emitter) {
    if (SETTINGS.getNonPrintableStyle() == NonPrintableStyle.BINARY
        && !StreamReader.isPrintable(value)) {
      return false;
    }
    // the representer's MULTILINE_PATTERN, [\n\u0085]
    var style =
        value.indexOf('\n') >= 0 || value.indexOf('\u0085') >= 0
            ? ScalarStyle.LITERAL
            : ScalarStyle.PLAIN;
    if (key && value.length() == 1 && "yYnN".indexOf(value.charAt(0)) >= 0) {
      style = ScalarStyle.DOUBLE_QUOTED;
    }
    scalar(Tag.STR, STR, value, style, emitter);
    return true;
  }

  private static void scalar(
      Tag tag, Optional<String> tagValue, String value, ScalarStyle style, Emitter emitter) {
    var implicit =
        new ImplicitTuple(
            tag.equals(implicitTag(value)), tag.equals(RESOLVER.resolve(value, false)));
    emitter.emit(new ScalarEvent(Optional.empty(), tagValue, implicit, value, style));
  }

  /** The tag a plain scalar of this text resolves to, as the serializer resolves it. */
  private static Tag implicitTag(String value) {
    if (value.length() > MAX_CACHED_LENGTH) {
      return RESOLVER.resolve(value, true);
    }
    var tag = IMPLICIT_TAGS.get(value);
    if (tag == null) {
      tag = RESOLVER.resolve(value, true);
      if (IMPLICIT_TAGS.size() < MAX_CACHED) {
        IMPLICIT_TAGS.put(value, tag);
      }
    }
    return tag;
  }

  /** The emitter's output, in memory. */
  private static final class Out implements StreamDataWriter {
    final StringBuilder text = new StringBuilder(4096);

    @Override
    public void write(String str) {
      text.append(str);
    }

    @Override
    public void write(String str, int off, int len) {
      text.append(str, off, off + len);
    }
  }
}
