package dev.sgreach.testkit.error;

import com.google.common.collect.ImmutableList;
import dev.sgreach.engine.Flow;
import dev.sgreach.engine.Member;
import dev.sgreach.engine.OpenPorts;
import dev.sgreach.model.Traffic;
import java.util.List;

/**
 * What the engine found between one pair of members when a port-set assertion fails: everything open, the expected
 * traffic that is not open, what is open (or unknown) beyond the expectation, and the engine's proof for some of it.
 *
 * @param source the sending member
 * @param destination the receiving member
 * @param open the engine's {@code openPorts} between them
 * @param notOpen expected traffic that does not get through
 * @param unexpected what gets through (or may) beyond the expected traffic, as text; empty when nothing
 * @param proof the engine's flows proving the findings: why expected traffic is blocked, and which rules open the
 *     first unexpected traffic
 */
public record PortsFinding(Member source, Member destination, OpenPorts open, List<Traffic> notOpen,
    String unexpected, List<Flow> proof) {
  /** Copies the lists. */
  public PortsFinding {
    notOpen = ImmutableList.copyOf(notOpen);
    proof = ImmutableList.copyOf(proof);
  }

  void render(Facts f) {
    f.blank().add("members", source.label() + " -> " + destination.label()).lines("open", open);
    for (Traffic t : notOpen) {
      f.add("not open", t.spec());
    }
    if (!unexpected.isEmpty()) {
      f.lines("unexpected", unexpected);
    }
    f.proofs(proof);
  }
}
