package io.cncfdemo.internal.benchmark;

import io.cncfdemo.benchmark.BenchmarkReport;
import io.cncfdemo.exception.CncfDemoException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Reads and writes {@link BenchmarkReport}s as JSON with Jackson 3, the Jackson fabric8 uses. */
public final class ReportJson {
  private static final JsonMapper MAPPER =
      JsonMapper.builder()
          .enable(SerializationFeature.INDENT_OUTPUT)
          // a report written by a newer library of the same schema version may carry fields this
          // one does not know
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  private ReportJson() {}

  public static String write(BenchmarkReport report) {
    return MAPPER.writeValueAsString(report) + "\n";
  }

  /** Parses a report; {@code origin} names where the text came from, for messages. */
  public static BenchmarkReport read(String json, String origin) {
    int version;
    try {
      var tree = MAPPER.readTree(json);
      var field = tree.get("schemaVersion");
      if (field == null || !field.isInt()) {
        throw new CncfDemoException(
            origin + " is not a cncfdemo benchmark report: it has no schemaVersion");
      }
      version = field.intValue();
    } catch (JacksonException e) {
      throw new CncfDemoException(origin + " is not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (version < BenchmarkReport.OLDEST_SCHEMA_VERSION
        || version > BenchmarkReport.SCHEMA_VERSION) {
      throw new CncfDemoException(
          origin
              + " has schemaVersion "
              + version
              + "; this library reads schemaVersion "
              + BenchmarkReport.OLDEST_SCHEMA_VERSION
              + " to "
              + BenchmarkReport.SCHEMA_VERSION);
    }
    try {
      return MAPPER.readValue(json, BenchmarkReport.class);
    } catch (JacksonException e) {
      throw new CncfDemoException(
          origin + " is not a valid benchmark report: " + e.getOriginalMessage(), e);
    }
  }
}
