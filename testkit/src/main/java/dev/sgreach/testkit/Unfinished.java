package dev.sgreach.testkit;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Chains that check nothing until they are finished: {@code canReach(x)} needs {@code .on(...)} or
 * {@code .onlyOn(...)}, {@code cannotReach(x)} needs {@code .on(...)} or {@code .onAnyPort()}. Java cannot make an
 * unfinished chain a compile error, so an assertion that could never fail is turned into a failure instead: the next
 * sgreach assertion started on the same thread, or the end of the test when it runs with {@link SgreachExtension}
 * ({@code @SgreachSnapshot}), throws an {@link AssertionError} naming the chain and where it was started.
 */
final class Unfinished {
  private static final ThreadLocal<Map<Object, String>> OPEN = ThreadLocal.withInitial(IdentityHashMap::new);

  private Unfinished() {}

  /** Records a chain that checks nothing yet, after failing for any earlier one left unfinished. */
  static void started(Object chain, String what, String finishWith) {
    check();
    OPEN.get().put(chain, what + " started at " + caller() + " was never finished with " + finishWith
        + ": it checks nothing");
  }

  /** The chain has checked something. */
  static void finished(Object chain) {
    OPEN.get().remove(chain);
  }

  /** Throws for the chains left unfinished on this thread (and forgets them). */
  static void check() {
    Map<Object, String> open = OPEN.get();
    if (open.isEmpty()) {
      return;
    }
    List<String> lines = new ArrayList<>(open.values());
    open.clear();
    throw new AssertionError(String.join("\n", lines));
  }

  /** Where the test called into the testkit: the first frame outside the testkit's own classes, AssertJ and the JDK. */
  private static String caller() {
    java.security.CodeSource own = Unfinished.class.getProtectionDomain().getCodeSource();
    return StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).walk(frames -> frames
        .filter(f -> {
          Class<?> c = f.getDeclaringClass();
          String n = c.getName();
          return !java.util.Objects.equals(c.getProtectionDomain().getCodeSource(), own)
              && !n.startsWith("org.assertj.") && !n.startsWith("java.") && !n.startsWith("jdk.");
        })
        .findFirst().map(f -> f.getFileName() + ":" + f.getLineNumber()).orElse("an unknown place"));
  }
}
