package dev.sgreach.testkit.error;

import com.google.common.collect.ImmutableList;
import dev.sgreach.engine.Flow;
import dev.sgreach.engine.Reachers;
import dev.sgreach.model.Cidr;
import dev.sgreach.model.NetworkInterface;
import java.util.List;

/**
 * What the engine found for one traffic when {@code isReachableOnlyFrom(...)} fails: everything that can open the
 * flow, the part of it that the expected sources do not cover, and the engine's proof for the first few.
 *
 * @param reachers the engine's {@code whoCanReach} answer
 * @param unexpected the reachers (ENI labels, outside blocks, {@code ... (unknown)} for unknown ENIs) not covered
 * @param proof the engine's flows proving how the first unexpected reachers get through
 */
public record ReachersFinding(Reachers reachers, List<String> unexpected, List<Flow> proof) {
  /** Copies the lists. */
  public ReachersFinding {
    unexpected = ImmutableList.copyOf(unexpected);
    proof = ImmutableList.copyOf(proof);
  }

  void render(Facts f) {
    f.blank().add("traffic", reachers.traffic().spec());
    for (NetworkInterface e : reachers.allowedInterfaces()) {
      f.add("reachable from", e.label());
    }
    for (Cidr c : reachers.outsideBlocks()) {
      f.add("reachable from", c.toCidrString());
    }
    for (NetworkInterface e : reachers.unknownInterfaces()) {
      f.add("maybe from", e.label());
    }
    for (String u : unexpected) {
      f.add("unexpected", u);
    }
    f.proofs(proof);
  }
}
