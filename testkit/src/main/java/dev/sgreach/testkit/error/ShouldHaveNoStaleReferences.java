package dev.sgreach.testkit.error;

import static dev.sgreach.testkit.error.Facts.facts;

import dev.sgreach.model.Network;
import dev.sgreach.model.Warning;
import java.util.List;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Creates the message of {@code hasNoStaleReferences()}: each rule that references a security group missing from the
 * snapshot or reached through a peering that is not active, as the network's warnings word it.
 */
public class ShouldHaveNoStaleReferences extends BasicErrorMessageFactory {
  private ShouldHaveNoStaleReferences(Facts facts) {
    super("%n%s", unquotedString(facts.render()));
  }

  /**
   * The message for a network with stale references.
   *
   * @param network the network
   * @param stale its stale-reference warnings
   * @return the factory
   */
  public static ErrorMessageFactory shouldHaveNoStaleReferences(Network network, List<Warning> stale) {
    Facts f = facts().add("network", network).add("expected", "no stale references")
        .add("but found", stale.size());
    for (Warning w : stale) {
      f.add("stale", w.message());
    }
    return new ShouldHaveNoStaleReferences(f);
  }
}
