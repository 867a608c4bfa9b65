package io.cncfdemo.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cncfdemo.exception.CncfDemoException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchmarkReportTest {

  @Test
  void savedJson_readsBackEqual(@TempDir Path dir) {
    var report = SampleReports.of("aws us-west-2", "aws", 1);

    var file = report.saveJson(dir.resolve("out/report.json"));

    assertThat(BenchmarkReport.read(file)).isEqualTo(report);
  }

  @Test
  void json_hasTheVersionedSchema_withUnitsInTheFieldNames() {
    var json = SampleReports.of("local", "local", 1).toJson();

    assertThat(json)
        .startsWith("{\n  \"schemaVersion\" : 2,")
        .contains(
            "\"requestsPerSecond\" : 900.0",
            "\"p99Ms\" : 850.0",
            "\"usdPerMillionRequests\" : 0.064196",
            "\"replacementReadySeconds\" : 0.4",
            "\"nodeTypes\" : {\n      \"t3.large\" : 1,\n      \"t3.medium\" : 3");
  }

  @Test
  void absentParts_areNull_andReadBackAsEmpty() {
    var full = SampleReports.of("local", "local", 1);
    var bare =
        new BenchmarkReport(
            1,
            full.metadata(),
            Optional.empty(),
            Optional.empty(),
            List.of(),
            Optional.empty(),
            List.of());

    assertThat(bare.toJson()).contains("\"http\" : null", "\"cost\" : null");
    assertThat(BenchmarkReport.fromJson(bare.toJson())).isEqualTo(bare);
  }

  @Test
  void unknownFields_ofTheSameSchemaVersion_areIgnored() {
    var json =
        SampleReports.of("local", "local", 1)
            .toJson()
            .replaceFirst("\\{", "{\n  \"addedLater\" : [1, 2],");

    assertThat(BenchmarkReport.fromJson(json).metadata().name()).isEqualTo("local");
  }

  @Test
  void anotherSchemaVersion_orNoReport_isRefused_sayingWhy(@TempDir Path dir) throws Exception {
    var future =
        Files.writeString(
            dir.resolve("future.json"),
            SampleReports.of("local", "local", 1)
                .toJson()
                .replace("\"schemaVersion\" : 2", "\"schemaVersion\" : 3"));
    assertThatThrownBy(() -> BenchmarkReport.read(future))
        .isInstanceOf(CncfDemoException.class)
        .hasMessage(future + " has schemaVersion 3; this library reads schemaVersion 1 to 2");
    assertThatThrownBy(() -> BenchmarkReport.fromJson("{\"name\": 1}"))
        .hasMessage("the JSON text is not a cncfdemo benchmark report: it has no schemaVersion");
    assertThatThrownBy(() -> BenchmarkReport.fromJson("{"))
        .hasMessageStartingWith("the JSON text is not valid JSON: ");
    assertThatThrownBy(() -> BenchmarkReport.read(dir.resolve("missing.json")))
        .hasMessageStartingWith(
            "could not read the benchmark report " + dir.resolve("missing.json"));
  }
}
