package dev.sgreach.cli;

import static dev.sgreach.cli.BadInputTest.assertBadInput;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sgreach.model.Network;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/**
 * Running out of memory or stack is one line saying what ran out and what to do, and exit status 2: never a Java
 * stack trace, never exit 1 (which reads as "denied"). The end-to-end case, a real heap under {@code -Xmx} through
 * the launcher, is in {@link LauncherIT}.
 */
class ResourceExhaustionTest {
  static final String WEB = ReachCommandTest.WEB;
  static final String DB = ReachCommandTest.DB;

  static Cli.Result reachWith(NetworkLoader loader) {
    return Cli.run(Cli.env().withLoader(loader), "reach", "--snapshot", "big", "--from", WEB, "--to", DB,
        "--port", "tcp/5432");
  }

  @Test
  void a_full_heap_says_how_to_raise_it() {
    Cli.Result r = reachWith(dir -> {
      throw new OutOfMemoryError("Java heap space");
    });
    assertBadInput(r, "sgreach: out of memory (the Java heap, at most ", " MB, is full): raise it with "
        + "SGREACH_JAVA_OPTS=-Xmx", "(or JAVA_OPTS)", "or ask a narrower question");
    assertThat(r.err()).doesNotContain("OutOfMemoryError").doesNotContain("internal error");
  }

  @Test
  void a_real_allocation_the_heap_cannot_hold_is_caught() {
    Cli.Result r = reachWith(dir -> {
      long[] tooBig = new long[Integer.MAX_VALUE]; // the JVM refuses this whatever -Xmx is
      return Network.builder().build().interfaces().size() == tooBig.length ? null : Network.builder().build();
    });
    assertBadInput(r, "out of memory", "SGREACH_JAVA_OPTS=-Xmx");
  }

  @Test
  void a_real_stack_overflow_says_how_to_raise_the_stack() {
    Cli.Result r = reachWith(dir -> Network.builder().build().interfaces().size() == depth(0) ? null : null);
    assertBadInput(r, "sgreach: out of stack space", "SGREACH_JAVA_OPTS=-Xss", "or ask a narrower question");
    assertThat(r.err()).doesNotContain("StackOverflowError");
  }

  private static int depth(int n) {
    return depth(n + 1) + 1;
  }

  @Test
  void exhaustion_reported_by_another_thread_is_caught_too() {
    Cli.Result r = reachWith(dir -> {
      throw new CompletionException(new OutOfMemoryError("Java heap space"));
    });
    assertBadInput(r, "out of memory (the Java heap", "SGREACH_JAVA_OPTS=-Xmx");
  }

  @Test
  void a_thread_no_command_waits_for_ends_in_one_line_too() {
    assertThat(Errors.uncaughtLine("sgreach-progress", new OutOfMemoryError("Java heap space")))
        .startsWith("sgreach: out of memory (the Java heap, at most ").contains("SGREACH_JAVA_OPTS=-Xmx")
        .doesNotContain("\n");
    assertThat(Errors.uncaughtLine("sgreach-shell-stderr", new IllegalStateException("closed\nagain")))
        .isEqualTo("sgreach: internal error in thread 'sgreach-shell-stderr': java.lang.IllegalStateException:"
            + " closed again");
  }

  @Test
  void other_memory_pools_are_named() {
    assertThat(Errors.exhaustedLine(new OutOfMemoryError("Metaspace"), 1L << 30))
        .startsWith("sgreach: out of memory (Metaspace): give the JVM more through SGREACH_JAVA_OPTS");
    assertThat(Errors.exhaustedLine(new OutOfMemoryError("Java heap space"), 512L << 20))
        .contains("at most 512 MB").contains("-Xmx2g");
    assertThat(Errors.exhaustedLine(new OutOfMemoryError("Java heap space"), 3L << 30))
        .contains("at most 3072 MB").contains("-Xmx6g");
  }
}
