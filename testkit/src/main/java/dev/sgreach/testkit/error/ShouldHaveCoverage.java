package dev.sgreach.testkit.error;

import static dev.sgreach.testkit.error.Facts.facts;

import dev.sgreach.engine.Coverage;
import dev.sgreach.engine.Outcome;
import dev.sgreach.engine.Verdict;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Creates the message of {@code isAllowedForAll()}, {@code isAllowedForSome()} and {@code isAllowedForNone()}: the
 * question, the expected and actual coverage, and the member flows that contradict the expectation with their proof.
 */
public class ShouldHaveCoverage extends BasicErrorMessageFactory {
  private ShouldHaveCoverage(Facts facts) {
    super("%n%s", unquotedString(facts.render()));
  }

  /**
   * The message for a verdict whose member flows are allowed for another share than expected.
   *
   * @param verdict the verdict
   * @param expected the expected coverage
   * @return the factory
   */
  public static ErrorMessageFactory shouldHaveCoverage(Verdict verdict, Coverage expected) {
    Outcome skip = switch (expected) {
      case ALL -> Outcome.ALLOWED;
      case NONE -> Outcome.DENIED;
      case SOME, UNKNOWN -> null;
    };
    Facts f = facts().question(verdict).add("expected coverage", expected.word())
        .add("but was", Facts.coverage(verdict)).flows(verdict, skip);
    return new ShouldHaveCoverage(f);
  }
}
