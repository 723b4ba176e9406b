package dev.sgreach.cli;

import static dev.sgreach.cli.BadInputTest.assertBadInput;
import static dev.sgreach.cli.Cli.MINIMAL;
import static dev.sgreach.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * I/O errors say their cause in words, for every command (cli's shared mapping in {@link Errors}): never a Java
 * exception name, never a message that lost its cause.
 */
class IoErrorsTest {
  static final String WEB = ReachCommandTest.WEB;
  static final String DB = ReachCommandTest.DB;

  @TempDir
  Path tmp;

  static void assertNoJavaNames(Cli.Result r) {
    assertThat(r.err()).doesNotContainPattern("(java|javax|sun)\\.[a-z]+\\.").doesNotContain("Exception");
  }

  static Cli.Result reachWith(NetworkLoader loader) {
    return run(Cli.env().withLoader(loader), "reach", "--snapshot", "snap", "--from", WEB, "--to", DB, "--port",
        "tcp/1");
  }

  @Test
  void a_folder_given_as_the_queries_file() {
    Cli.Result r = run("reach", "--snapshot", MINIMAL, "--queries", MINIMAL);
    assertBadInput(r, "cannot read queries file examples/minimal: is a folder, not a file");
    assertNoJavaNames(r);
  }

  @Test
  void a_queries_file_that_is_not_utf8() throws IOException {
    Path q = tmp.resolve("utf16.txt");
    Files.writeString(q, WEB + " " + DB + " tcp/1\n", StandardCharsets.UTF_16);
    Cli.Result r = run("reach", "--snapshot", MINIMAL, "--queries", q.toString());
    assertBadInput(r, "utf16.txt", "not UTF-8");
    assertNoJavaNames(r);
    assertThat(r.err()).doesNotContain("Input length");
  }

  @Test
  void graph_out_into_a_missing_folder_or_onto_a_folder() {
    Path missing = tmp.resolve("no/such/folder/g.dot");
    Cli.Result r = run("graph", "--snapshot", MINIMAL, "--out", missing.toString());
    assertBadInput(r, "cannot write --out " + missing + ": no such file or folder");
    assertNoJavaNames(r);
    assertBadInput(run("graph", "--snapshot", MINIMAL, "--out", tmp.toString()),
        "cannot write --out " + tmp + ": is a folder, not a file");
  }

  @Test
  void a_loader_whose_file_cannot_be_opened_says_permission_denied() {
    Path file = tmp.resolve("ec2-describe-security-groups.json");
    Cli.Result r = reachWith(dir -> {
      throw new UncheckedIOException(new AccessDeniedException(file.toString()));
    });
    assertBadInput(r, "sgreach: " + file + ": permission denied\n");
    assertNoJavaNames(r);
  }

  @Test
  void a_message_that_left_out_its_cause_gets_it() {
    Path file = tmp.resolve("ec2-describe-network-interfaces.json");
    Cli.Result r = reachWith(dir -> {
      throw new UncheckedIOException("cannot read " + file, new AccessDeniedException(file.toString()));
    });
    assertBadInput(r, "sgreach: cannot read " + file + ": permission denied\n");
    Cli.Result raw = reachWith(dir -> {
      throw new UncheckedIOException("cannot read snapshot snap: " + file, new NoSuchFileException(file.toString()));
    });
    assertBadInput(raw, "sgreach: cannot read snapshot snap: no such file or folder\n");
    Cli.Result os = reachWith(dir -> {
      throw new UncheckedIOException(new IOException("Input/output error"));
    });
    assertBadInput(os, "sgreach: Input/output error\n");
    assertNoJavaNames(os);
  }

  @Test
  void readers_of_user_files_get_the_line_of_an_encoding_error() {
    assertThat(Errors.cannotRead("queries file", "q.txt", 7, new MalformedInputException(1)))
        .hasMessage("cannot read queries file q.txt: not UTF-8 at line 7");
    assertThat(Errors.cannotRead("queries file", "q.txt", new NoSuchFileException("q.txt")))
        .hasMessage("cannot read queries file q.txt: no such file or folder");
    assertThat(Errors.cannotRead("plan", "plan.json", new AccessDeniedException("plan.json")))
        .hasMessage("cannot read plan plan.json: permission denied");
    assertThat(Errors.words(new IOException("Is a directory"))).isEqualTo("is a folder, not a file");
    assertThat(Errors.words(new java.nio.file.FileSystemException("/x", null, "No space left on device")))
        .isEqualTo("No space left on device");
  }
}
