package io.cncfdemo.cli.kubectl;

import static org.assertj.core.api.Assertions.assertThat;

import io.cncfdemo.cli.CliRun;
import io.cncfdemo.cli.Kubectl;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code cncfdemo create configmap|secret generic ... --dry-run=client -o yaml|json} prints byte
 * for byte what {@code kubectl} prints for the same arguments, and fails with the same message and
 * exit code; over directories (nested, with symbolic links and binary files), single files,
 * explicit keys, literals and names with dots.
 */
class CreateMatchesKubectlIT {
  @TempDir static Path directory;

  @BeforeAll
  static void files() throws IOException {
    var d = Files.createDirectories(directory.resolve("conf.d"));
    write(d, "app.properties", "name=demo\nport=8080\n");
    write(d, "no-newline.txt", "no newline at the end");
    write(d, "empty", "");
    write(d, ".hidden", "  leading spaces\ntrailing spaces  \n\n\n");
    write(d, "a9", "9");
    write(d, "a10", "key: \"quoted\"\n");
    write(d, "a010", "yes");
    write(d, "Zeta", "true");
    write(d, "tab", "tab\there");
    write(d, "crlf", "windows\r\nline\r\n");
    write(d, "only-cr", "old\rmac");
    write(d, "emoji", "\uD83D\uDE00 smile <b>&amp;</b>\n");
    write(
        d,
        "long",
        "a long line with many words that goes well beyond the eighty columns where go-yaml folds"
            + " plain scalars");
    write(
        d,
        "long-quoted",
        "\"a long quoted line\" with many words that goes well beyond the eighty columns where"
            + " go-yaml folds");
    write(d, "yaml-like", "# comment: x\n- a\n- b: c\n");
    write(d, "two-trailing", "a\n\n");
    write(d, "only-newline", "\n");
    write(d, "starts-with-space", " x\n");
    write(d, "bom", "\uFEFFbom first\n");
    write(d, "nel", "next\u0085line");
    write(d, "nel-runs", "a \u0085 b\u0085\u0085\u0085c \u0085");
    write(d, "control", "bell\u0007escape\u001b");
    write(d, "numbers", "0x1F");
    write(d, "float", "1.5e3");
    write(d, "date", "2024-01-15");
    write(d, "sexagesimal", "12:30");
    write(d, "tilde", "~");
    write(d, "colon", "key: value");
    write(d, "dash", "- item");
    write(d, "dots", "...");
    write(d, "quote", "it's");
    write(d, "unicode", "Grüße, 日本語, ελληνικά\n");
    write(d, "space-in-middle", "a  b   c");
    write(d, "trailing-space-lines", "line \nnext\n");
    Files.write(d.resolve("binary.dat"), new byte[] {0, 1, 2, (byte) 0xff, (byte) 0xfe, 10});
    Files.write(d.resolve("latin1.txt"), "caf\u00e9".getBytes(StandardCharsets.ISO_8859_1));
    var nested = Files.createDirectories(d.resolve("nested/deeper"));
    write(nested.getParent(), "skipped.txt", "not read: directories are not walked");
    write(nested, "skipped-too.txt", "not read either");
    Files.createSymbolicLink(d.resolve("link-to-props"), d.resolve("app.properties"));
    write(directory, "config.v1.yaml", "a: 1\n");
    var bad = Files.createDirectories(directory.resolve("bad-keys"));
    write(bad, "has space", "x");
    write(directory, "k".repeat(130), "a key longer than 128 characters");
  }

  static Stream<List<String>> cases() {
    var d = directory.resolve("conf.d").toString();
    var file = directory.resolve("config.v1.yaml").toString();
    var longKey = directory.resolve("k".repeat(130)).toString();
    var cases = new ArrayList<List<String>>();
    for (var output : List.of("yaml", "json")) {
      for (var kind :
          List.of(List.of("configmap", "my.config"), List.of("secret", "generic", "my.secret"))) {
        cases.add(args(kind, "--from-file=" + d, "-o", output));
        cases.add(
            args(kind, "--from-file=" + file, "--from-file=renamed.key=" + file, "-o", output));
        cases.add(
            args(
                kind,
                "--from-literal=user=admin",
                "--from-literal=url=http://x/?a=b=c",
                "--from-literal=true=yes",
                "--from-literal=1=one",
                "--from-literal=empty=",
                "-o",
                output));
        cases.add(
            args(
                kind,
                "--from-file=" + d + "/link-to-props",
                "--from-file=" + longKey,
                "-n",
                "demo.ns",
                "-o",
                output));
        cases.add(
            args(
                kind,
                "--from-file=" + d + "/a9," + d + "/a10",
                "--from-literal=Zz=z",
                "-o",
                output));
        cases.add(args(kind, "-o", output));
      }
    }
    for (var kind : List.of(List.of("configmap", "x"), List.of("secret", "generic", "x"))) {
      cases.add(args(kind, "--from-file=" + directory.resolve("bad-keys"), "-o", "yaml"));
      cases.add(args(kind, "--from-file=" + file, "--from-file=" + file, "-o", "yaml"));
      cases.add(args(kind, "--from-literal=a=1", "--from-literal=a=2", "-o", "yaml"));
      cases.add(args(kind, "--from-file=key=" + d, "-o", "yaml"));
      cases.add(args(kind, "--from-file=" + directory.resolve("missing"), "-o", "yaml"));
      cases.add(args(kind, "--from-file==" + file, "-o", "yaml"));
      cases.add(args(kind, "--from-file=key=", "-o", "yaml"));
      cases.add(args(kind, "--from-file=a=b=c", "-o", "yaml"));
      cases.add(args(kind, "--from-literal=novalue", "-o", "yaml"));
      cases.add(args(kind, "--from-literal==value", "-o", "yaml"));
      cases.add(args(kind, "--from-literal=bad/key=1", "-o", "yaml"));
      cases.add(args(kind, "--from-literal=..=1", "-o", "yaml"));
      cases.add(args(kind, "--from-file=" + file));
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void printsAndFailsExactlyAsKubectl(List<String> args) {
    var command = args.toArray(String[]::new);
    var ours = CliRun.run(directory, command);
    var theirs = Kubectl.run(directory, command);
    assertThat(ours.out()).as("standard output").isEqualTo(theirs.out());
    assertThat(ours.err()).as("standard error").isEqualTo(theirs.err());
    assertThat(ours.exitCode()).as("exit code").isEqualTo(theirs.exitCode());
  }

  private static List<String> args(List<String> kind, String... more) {
    var args = new ArrayList<String>();
    args.add("create");
    args.addAll(kind);
    args.add("--dry-run=client");
    args.addAll(List.of(more));
    return args;
  }

  private static void write(Path directory, String name, String text) throws IOException {
    Files.writeString(directory.resolve(name), text, StandardCharsets.UTF_8);
  }
}
