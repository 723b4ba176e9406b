package dev.sgreach.engine;

import com.google.common.collect.BoundType;
import com.google.common.collect.Range;
import com.google.common.collect.RangeSet;
import dev.sgreach.model.Network;
import dev.sgreach.model.NetworkInterface;
import dev.sgreach.model.Protocol;
import dev.sgreach.model.Traffic;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.Set;

/** The production engine ({@link Reachability}) behind the {@link Evaluator} interface: the only class that uses it. */
final class ProductionEvaluator implements Evaluator {
  private final Reachability engine;

  ProductionEvaluator(Network network) {
    this.engine = Reachability.of(network);
  }

  @Override
  public NaiveOutcome reach(String from, String to, Traffic traffic) {
    Outcome o = engine.reach(Endpoint.parse(from), Endpoint.parse(to), traffic).outcome();
    return NaiveOutcome.valueOf(o.name());
  }

  @Override
  public Open openPorts(String from, String to, Protocol protocol) {
    OpenPorts p = engine.openPorts(Endpoint.parse(from), Endpoint.parse(to));
    if (Evaluator.keyed(protocol)) {
      return new Open(bits(p.allowed(protocol)), bits(p.unknown(protocol)));
    }
    return new Open(bits(p.allowedProtocols()), bits(p.unknownProtocols()));
  }

  @Override
  public Who whoCanReach(String to, Traffic traffic) {
    Reachers r = engine.whoCanReach(Endpoint.parse(to), traffic);
    return new Who(ids(r.allowedInterfaces()), ids(r.unknownInterfaces()));
  }

  @Override
  public Who whatCanBeReached(String from, Traffic traffic) {
    Reachers r = engine.whatCanBeReached(Endpoint.parse(from), traffic);
    return new Who(ids(r.allowedInterfaces()), ids(r.unknownInterfaces()));
  }

  private static Set<String> ids(Iterable<NetworkInterface> enis) {
    Set<String> out = new LinkedHashSet<>();
    enis.forEach(e -> out.add(e.id()));
    return out;
  }

  private static BitSet bits(RangeSet<Integer> set) {
    BitSet b = new BitSet();
    for (Range<Integer> r : set.asRanges()) {
      int lo = r.hasLowerBound() ? r.lowerEndpoint() + (r.lowerBoundType() == BoundType.OPEN ? 1 : 0) : 0;
      int hi = r.hasUpperBound() ? r.upperEndpoint() - (r.upperBoundType() == BoundType.OPEN ? 1 : 0) : 65535;
      if (lo < 0 || hi > 65535) {
        throw new IllegalStateException("key range out of 0..65535: " + r);
      }
      if (lo <= hi) {
        b.set(lo, hi + 1);
      }
    }
    return b;
  }
}
