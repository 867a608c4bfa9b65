package io.cncfdemo.event;

import io.cncfdemo.exception.CncfDemoException;
import io.cncfdemo.exception.InvalidInputException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A file of events, one JSON line each, written as they come (each line flushed). */
final class EventFile {
  private static final Logger LOG = LoggerFactory.getLogger(EventFile.class);

  private final Path path;
  private final BufferedWriter writer;

  private EventFile(Path path, BufferedWriter writer) {
    this.path = path;
    this.writer = writer;
  }

  /** A new file (replacing one there) holding {@code first}, open for more. */
  static EventFile create(Path path, List<Event> first) throws IOException {
    var parent = path.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    var file = new EventFile(path, Files.newBufferedWriter(path, StandardCharsets.UTF_8));
    for (var event : first) {
      file.writer.write(event.toJson());
      file.writer.write('\n');
    }
    file.writer.flush();
    return file;
  }

  /** Appends one event; false (with a warning, the file closed) when the disk fails. */
  boolean append(Event event) {
    try {
      writer.write(event.toJson());
      writer.write('\n');
      writer.flush();
      return true;
    } catch (IOException e) {
      LOG.warn(
          "cannot write event {} to {}; no more events go there: {}",
          event.id(),
          path,
          e.toString());
      close();
      return false;
    }
  }

  /** Closes the file; a failure is logged. */
  void close() {
    try {
      writer.close();
    } catch (IOException e) {
      LOG.warn("cannot close {}: {}", path, e.toString());
    }
  }

  /** The events of a file; blank lines are skipped. */
  static List<Event> read(Path path) {
    List<String> lines;
    try {
      lines = Files.readAllLines(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CncfDemoException("cannot read the events in " + path + ": " + e.getMessage(), e);
    }
    var events = new ArrayList<Event>();
    for (int i = 0; i < lines.size(); i++) {
      var line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      try {
        events.add(Event.fromJson(line));
      } catch (InvalidInputException e) {
        throw new InvalidInputException(path + " line " + (i + 1), e.value(), e.allowed());
      }
    }
    return events;
  }
}
