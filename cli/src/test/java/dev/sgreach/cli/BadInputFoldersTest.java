package dev.sgreach.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One snapshot folder per shape of bad or partial input under {@code src/test/resources/bad-input/}, each run through
 * the command line as its {@code expect.txt} says. Most are {@code examples/minimal} with one thing broken, and must
 * be exit 2 with one line naming the file, the JSON path and the value (never a silent "denied" or "not exposed"
 * from data that is not there); a few are the same shapes whole, to show what the broken ones differ from.
 *
 * <p>{@code expect.txt}: {@code # comment} lines; {@code $ ARGS} runs a command ({@code --snapshot FOLDER} is added
 * after its name), then {@code exit N}, then {@code err TEXT} and {@code out TEXT} lines, each a fragment that
 * standard error or standard output must contain. With exit 2, standard output must be empty and standard error one
 * line. A subfolder {@code dot-git/} is copied as {@code .git/}, which git cannot hold; {@code {folder}} in ARGS is the
 * copied folder (for a queries file beside the snapshot).
 */
class BadInputFoldersTest {
  private static final Path SHAPES = Cli.ROOT.resolve("cli/src/test/resources/bad-input");

  /** One command of a shape and what it must give. */
  record Expectation(List<String> args, int exit, List<String> err, List<String> out) {}

  static Stream<String> shapes() throws IOException {
    try (Stream<Path> list = Files.list(SHAPES)) {
      return list.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
    }
  }

  static List<Expectation> expectations(Path file) throws IOException {
    List<Expectation> out = new ArrayList<>();
    List<String> args = null;
    int exit = -1;
    List<String> err = new ArrayList<>();
    List<String> stdout = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      if (line.startsWith("$ ")) {
        if (args != null) {
          out.add(new Expectation(args, exit, err, stdout));
        }
        args = List.of(line.substring(2).trim().split(" +"));
        exit = -1;
        err = new ArrayList<>();
        stdout = new ArrayList<>();
      } else if (line.startsWith("exit ")) {
        exit = Integer.parseInt(line.substring(5).trim());
      } else if (line.startsWith("err ")) {
        err.add(line.substring(4));
      } else if (line.startsWith("out ")) {
        stdout.add(line.substring(4));
      } else if (!line.isBlank() && !line.startsWith("#")) {
        throw new IllegalStateException(file + ": cannot read the line '" + line + "'");
      }
    }
    if (args != null) {
      out.add(new Expectation(args, exit, err, stdout));
    }
    return out;
  }

  /** The shape's folder, copied (with {@code dot-git/} as {@code .git/}), without its {@code expect.txt}. */
  private static Path copy(Path shape, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(shape)) {
      for (Path p : walk.toList()) {
        String relative = shape.relativize(p).toString().replace("dot-git", ".git");
        if (relative.equals("expect.txt")) {
          continue;
        }
        Path target = to.resolve(relative);
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
    return to;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shapes")
  void every_shape_gives_its_one_located_line_or_its_answer(String name, @TempDir Path tmp) throws IOException {
    Path shape = SHAPES.resolve(name);
    Path folder = copy(shape, tmp.resolve(name));
    List<Expectation> expectations = expectations(shape.resolve("expect.txt"));
    assertThat(expectations).as("%s/expect.txt runs something", name).isNotEmpty();
    for (Expectation x : expectations) {
      List<String> args = new ArrayList<>(x.args().stream().map(a -> a.replace("{folder}", folder.toString()))
          .toList());
      if (!args.contains("--snapshot") && args.stream().noneMatch(a -> a.startsWith("--snapshot="))) {
        args.addAll(1, List.of("--snapshot", folder.toString()));
      }
      Cli.Result r = Cli.run(args.toArray(String[]::new));
      String what = name + ": " + String.join(" ", x.args()) + "\nstdout: " + r.out() + "\nstderr: " + r.err();
      assertThat(r.exitCode()).as("exit status of %s", what).isEqualTo(x.exit());
      if (x.exit() == 2) {
        BadInputTest.assertBadInput(r, x.err().toArray(String[]::new));
      } else {
        assertThat(r.err()).as(what).doesNotContain("\tat ");
        x.err().forEach(fragment -> assertThat(r.err()).as(what).contains(fragment));
      }
      x.out().forEach(fragment -> assertThat(r.out()).as(what).contains(fragment));
    }
  }

  static {
    if (!Files.isDirectory(SHAPES)) {
      throw new UncheckedIOException(new IOException("no shapes folder " + SHAPES));
    }
  }
}
