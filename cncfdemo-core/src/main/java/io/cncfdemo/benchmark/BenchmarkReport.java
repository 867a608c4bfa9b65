package io.cncfdemo.benchmark;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import io.cncfdemo.exception.CncfDemoException;
import io.cncfdemo.internal.benchmark.ReportJson;
import io.cncfdemo.internal.benchmark.html.ReportPage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one benchmark run: what ran where ({@link RunMetadata}), the HTTP figures, the
 * control-plane figures, the chaos events and the cost. Saved as JSON with a versioned schema
 * ({@link #saveJson}, {@link #read}) and as one self-contained HTML page ({@link #saveHtml});
 * several runs side by side with {@link Comparison#of}.
 *
 * @param schemaVersion the JSON schema's version, {@value #SCHEMA_VERSION}
 * @param metadata what ran where and when
 * @param http the HTTP benchmark, when one ran
 * @param controlPlane the control-plane benchmark, when one ran
 * @param chaos failures caused on purpose, in order
 * @param cost what the run cost, when the provider prices its plan
 * @param notes what the reader should know: parts skipped or failed, and why
 * @param timeline the story over time (load, replicas, CPU, BOINC, events), when the benchmark had
 *     a {@link LoadProfile}
 */
public record BenchmarkReport(
    int schemaVersion,
    RunMetadata metadata,
    Optional<HttpFigures> http,
    Optional<ControlPlaneFigures> controlPlane,
    List<ChaosEvent> chaos,
    Optional<CostFigures> cost,
    List<String> notes,
    Optional<Timeline> timeline) {

  /** The version of the JSON schema this library writes; it reads this one and the ones before. */
  public static final int SCHEMA_VERSION = 2;

  /** The oldest version this library reads: 1, the same without the timeline. */
  public static final int OLDEST_SCHEMA_VERSION = 1;

  public BenchmarkReport {
    Objects.requireNonNull(metadata, "metadata");
    http = Objects.requireNonNullElse(http, Optional.empty());
    controlPlane = Objects.requireNonNullElse(controlPlane, Optional.empty());
    chaos = chaos == null ? List.of() : List.copyOf(chaos);
    cost = Objects.requireNonNullElse(cost, Optional.empty());
    notes = notes == null ? List.of() : List.copyOf(notes);
    timeline = Objects.requireNonNullElse(timeline, Optional.empty());
  }

  /** A report without a timeline. */
  public BenchmarkReport(
      int schemaVersion,
      RunMetadata metadata,
      Optional<HttpFigures> http,
      Optional<ControlPlaneFigures> controlPlane,
      List<ChaosEvent> chaos,
      Optional<CostFigures> cost,
      List<String> notes) {
    this(schemaVersion, metadata, http, controlPlane, chaos, cost, notes, Optional.empty());
  }

  /** The report as JSON. */
  public String toJson() {
    return ReportJson.write(this);
  }

  /** Writes {@link #toJson()} to {@code file}, creating its directory; returns the file. */
  @CanIgnoreReturnValue
  public Path saveJson(Path file) {
    return write(file, toJson());
  }

  /**
   * Reads a report saved by {@link #saveJson}; fails on a schema version this library does not
   * read, naming both.
   */
  public static BenchmarkReport read(Path file) {
    try {
      return ReportJson.read(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    } catch (IOException e) {
      throw new CncfDemoException(
          "could not read the benchmark report " + file + ": " + e.getMessage(), e);
    }
  }

  /** Parses a report from JSON text. */
  public static BenchmarkReport fromJson(String json) {
    return ReportJson.read(json, "the JSON text");
  }

  /**
   * The report as one self-contained HTML page: inline style and SVG charts, no script, nothing
   * fetched.
   */
  public String toHtml() {
    return ReportPage.render(this);
  }

  /**
   * Writes {@link #toHtml()} to {@code file}, creating its directory; returns the file. Opens
   * offline in any browser.
   */
  @CanIgnoreReturnValue
  public Path saveHtml(Path file) {
    return write(file, toHtml());
  }

  static Path write(Path file, String text) {
    try {
      var parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      return Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CncfDemoException("could not write " + file + ": " + e.getMessage(), e);
    }
  }
}
