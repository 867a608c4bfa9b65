package io.cncfdemo.cli.kubectl;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Writes a JSON tree as YAML byte for byte the way kubectl does ({@code sigs.k8s.io/yaml}, that is
 * go-yaml v2 over the object's JSON): block style, keys in go-yaml's natural order, two-space
 * indentation, sequences not indented under their key, plain scalars folded after column 80, and
 * go-yaml's choice between plain, single-quoted, double-quoted and literal scalars.
 */
public final class GoYaml {
  private static final int BEST_INDENT = 2;
  private static final int BEST_WIDTH = 80;
  private static final Pattern YAML_FLOAT =
      Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
  private static final Pattern BASE60_FLOAT =
      Pattern.compile("[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\\.[0-9_]*)?");
  private static final Pattern DOT_FLOAT = Pattern.compile("\\.[0-9]+([eE][-+]?[0-9]+)?");
  private static final Pattern TIMESTAMP =
      Pattern.compile(
          "(\\d{4})-(\\d{1,2})-(\\d{1,2})(([Tt](\\d{1,2}):(\\d{1,2}):(\\d{1,2})(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2}))|("
              + " (\\d{1,2}):(\\d{1,2}):(\\d{1,2})(\\.\\d+)?))?");

  private enum Style {
    PLAIN,
    SINGLE_QUOTED,
    DOUBLE_QUOTED,
    LITERAL
  }

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final Deque<Integer> indents = new ArrayDeque<>();
  private int indent = -1;
  private int column;
  private boolean whitespace = true;
  private boolean indention = true;
  private boolean openEnded;
  private int flowLevel;
  private boolean rootContext;
  private boolean mappingContext;
  private boolean simpleKeyContext;

  private GoYaml() {}

  /** The YAML of one document, as {@code kubectl ... -o yaml} prints it (ending with a newline). */
  public static String write(JsonNode node) {
    var emitter = new GoYaml();
    emitter.node(node, true, false);
    emitter.writeIndent();
    if (emitter.openEnded) {
      emitter.indicator("...", true, false, false);
      emitter.writeIndent();
    }
    return emitter.out.toString(StandardCharsets.UTF_8);
  }

  private void node(JsonNode node, boolean root, boolean mapping) {
    node(node, root, mapping, false, null);
  }

  private void node(JsonNode node, boolean root, boolean mapping, boolean simpleKey, Scalar key) {
    rootContext = root;
    mappingContext = mapping;
    simpleKeyContext = simpleKey;
    if (key != null) {
      scalar(key);
    } else if (node.isObject()) {
      mappingNode(node);
    } else if (node.isArray()) {
      sequenceNode(node);
    } else {
      scalar(Scalar.of(node));
    }
  }

  private void mappingNode(JsonNode node) {
    if (node.isEmpty()) {
      indicator("{", true, true, false);
      increaseIndent(true, false);
      popIndent();
      indicator("}", false, false, false);
      return;
    }
    increaseIndent(false, false);
    var keys = new ArrayList<>(node.propertyNames());
    keys.sort(GoYamlKeyOrder.INSTANCE);
    for (var name : keys) {
      writeIndent();
      var key = Scalar.ofString(name);
      var value = node.get(name);
      if (isSimpleKey(key)) {
        node(null, false, true, true, key);
        indicator(":", false, false, false);
      } else {
        indicator("?", true, false, true);
        node(null, false, true, false, key);
        writeIndent();
        indicator(":", true, false, true);
      }
      node(value, false, true);
    }
    popIndent();
  }

  private void sequenceNode(JsonNode node) {
    if (node.isEmpty()) {
      indicator("[", true, true, false);
      increaseIndent(true, false);
      popIndent();
      indicator("]", false, false, false);
      return;
    }
    increaseIndent(false, mappingContext && !indention);
    for (var item : node.values()) {
      writeIndent();
      indicator("-", true, false, true);
      node(item, false, false);
    }
    popIndent();
  }

  private static boolean isSimpleKey(Scalar key) {
    return !key.analysis.multiline && key.bytes.length <= 128;
  }

  private void scalar(Scalar scalar) {
    var style = selectStyle(scalar);
    increaseIndent(true, false);
    var allowBreaks = !simpleKeyContext;
    switch (style) {
      case PLAIN -> writePlain(scalar.bytes, allowBreaks);
      case SINGLE_QUOTED -> writeSingleQuoted(scalar.bytes, allowBreaks);
      case DOUBLE_QUOTED -> writeDoubleQuoted(scalar.bytes, allowBreaks);
      case LITERAL -> writeLiteral(scalar.bytes);
    }
    popIndent();
  }

  private Style selectStyle(Scalar scalar) {
    var analysis = scalar.analysis;
    var style = scalar.requested;
    if (simpleKeyContext && analysis.multiline) {
      style = Style.DOUBLE_QUOTED;
    }
    if (style == Style.PLAIN) {
      if (flowLevel > 0 && !analysis.flowPlainAllowed
          || flowLevel == 0 && !analysis.blockPlainAllowed) {
        style = Style.SINGLE_QUOTED;
      }
      if (scalar.bytes.length == 0 && (flowLevel > 0 || simpleKeyContext)) {
        style = Style.SINGLE_QUOTED;
      }
    }
    if (style == Style.SINGLE_QUOTED && !analysis.singleQuotedAllowed) {
      style = Style.DOUBLE_QUOTED;
    }
    if (style == Style.LITERAL && (!analysis.blockAllowed || flowLevel > 0 || simpleKeyContext)) {
      style = Style.DOUBLE_QUOTED;
    }
    return style;
  }

  // --- the emitter's primitives ---

  private void increaseIndent(boolean flow, boolean indentless) {
    indents.push(indent);
    if (indent < 0) {
      indent = flow ? BEST_INDENT : 0;
    } else if (!indentless) {
      indent += BEST_INDENT;
    }
  }

  private void popIndent() {
    indent = indents.pop();
  }

  private void put(int b) {
    out.write(b);
    column++;
  }

  private void putBreak() {
    out.write('\n');
    column = 0;
  }

  /** Copies one UTF-8 character starting at {@code i}; returns the index after it. */
  private int write(byte[] s, int i) {
    int w = width(s[i]);
    out.write(s, i, w);
    column++;
    return i + w;
  }

  private int writeBreak(byte[] s, int i) {
    if (s[i] == '\n') {
      putBreak();
      return i + 1;
    }
    int next = write(s, i);
    column = 0;
    return next;
  }

  private void writeIndent() {
    int wanted = Math.max(indent, 0);
    if (!indention || column > wanted || (column == wanted && !whitespace)) {
      putBreak();
    }
    while (column < wanted) {
      put(' ');
    }
    whitespace = true;
    indention = true;
  }

  private void indicator(
      String indicator, boolean needWhitespace, boolean isWhitespace, boolean isIndention) {
    if (needWhitespace && !whitespace) {
      put(' ');
    }
    var bytes = indicator.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < bytes.length; ) {
      i = write(bytes, i);
    }
    whitespace = isWhitespace;
    indention = indention && isIndention;
    openEnded = false;
  }

  private void writePlain(byte[] value, boolean allowBreaks) {
    if (!whitespace) {
      put(' ');
    }
    boolean spaces = false;
    boolean breaks = false;
    for (int i = 0; i < value.length; ) {
      if (isSpace(value, i)) {
        if (allowBreaks && !spaces && column > BEST_WIDTH && !isSpace(value, i + 1)) {
          writeIndent();
          i += width(value[i]);
        } else {
          i = write(value, i);
        }
        spaces = true;
      } else if (isBreak(value, i)) {
        if (!breaks && value[i] == '\n') {
          putBreak();
        }
        i = writeBreak(value, i);
        indention = true;
        breaks = true;
      } else {
        if (breaks) {
          writeIndent();
        }
        i = write(value, i);
        indention = false;
        spaces = false;
        breaks = false;
      }
    }
    whitespace = false;
    indention = false;
    if (rootContext) {
      openEnded = true;
    }
  }

  private void writeSingleQuoted(byte[] value, boolean allowBreaks) {
    indicator("'", true, false, false);
    boolean spaces = false;
    boolean breaks = false;
    for (int i = 0; i < value.length; ) {
      if (isSpace(value, i)) {
        if (allowBreaks
            && !spaces
            && column > BEST_WIDTH
            && i > 0
            && i < value.length - 1
            && !isSpace(value, i + 1)) {
          writeIndent();
          i += width(value[i]);
        } else {
          i = write(value, i);
        }
        spaces = true;
      } else if (isBreak(value, i)) {
        if (!breaks && value[i] == '\n') {
          putBreak();
        }
        i = writeBreak(value, i);
        indention = true;
        breaks = true;
      } else {
        if (breaks) {
          writeIndent();
        }
        if (value[i] == '\'') {
          put('\'');
        }
        i = write(value, i);
        indention = false;
        spaces = false;
        breaks = false;
      }
    }
    indicator("'", false, false, false);
    whitespace = false;
    indention = false;
  }

  private void writeDoubleQuoted(byte[] value, boolean allowBreaks) {
    boolean spaces = false;
    indicator("\"", true, false, false);
    for (int i = 0; i < value.length; ) {
      if (!isPrintable(value, i)
          || isBom(value)
          || isBreak(value, i)
          || value[i] == '"'
          || value[i] == '\\') {
        int w = width(value[i]);
        int v =
            switch (w) {
              case 1 -> value[i] & 0x7F;
              case 2 -> value[i] & 0x1F;
              case 3 -> value[i] & 0x0F;
              default -> value[i] & 0x07;
            };
        for (int k = 1; k < w; k++) {
          v = (v << 6) + (value[i + k] & 0x3F);
        }
        i += w;
        put('\\');
        switch (v) {
          case 0x00 -> put('0');
          case 0x07 -> put('a');
          case 0x08 -> put('b');
          case 0x09 -> put('t');
          case 0x0A -> put('n');
          case 0x0B -> put('v');
          case 0x0C -> put('f');
          case 0x0D -> put('r');
          case 0x1B -> put('e');
          case 0x22 -> put('"');
          case 0x5C -> put('\\');
          case 0x85 -> put('N');
          case 0xA0 -> put('_');
          case 0x2028 -> put('L');
          case 0x2029 -> put('P');
          default -> {
            int digits;
            if (v <= 0xFF) {
              put('x');
              digits = 2;
            } else if (v <= 0xFFFF) {
              put('u');
              digits = 4;
            } else {
              put('U');
              digits = 8;
            }
            for (int k = (digits - 1) * 4; k >= 0; k -= 4) {
              int digit = (v >> k) & 0x0F;
              put(digit < 10 ? '0' + digit : 'A' + digit - 10);
            }
          }
        }
        spaces = false;
      } else if (isSpace(value, i)) {
        if (allowBreaks && !spaces && column > BEST_WIDTH && i > 0 && i < value.length - 1) {
          writeIndent();
          if (isSpace(value, i + 1)) {
            put('\\');
          }
          i += width(value[i]);
        } else {
          i = write(value, i);
        }
        spaces = true;
      } else {
        i = write(value, i);
        spaces = false;
      }
    }
    indicator("\"", false, false, false);
    whitespace = false;
    indention = false;
  }

  private void writeLiteral(byte[] value) {
    indicator("|", true, false, false);
    blockScalarHints(value);
    putBreak();
    indention = true;
    whitespace = true;
    boolean breaks = true;
    for (int i = 0; i < value.length; ) {
      if (isBreak(value, i)) {
        i = writeBreak(value, i);
        indention = true;
        breaks = true;
      } else {
        if (breaks) {
          writeIndent();
        }
        i = write(value, i);
        indention = false;
        breaks = false;
      }
    }
  }

  private void blockScalarHints(byte[] value) {
    if (isSpace(value, 0) || isBreak(value, 0)) {
      indicator(String.valueOf(BEST_INDENT), false, false, false);
    }
    openEnded = false;
    String chomp = null;
    if (value.length == 0) {
      chomp = "-";
    } else {
      int i = value.length - 1;
      while ((value[i] & 0xC0) == 0x80) {
        i--;
      }
      if (!isBreak(value, i)) {
        chomp = "-";
      } else if (i == 0) {
        chomp = "+";
        openEnded = true;
      } else {
        i--;
        while ((value[i] & 0xC0) == 0x80) {
          i--;
        }
        if (isBreak(value, i)) {
          chomp = "+";
          openEnded = true;
        }
      }
    }
    if (chomp != null) {
      indicator(chomp, false, false, false);
    }
  }

  // --- character classes, as go-yaml defines them ---

  private static int at(byte[] b, int i) {
    return i < b.length ? b[i] & 0xFF : 0;
  }

  static int width(byte b) {
    int c = b & 0xFF;
    if ((c & 0x80) == 0) {
      return 1;
    }
    if ((c & 0xE0) == 0xC0) {
      return 2;
    }
    if ((c & 0xF0) == 0xE0) {
      return 3;
    }
    if ((c & 0xF8) == 0xF0) {
      return 4;
    }
    return 1;
  }

  static boolean isSpace(byte[] b, int i) {
    return at(b, i) == ' ';
  }

  static boolean isBlank(byte[] b, int i) {
    return at(b, i) == ' ' || at(b, i) == '\t';
  }

  static boolean isBreak(byte[] b, int i) {
    int c = at(b, i);
    return c == '\r'
        || c == '\n'
        || c == 0xC2 && at(b, i + 1) == 0x85
        || c == 0xE2 && at(b, i + 1) == 0x80 && (at(b, i + 2) == 0xA8 || at(b, i + 2) == 0xA9);
  }

  static boolean isBlankOrBreakOrEnd(byte[] b, int i) {
    return i >= b.length || isBlank(b, i) || isBreak(b, i) || at(b, i) == 0;
  }

  static boolean isPrintable(byte[] b, int i) {
    int c = at(b, i);
    int c1 = at(b, i + 1);
    int c2 = at(b, i + 2);
    return c == 0x0A
        || c >= 0x20 && c <= 0x7E
        || c == 0xC2 && c1 >= 0xA0
        || c > 0xC2 && c < 0xED
        || c == 0xED && c1 < 0xA0
        || c == 0xEE
        || c == 0xEF && !(c1 == 0xBB && c2 == 0xBF) && !(c1 == 0xBF && (c2 == 0xBE || c2 == 0xBF));
  }

  /** go-yaml looks at the start of the whole value here, not at the current character. */
  static boolean isBom(byte[] b) {
    return at(b, 0) == 0xEF && at(b, 1) == 0xBB && at(b, 2) == 0xBF;
  }

  /**
   * A scalar to write: its UTF-8 bytes, the style the encoder asks for and the emitter's analysis
   * of it.
   */
  private record Scalar(byte[] bytes, Style requested, Analysis analysis) {
    static Scalar of(JsonNode node) {
      if (node == null || node.isNull()) {
        return plain("null");
      }
      if (node.isBoolean()) {
        return plain(String.valueOf(node.booleanValue()));
      }
      if (node.isIntegralNumber()) {
        return plain(node.numberValue().toString());
      }
      if (node.isNumber()) {
        return plain(goFloat(node.doubleValue()));
      }
      return ofString(node.stringValue());
    }

    static Scalar ofString(String json) {
      var text = foldNextLines(json);
      var bytes = text.getBytes(StandardCharsets.UTF_8);
      var canUsePlain = resolvesToString(text) && !isBase60Float(text);
      Style style =
          text.contains("\n") ? Style.LITERAL : canUsePlain ? Style.PLAIN : Style.DOUBLE_QUOTED;
      return new Scalar(bytes, style, Analysis.of(bytes));
    }

    private static Scalar plain(String text) {
      var bytes = text.getBytes(StandardCharsets.UTF_8);
      return new Scalar(bytes, Style.PLAIN, Analysis.of(bytes));
    }
  }

  /**
   * The string as go-yaml reads it back from kubectl's JSON: JSON leaves U+0085 (NEL) unescaped and
   * YAML takes it for a line break in a double-quoted scalar, so it folds: spaces around it go, one
   * break becomes a space, more become newlines.
   */
  static String foldNextLines(String text) {
    if (text.indexOf('\u0085') < 0) {
      return text;
    }
    var out = new StringBuilder();
    int i = 0;
    int n = text.length();
    while (i < n) {
      while (i < n && text.charAt(i) != ' ' && text.charAt(i) != '\u0085') {
        out.append(text.charAt(i++));
      }
      var whitespace = new StringBuilder();
      boolean leadingBlanks = false;
      int trailingBreaks = 0;
      while (i < n && (text.charAt(i) == ' ' || text.charAt(i) == '\u0085')) {
        if (text.charAt(i) == ' ') {
          if (!leadingBlanks) {
            whitespace.append(' ');
          }
        } else if (!leadingBlanks) {
          whitespace.setLength(0);
          leadingBlanks = true;
        } else {
          trailingBreaks++;
        }
        i++;
      }
      if (leadingBlanks) {
        out.append(trailingBreaks == 0 ? " " : "\n".repeat(trailingBreaks));
      } else {
        out.append(whitespace);
      }
    }
    return out.toString();
  }

  /** What go-yaml's {@code yaml_emitter_analyze_scalar} finds out about a scalar. */
  private record Analysis(
      boolean multiline,
      boolean flowPlainAllowed,
      boolean blockPlainAllowed,
      boolean singleQuotedAllowed,
      boolean blockAllowed) {

    static Analysis of(byte[] value) {
      if (value.length == 0) {
        return new Analysis(false, false, true, true, false);
      }
      boolean blockIndicators = false;
      boolean flowIndicators = false;
      boolean lineBreaks = false;
      boolean specialCharacters = false;
      boolean leadingSpace = false;
      boolean leadingBreak = false;
      boolean trailingSpace = false;
      boolean trailingBreak = false;
      boolean breakSpace = false;
      boolean spaceBreak = false;
      boolean previousSpace = false;
      boolean previousBreak = false;
      if (value.length >= 3
          && (value[0] == '-' && value[1] == '-' && value[2] == '-'
              || value[0] == '.' && value[1] == '.' && value[2] == '.')) {
        blockIndicators = true;
        flowIndicators = true;
      }
      boolean precededByWhitespace = true;
      for (int i = 0, w; i < value.length; i += w) {
        w = width(value[i]);
        boolean followedByWhitespace = i + w >= value.length || isBlank(value, i + w);
        int c = value[i] & 0xFF;
        if (i == 0) {
          switch (c) {
            case '#',
                ',',
                '[',
                ']',
                '{',
                '}',
                '&',
                '*',
                '!',
                '|',
                '>',
                '\'',
                '"',
                '%',
                '@',
                '`' -> {
              flowIndicators = true;
              blockIndicators = true;
            }
            case '?', ':' -> {
              flowIndicators = true;
              if (followedByWhitespace) {
                blockIndicators = true;
              }
            }
            case '-' -> {
              if (followedByWhitespace) {
                flowIndicators = true;
                blockIndicators = true;
              }
            }
            default -> {}
          }
        } else {
          switch (c) {
            case ',', '?', '[', ']', '{', '}' -> flowIndicators = true;
            case ':' -> {
              flowIndicators = true;
              if (followedByWhitespace) {
                blockIndicators = true;
              }
            }
            case '#' -> {
              if (precededByWhitespace) {
                flowIndicators = true;
                blockIndicators = true;
              }
            }
            default -> {}
          }
        }
        if (!isPrintable(value, i)) {
          specialCharacters = true;
        }
        if (isSpace(value, i)) {
          if (i == 0) {
            leadingSpace = true;
          }
          if (i + w == value.length) {
            trailingSpace = true;
          }
          if (previousBreak) {
            breakSpace = true;
          }
          previousSpace = true;
          previousBreak = false;
        } else if (isBreak(value, i)) {
          lineBreaks = true;
          if (i == 0) {
            leadingBreak = true;
          }
          if (i + w == value.length) {
            trailingBreak = true;
          }
          if (previousSpace) {
            spaceBreak = true;
          }
          previousSpace = false;
          previousBreak = true;
        } else {
          previousSpace = false;
          previousBreak = false;
        }
        precededByWhitespace = isBlankOrBreakOrEnd(value, i);
      }
      boolean flowPlain = true;
      boolean blockPlain = true;
      boolean singleQuoted = true;
      boolean block = true;
      if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) {
        flowPlain = false;
        blockPlain = false;
      }
      if (trailingSpace) {
        block = false;
      }
      if (breakSpace) {
        flowPlain = false;
        blockPlain = false;
        singleQuoted = false;
      }
      if (spaceBreak || specialCharacters) {
        flowPlain = false;
        blockPlain = false;
        singleQuoted = false;
        block = false;
      }
      if (lineBreaks) {
        flowPlain = false;
        blockPlain = false;
      }
      if (flowIndicators) {
        flowPlain = false;
      }
      if (blockIndicators) {
        blockPlain = false;
      }
      return new Analysis(lineBreaks, flowPlain, blockPlain, singleQuoted, block);
    }
  }

  // --- go-yaml's resolver: would this text, written plain, read back as something other than a
  // string? ---

  private static final List<String> SPECIAL =
      List.of(
          "y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON", "n", "N", "no",
          "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF", "", "~", "null", "Null",
          "NULL", ".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF",
          "-.inf", "-.Inf", "-.INF", "<<");

  static boolean resolvesToString(String in) {
    char hint = in.isEmpty() ? 'N' : hint(in.charAt(0));
    if (hint == 0) {
      return true;
    }
    if (SPECIAL.contains(in)) {
      return false;
    }
    return switch (hint) {
      case '.' -> !DOT_FLOAT.matcher(in).matches();
      case 'D', 'S' -> {
        var plain = in.replace("_", "");
        yield !isTimestamp(in) && !isGoInt(plain) && !YAML_FLOAT.matcher(plain).matches();
      }
      default -> true;
    };
  }

  private static char hint(char c) {
    if (c == '+' || c == '-') {
      return 'S';
    }
    if (c >= '0' && c <= '9') {
      return 'D';
    }
    if ("yYnNtTfFoO~".indexOf(c) >= 0) {
      return 'M';
    }
    return c == '.' ? '.' : 0;
  }

  /** Go's {@code strconv.ParseInt(s, 0, 64)} or {@code ParseUint(s, 0, 64)} would accept it. */
  private static boolean isGoInt(String s) {
    var body = s.startsWith("+") || s.startsWith("-") ? s.substring(1) : s;
    if (body.isEmpty() || body.indexOf('+') >= 0 || body.indexOf('-') >= 0) {
      return false;
    }
    try {
      if (body.startsWith("0x") || body.startsWith("0X")) {
        return fitsInt64(s.startsWith("-"), new java.math.BigInteger(body.substring(2), 16));
      }
      if (body.startsWith("0b") || body.startsWith("0B")) {
        return fitsInt64(s.startsWith("-"), new java.math.BigInteger(body.substring(2), 2));
      }
      if (body.startsWith("0o") || body.startsWith("0O")) {
        return fitsInt64(s.startsWith("-"), new java.math.BigInteger(body.substring(2), 8));
      }
      if (body.length() > 1 && body.startsWith("0")) {
        return fitsInt64(s.startsWith("-"), new java.math.BigInteger(body.substring(1), 8));
      }
      if (!body.chars().allMatch(Character::isDigit)) {
        return false;
      }
      return fitsInt64(s.startsWith("-"), new java.math.BigInteger(body));
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static boolean fitsInt64(boolean negative, java.math.BigInteger magnitude) {
    var value = negative ? magnitude.negate() : magnitude;
    return value.bitLength() < 64 || !negative && magnitude.bitLength() <= 64;
  }

  /**
   * go-yaml's accepted timestamps: a date, or a date and time (with a zone after 'T', without one
   * after a space).
   */
  private static boolean isTimestamp(String s) {
    var matcher = TIMESTAMP.matcher(s);
    if (!matcher.matches()) {
      return false;
    }
    int year = Integer.parseInt(matcher.group(1));
    int month = Integer.parseInt(matcher.group(2));
    int day = Integer.parseInt(matcher.group(3));
    if (month < 1 || month > 12 || !java.time.YearMonth.of(year, month).isValidDay(day)) {
      return false;
    }
    int first = matcher.group(5) != null ? 6 : 12;
    if (matcher.group(first) == null) {
      return true;
    }
    var hour = matcher.group(first);
    var minute = matcher.group(first + 1);
    var second = matcher.group(first + 2);
    return Integer.parseInt(hour) < 24
        && Integer.parseInt(minute) < 60
        && Integer.parseInt(second) < 60;
  }

  private static boolean isBase60Float(String s) {
    if (s.isEmpty()) {
      return false;
    }
    char c = s.charAt(0);
    if (!(c == '+' || c == '-' || c >= '0' && c <= '9') || s.indexOf(':') < 0) {
      return false;
    }
    return BASE60_FLOAT.matcher(s).matches();
  }

  /** Go's {@code strconv.FormatFloat(f, 'g', -1, 64)}. */
  static String goFloat(double value) {
    if (Double.isNaN(value)) {
      return ".nan";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? ".inf" : "-.inf";
    }
    if (value == 0) {
      return 1 / value < 0 ? "-0" : "0";
    }
    var decimal = new BigDecimal(Double.toString(value)).stripTrailingZeros();
    int exponent = decimal.precision() - decimal.scale() - 1;
    if (exponent < -4 || exponent >= 6) {
      var digits = decimal.unscaledValue().abs().toString();
      var mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
      return (value < 0 ? "-" : "")
          + mantissa
          + "e"
          + (exponent < 0 ? "-" : "+")
          + (Math.abs(exponent) < 10 ? "0" : "")
          + Math.abs(exponent);
    }
    return decimal.toPlainString();
  }
}
