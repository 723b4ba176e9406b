package dev.sgreach.cli;

import static dev.sgreach.cli.BadInputTest.assertBadInput;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sgreach shell SCRIPT} keeps the script's own status: 0 when every snippet ran, 2 with jshell's message when
 * one does not compile or throws, N for {@code System.exit(N)} or {@code /exit N}; and it prints only what the
 * script prints (no banner, prompt or value feedback).
 */
class ShellScriptTest {
  @TempDir
  Path tmp;

  Cli.Result shell(String name, String script, String... before) throws IOException {
    Path file = Files.writeString(tmp.resolve(name), script);
    String[] args = new String[before.length + 2];
    args[0] = "shell";
    System.arraycopy(before, 0, args, 1, before.length);
    args[args.length - 1] = file.toString();
    return Cli.run(args);
  }

  @Test
  void a_clean_script_prints_only_its_output_and_exits_0() throws IOException {
    Cli.Result r = shell("clean.jsh", """
        var v = reachability.reach(Endpoint.eni("eni-0a1b2c3d4e5f60a01"), Endpoint.eni("eni-0a1b2c3d4e5f60a03"),
            tcp(5432));
        v.outcome();
        int n = 41 + 1;
        System.out.println(v.outcome() + " " + n);
        """, "--snapshot", Cli.MINIMAL);
    assertThat(r.exitCode()).as("stderr: %s", r.err()).isZero();
    assertThat(r.out()).isEqualTo("DENIED 42\n");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void a_snippet_that_does_not_compile_exits_2_with_the_line_the_snippet_and_jshells_message() throws IOException {
    Cli.Result r = shell("typo.jsh", """
        System.out.println("before");
        int x = 1;
        var y = x +
            undefinedThing;
        System.out.println("after");
        """);
    assertThat(r.exitCode()).as("stderr: %s", r.err()).isEqualTo(2);
    assertThat(r.out()).isEqualTo("before\n");
    assertThat(r.err()).isEqualTo("sgreach: " + tmp.resolve("typo.jsh") + ":4: 'undefinedThing;' does not compile: "
        + "cannot find symbol (symbol: variable undefinedThing)\n");
  }

  @Test
  void a_snippet_that_throws_exits_2_naming_the_exception_and_where_it_was_thrown() throws IOException {
    Cli.Result r = shell("throws.jsh", """
        void check(int n) {
          if (n > 1) throw new IllegalStateException("too many: " + n);
        }
        check(1);
        // the second check fails
        check(2);
        System.out.println("never");
        """);
    assertThat(r.exitCode()).as("stderr: %s", r.err()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEqualTo("sgreach: " + tmp.resolve("throws.jsh") + ":6: 'check(2);' threw "
        + "java.lang.IllegalStateException: too many: 2 (thrown at " + tmp.resolve("throws.jsh") + ":2)\n");
  }

  @Test
  void system_exit_ends_the_script_with_that_status_and_no_banner() throws IOException {
    Cli.Result r = shell("exit5.jsh", """
        System.out.println("working");
        System.exit(5);
        System.out.println("never");
        """);
    assertThat(r.exitCode()).as("stderr: %s", r.err()).isEqualTo(5);
    assertThat(r.out()).isEqualTo("working\n");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void slash_exit_takes_a_status_and_other_slash_commands_are_refused() throws IOException {
    Cli.Result exit = shell("exit3.jsh", """
        int failures = 3;
        /exit failures
        System.out.println("never");
        """);
    assertThat(exit.exitCode()).as("stderr: %s", exit.err()).isEqualTo(3);
    assertThat(exit.out()).isEmpty();
    Cli.Result vars = shell("vars.jsh", "int a = 1;\n/vars\n");
    assertBadInput(vars, "vars.jsh:2: jshell command '/vars' cannot run in a script");
  }

  @Test
  void a_script_that_ends_inside_a_snippet_is_bad_input() throws IOException {
    assertBadInput(shell("open.jsh", "// a method\nvoid f() {\n  int x = 1;\n"),
        "open.jsh:2: the script ends inside this snippet, which is not finished: 'void f() {'");
  }

  @Test
  void a_script_that_is_not_utf8_or_missing_is_bad_input_before_jshell_starts() throws IOException {
    Path latin1 = tmp.resolve("latin1.jsh");
    Files.write(latin1, "int a = 1;\nString s = \"caf\u00e9\";\n".getBytes(StandardCharsets.ISO_8859_1));
    assertBadInput(Cli.run("shell", latin1.toString()),
        "sgreach: cannot read jshell script " + latin1 + ": not UTF-8 at line 2");
    assertBadInput(Cli.run("shell", tmp.resolve("nope.jsh").toString()), "cannot read jshell script ",
        "nope.jsh: no such file or folder");
    assertBadInput(Cli.run("shell", tmp.toString()), ": is a folder, not a file");
  }

  @Test
  void snippet_text_in_java_strings_survives_any_folder_name() {
    assertThat(ShellCommand.javaString("/tmp/a \"b\"\\c\nd\u0007")).isEqualTo("\"/tmp/a \\\"b\\\"\\\\c\\012d\\007\"");
    assertThat(ShellCommand.SCRIPT_RUNNER).isEqualTo(ShellScript.class.getName());
    assertThat(ShellCommand.jvmOptions(
        java.util.Map.of("JAVA_OPTS", " -Xmx1g ", "SGREACH_JAVA_OPTS", "-Xss8m  -Xmx2g")))
        .containsExactly("-Xmx1g", "-Xss8m", "-Xmx2g");
  }
}
