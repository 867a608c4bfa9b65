package io.cncfdemo.exception;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A value a user gave (a name, a count, a duration, a region, a template, ...) is not allowed.
 * Thrown before anything is created; the message names the field, the value and what is allowed,
 * and so do the accessors.
 */
public class InvalidInputException extends CncfDemoException {
  private static final long serialVersionUID = 1L;

  private final String field;
  private final String value;
  private final String allowed;

  public InvalidInputException(String field, @Nullable Object value, String allowed) {
    super(field + " must be " + allowed + ", was " + render(value));
    this.field = Objects.requireNonNull(field, "field");
    this.value = String.valueOf(value);
    this.allowed = Objects.requireNonNull(allowed, "allowed");
  }

  /** The field the value was given for, as the DSL names it, e.g. {@code minions}. */
  public String field() {
    return field;
  }

  /** The rejected value as text. */
  public String value() {
    return value;
  }

  /** What the field accepts, e.g. {@code at least 1}. */
  public String allowed() {
    return allowed;
  }

  private static String render(@Nullable Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof CharSequence) {
      return "\"" + value + "\"";
    }
    return String.valueOf(value);
  }
}
