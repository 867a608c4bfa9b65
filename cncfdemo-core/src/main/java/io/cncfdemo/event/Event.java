package io.cncfdemo.event;

import java.time.Instant;
import java.util.Objects;

/**
 * One event of a run: its number in the stream (from 1), when it happened, and what happened.
 *
 * @param id the event's number in its stream, increasing from 1 without gaps
 * @param at when it was published
 * @param payload what happened
 */
public record Event(long id, Instant at, Payload payload) {

  /** The version of the JSON form written by {@link #toJson()}: the {@code "v"} of every line. */
  public static final int VERSION = 1;

  public Event {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(payload, "payload");
  }

  /** The event's kind, e.g. {@code stage-ready}: the {@code "kind"} of its JSON form. */
  public String kind() {
    return payload.kind();
  }

  /**
   * One line of JSON: {@code {"v":1,"id":3,"at":"2026-…Z","kind":"stage-ready",…}} with the
   * payload's fields.
   */
  public String toJson() {
    return EventJson.write(this);
  }

  /**
   * The event of one line of JSON as {@link #toJson()} writes it; a kind this version does not know
   * becomes {@link Payload.Unknown} with its fields, and unknown fields of a known kind are
   * ignored.
   *
   * @throws io.cncfdemo.exception.InvalidInputException when the line is not such an event
   */
  public static Event fromJson(String line) {
    return EventJson.read(line);
  }
}
