package dev.sgreach.testkit.error;

import com.google.common.collect.ImmutableList;
import dev.sgreach.engine.Exposure;
import dev.sgreach.engine.RuleMatch;
import dev.sgreach.model.NetworkInterface;
import dev.sgreach.model.Traffic;
import java.util.List;
import java.util.Optional;

/**
 * What the engine found for one ENI when an internet-exposure assertion fails: what the internet can open to it (and
 * through which rules), the expected traffic that it cannot, and what it can beyond the expectation.
 *
 * @param eni the ENI
 * @param exposed the engine's exposure of the ENI, empty when the internet can open nothing to it
 * @param notExposed expected traffic the internet cannot open
 * @param unexpected what the internet can open (or may) beyond the expected traffic, as text; empty when nothing
 */
public record ExposureFinding(NetworkInterface eni, Optional<Exposure.Exposed> exposed, List<Traffic> notExposed,
    String unexpected) {
  /** Copies the list. */
  public ExposureFinding {
    notExposed = ImmutableList.copyOf(notExposed);
  }

  /** The finding for an ENI the engine reports as exposed, with no expectation: everything it exposes is unexpected. */
  public static ExposureFinding of(Exposure.Exposed exposed) {
    return new ExposureFinding(exposed.eni(), Optional.of(exposed), List.of(), "");
  }

  void render(Facts f) {
    f.blank().add("exposed", eni.label());
    f.lines("open", exposed.map(e -> (Object) e.open()).orElse("nothing"));
    for (Traffic t : notExposed) {
      f.add("not open", t.spec());
    }
    if (!unexpected.isEmpty()) {
      f.lines("unexpected", unexpected);
    }
    if (exposed.isPresent()) {
      for (RuleMatch r : exposed.get().rules()) {
        f.add("ingress rule", r.describe());
      }
      f.add("public address", exposed.get().hasPublicAddress() ? "yes" : "no");
    }
  }
}
