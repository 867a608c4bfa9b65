package io.cncfdemo.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cncfdemo.exception.InvalidInputException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An event as one line of JSON: the envelope ({@code v}, {@code id}, {@code at}, {@code kind}) and
 * the payload's fields beside it. The kinds table maps each name to its record.
 */
final class EventJson {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
  private static final Set<String> ENVELOPE = Set.of("v", "id", "at", "kind");
  private static final Map<String, Class<? extends Payload>> KINDS = kinds();

  private EventJson() {}

  /** Every known kind by its name; a test checks each name against the record's {@code kind()}. */
  static Map<String, Class<? extends Payload>> kinds() {
    return Map.ofEntries(
        Map.entry("cluster-step", Payload.ClusterStep.class),
        Map.entry("cluster-done", Payload.ClusterDone.class),
        Map.entry("stage-started", Payload.StageStarted.class),
        Map.entry("object-applied", Payload.ObjectApplied.class),
        Map.entry("object-waiting", Payload.ObjectWaiting.class),
        Map.entry("object-ready", Payload.ObjectReady.class),
        Map.entry("stage-ready", Payload.StageReady.class),
        Map.entry("object-deleted", Payload.ObjectDeleted.class),
        Map.entry("deploy-done", Payload.DeployDone.class),
        Map.entry("phase-started", Payload.PhaseStarted.class),
        Map.entry("sample", Payload.Sample.class),
        Map.entry("chaos", Payload.ChaosStruck.class),
        Map.entry("preemption", Payload.Preempted.class),
        Map.entry("phase-done", Payload.PhaseDone.class),
        Map.entry("note", Payload.Note.class),
        Map.entry("report-saved", Payload.ReportSaved.class),
        Map.entry("benchmark-done", Payload.BenchmarkDone.class),
        Map.entry("error", Payload.Failed.class));
  }

  /** The event as one line of JSON, without a line break. */
  static String write(Event event) {
    var node = MAPPER.createObjectNode();
    node.put("v", Event.VERSION);
    node.put("id", event.id());
    node.put("at", event.at().toString());
    node.put("kind", event.kind());
    if (event.payload() instanceof Payload.Unknown unknown) {
      node.setAll((ObjectNode) MAPPER.valueToTree(unknown.fields()));
    } else {
      node.setAll((ObjectNode) MAPPER.valueToTree(event.payload()));
    }
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write event " + event, e);
    }
  }

  /** The event of one line as {@link #write} writes it. */
  static Event read(String line) {
    JsonNode node;
    try {
      node = MAPPER.readTree(line);
    } catch (JsonProcessingException e) {
      throw invalid(line, "a JSON object");
    }
    if (node == null || !node.isObject()) {
      throw invalid(line, "a JSON object");
    }
    var id = node.path("id");
    var at = node.path("at");
    var kind = node.path("kind");
    if (!id.canConvertToLong() || !at.isTextual() || !kind.isTextual()) {
      throw invalid(line, "a JSON object with id, at and kind");
    }
    if (node.path("v").asInt(0) < 1) {
      throw invalid(line, "a JSON object with a version v of 1 or more");
    }
    Instant instant;
    try {
      instant = Instant.parse(at.asText());
    } catch (DateTimeParseException e) {
      throw invalid(line, "a JSON object whose at is an ISO-8601 instant");
    }
    var fields = ((ObjectNode) node).deepCopy();
    fields.remove(ENVELOPE);
    var type = KINDS.get(kind.asText());
    return new Event(id.asLong(), instant, payload(kind.asText(), type, fields, line));
  }

  private static Payload payload(
      String kind, @Nullable Class<? extends Payload> type, ObjectNode fields, String line) {
    if (type == null) {
      var values = new LinkedHashMap<String, Object>();
      fields
          .fields()
          .forEachRemaining(
              field -> {
                if (!field.getValue().isNull()) {
                  values.put(field.getKey(), MAPPER.convertValue(field.getValue(), Object.class));
                }
              });
      return new Payload.Unknown(kind, values);
    }
    try {
      return MAPPER.treeToValue(fields, type);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw invalid(line, "an event whose fields fit its kind " + kind);
    }
  }

  private static InvalidInputException invalid(String line, String allowed) {
    var shown = line.length() > 200 ? line.substring(0, 200) + "…" : line;
    return new InvalidInputException("event line", shown, allowed);
  }
}
