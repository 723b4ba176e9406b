package dev.sgreach.cli;

import static dev.sgreach.cli.BadInputTest.assertBadInput;
import static dev.sgreach.cli.Cli.MINIMAL;
import static dev.sgreach.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A mistyped command or option gets the closest name ("did you mean"), or the list to choose from; never picocli's
 * "Unmatched argument at index 0". Exit status 2, one line.
 */
class MistypedNamesTest {
  static final String WEB = ReachCommandTest.WEB;
  static final String DB = ReachCommandTest.DB;

  @Test
  void a_command_one_edit_away_is_suggested() {
    Cli.Result r = run("rech", "--snapshot", MINIMAL);
    assertBadInput(r, "'rech'");
    assertThat(r.err()).isEqualTo("sgreach: unknown command 'rech'; did you mean 'reach'? (see 'sgreach --help')\n")
        .doesNotContain("Unmatched");
    assertBadInput(run("lnit"), "unknown command 'lnit'; did you mean 'lint'?");
    assertBadInput(run("exposre"), "did you mean 'exposure'?");
    assertBadInput(run("grpah"), "did you mean 'graph'?");
    assertBadInput(run("Reach"), "did you mean 'reach'?");
    assertBadInput(run("port"), "did you mean 'ports'?");
  }

  @Test
  void the_start_of_exactly_one_command_is_suggested() {
    assertBadInput(run("who"), "unknown command 'who'; did you mean 'who-can-reach'?");
    assertBadInput(run("what-can"), "did you mean 'what-can-be-reached'?");
  }

  @Test
  void nothing_close_lists_the_commands() {
    assertBadInput(run("frobnicate"), "unknown command 'frobnicate'; commands: reach, ports, who-can-reach, "
        + "what-can-be-reached, exposure, lint, matrix, graph, diff, snapshot, shell, help (see 'sgreach --help')");
    assertThat(run("frobnicate").err()).doesNotContain("did you mean");
  }

  @Test
  void help_for_a_mistyped_command_suggests_too() {
    assertBadInput(run("help", "rech"), "unknown command 'rech'; did you mean 'reach'?");
  }

  @Test
  void an_option_one_or_two_edits_away_is_suggested() {
    assertBadInput(run("reach", "--snapshto", MINIMAL, "--from", WEB, "--to", DB, "--port", "tcp/1"),
        "unknown option '--snapshto' for sgreach reach; did you mean --snapshot? (see 'sgreach reach --help')");
    assertBadInput(run("reach", "--snapshto=" + MINIMAL), "did you mean --snapshot?");
    assertBadInput(run("reach", "--snapshot", MINIMAL, "--prot", "tcp/1", "--from", WEB, "--to", DB),
        "did you mean --port?");
    assertBadInput(run("lint", "--snapshot", MINIMAL, "--formt", "json"), "did you mean --format?");
  }

  @Test
  void only_the_nearest_options_are_offered() {
    Cli.Result r = run("reach", "--snapshot", MINIMAL, "--form", WEB, "--to", DB, "--port", "tcp/1");
    assertBadInput(r, "did you mean --from?");
    assertThat(r.err()).doesNotContain("--format");
  }

  @Test
  void an_option_of_another_command_says_whose_it_is() {
    assertBadInput(run("exposure", "--snapshot", MINIMAL, "--from", WEB),
        "unknown option '--from' for sgreach exposure: it is an option of reach, ports or what-can-be-reached");
    assertBadInput(run("--snapshot", MINIMAL, "reach", "--from", WEB, "--to", DB, "--port", "tcp/1"),
        "unknown option '--snapshot' for sgreach: it is an option of reach", "given after the command's name");
  }

  @Test
  void an_unknown_option_with_nothing_close_is_named() {
    Cli.Result r = run("reach", "--snapshot", MINIMAL, "--bogus");
    assertBadInput(r, "unknown option '--bogus' for sgreach reach (see 'sgreach reach --help')");
    assertThat(r.err()).doesNotContain("did you mean");
  }

  @Test
  void a_stray_argument_is_named_as_such() {
    assertBadInput(run("reach", "--snapshot", MINIMAL, "--from", WEB, "--to", DB, "--port", "tcp/1", "extra"),
        "unexpected argument 'extra': sgreach reach takes options only");
  }

  @Test
  void a_huge_or_hostile_name_is_echoed_short_and_escaped() {
    String huge = "r".repeat(5 * 1024 * 1024);
    Cli.Result r = run(huge);
    assertBadInput(r, "unknown command '" + "r".repeat(80) + "'... (5242880 characters)");
    assertThat(r.err()).hasSizeLessThan(400);
    Cli.Result hostile = run("re\u001b[2Jach\nsgreach: all clear");
    assertBadInput(hostile, "'re\\u001b[2Jach\\nsgreach: all clear'");
    assertThat(hostile.err()).doesNotContain("\u001b");
  }

  @Test
  void distance_counts_a_swap_as_one_edit() {
    assertThat(Suggestions.distance("raech", "reach")).isEqualTo(1);
    assertThat(Suggestions.distance("rech", "reach")).isEqualTo(1);
    assertThat(Suggestions.distance("", "abc")).isEqualTo(3);
    assertThat(Suggestions.closest("lint", List.of("lint", "list"))).containsExactly("lint");
    assertThat(Suggestions.closest("lixt", List.of("lint", "list"))).containsExactly("lint", "list");
    assertThat(Suggestions.alternatives(List.of("a", "b", "c"), n -> "'" + n + "'")).isEqualTo("'a', 'b' or 'c'");
  }
}
