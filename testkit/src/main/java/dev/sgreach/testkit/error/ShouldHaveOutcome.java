package dev.sgreach.testkit.error;

import static dev.sgreach.testkit.error.Facts.facts;

import dev.sgreach.engine.Outcome;
import dev.sgreach.engine.Verdict;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Creates the message of {@code isAllowed()}, {@code isDenied()} and {@code isUnknown()} on a verdict: the question,
 * the expected and actual outcome, and the proof of each member flow that does not have the expected outcome.
 */
public class ShouldHaveOutcome extends BasicErrorMessageFactory {
  private ShouldHaveOutcome(Facts facts) {
    super("%n%s", unquotedString(facts.render()));
  }

  /**
   * The message for a verdict with another outcome than expected.
   *
   * @param verdict the verdict
   * @param expected the expected outcome
   * @return the factory
   */
  public static ErrorMessageFactory shouldHaveOutcome(Verdict verdict, Outcome expected) {
    Facts f = facts().question(verdict).add("expected", expected.word()).add("but was", verdict.outcome().word())
        .coverageIfSeveral(verdict).flows(verdict, expected);
    return new ShouldHaveOutcome(f);
  }
}
