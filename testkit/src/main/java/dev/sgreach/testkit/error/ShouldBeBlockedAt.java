package dev.sgreach.testkit.error;

import static dev.sgreach.testkit.error.Facts.facts;

import dev.sgreach.engine.Outcome;
import dev.sgreach.engine.SideCheck;
import dev.sgreach.engine.Verdict;
import dev.sgreach.model.Direction;
import java.util.stream.Collectors;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Creates the message of {@code isBlockedAtIngress()} and {@code isBlockedAtEgress()}: the question, the expected
 * blocking side, what the engine found (another outcome, or the other side blocking), and the proof of each flow.
 */
public class ShouldBeBlockedAt extends BasicErrorMessageFactory {
  private ShouldBeBlockedAt(Facts facts) {
    super("%n%s", unquotedString(facts.render()));
  }

  /**
   * The message for a verdict not blocked at the expected side.
   *
   * @param verdict the verdict
   * @param expected the side expected to block
   * @return the factory
   */
  public static ErrorMessageFactory shouldBeBlockedAt(Verdict verdict, Direction expected) {
    String sides = verdict.groups().stream().flatMap(g -> g.proof().blockingSides().stream())
        .map(SideCheck::direction).distinct().map(Direction::word).collect(Collectors.joining(" and "));
    String was = verdict.outcome() != Outcome.DENIED ? verdict.outcome().word()
        : sides.isEmpty() ? "denied with no address pair to check" : "blocked at " + sides;
    Facts f = facts().question(verdict).add("expected blocked at", expected.word()).add("but was", was)
        .coverageIfSeveral(verdict).flows(verdict, null);
    return new ShouldBeBlockedAt(f);
  }
}
