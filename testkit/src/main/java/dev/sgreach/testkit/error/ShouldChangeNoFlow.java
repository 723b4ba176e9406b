package dev.sgreach.testkit.error;

import static dev.sgreach.testkit.error.Facts.facts;

import dev.sgreach.engine.Flow;
import dev.sgreach.engine.FlowChange;
import dev.sgreach.engine.RuleMatch;
import java.util.List;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Creates the messages of the assertions over a change ({@code opensNothing()}, {@code opensNothingFromInternet()},
 * {@code opensOnly(...)}, {@code closesNothing()}): each offending flow with its ends, its traffic and its proof.
 */
public class ShouldChangeNoFlow extends BasicErrorMessageFactory {
  /** How many flows a message shows before it counts the rest. */
  private static final int SHOWN = 10;

  private ShouldChangeNoFlow(Facts facts) {
    super("%n%s", unquotedString(facts.render()));
  }

  /**
   * The message for a change that opens flows it should not.
   *
   * @param change what changed ({@code examples/minimal with plan.json})
   * @param expected what it should open, in words ({@code no flow}, {@code nothing from the internet})
   * @param opened the flows it opens (or may open)
   * @return the factory
   */
  public static ErrorMessageFactory shouldOpenNothing(String change, String expected, List<FlowChange> opened) {
    Facts f = facts().add("change", change).add("expected to open", expected)
        .add("but opens", opened.size() + " flow(s)");
    flows(f, opened);
    return new ShouldChangeNoFlow(f);
  }

  /**
   * The message for a change that opens other flows than the expected ones, or not all of them.
   *
   * @param change what changed
   * @param expected the flows it should open
   * @param unexpected the flows it opens beyond them
   * @param missing the expected flows it does not open
   * @return the factory
   */
  public static ErrorMessageFactory shouldOpenOnly(String change, List<?> expected, List<FlowChange> unexpected,
      List<?> missing) {
    Facts f = facts().add("change", change);
    expected.forEach(e -> f.add("expected to open", e));
    missing.forEach(e -> f.add("but does not open", e));
    if (!unexpected.isEmpty()) {
      f.add("but also opens", unexpected.size() + " flow(s)");
      flows(f, unexpected);
    }
    return new ShouldChangeNoFlow(f);
  }

  /**
   * The message for a change that closes flows.
   *
   * @param change what changed
   * @param closed the flows it closes (or may close)
   * @return the factory
   */
  public static ErrorMessageFactory shouldCloseNothing(String change, List<FlowChange> closed) {
    Facts f = facts().add("change", change).add("expected to close", "no flow")
        .add("but closes", closed.size() + " flow(s)");
    flows(f, closed);
    return new ShouldChangeNoFlow(f);
  }

  private static void flows(Facts f, List<FlowChange> changes) {
    for (FlowChange c : changes.subList(0, Math.min(SHOWN, changes.size()))) {
      f.blank();
      f.add(c.kind().word(), c.from().label() + " -> " + c.to().label());
      f.add("traffic", c.traffic());
      f.add("from ENIs", c.from().isInternet() ? "internet" : String.join(", ", c.from().interfaceIds()));
      f.add("to ENIs", String.join(", ", c.to().interfaceIds()));
      for (RuleMatch m : c.internetRules()) {
        f.add(c.kind() == FlowChange.Kind.CLOSED ? "used to be admitted by" : "admitted by", m.describe());
      }
      if (c.kind() == FlowChange.Kind.CLOSED) {
        c.before().ifPresent(b -> f.add("before", b.outcome().word()).flow(b));
      }
      c.after().ifPresent(a -> after(f, a));
    }
    if (changes.size() > SHOWN) {
      f.blank().add("and", (changes.size() - SHOWN) + " more");
    }
  }

  private static void after(Facts f, Flow a) {
    f.add("after", a.outcome().word());
    f.flow(a);
  }
}
