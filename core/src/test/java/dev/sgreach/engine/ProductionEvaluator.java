package dev.sgreach.engine;

import com.google.common.collect.BoundType;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.Range;
import com.google.common.collect.RangeSet;
import dev.sgreach.model.Cidr;
import dev.sgreach.model.Network;
import dev.sgreach.model.NetworkInterface;
import dev.sgreach.model.Protocol;
import dev.sgreach.model.Traffic;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The production engine ({@link Reachability}) behind the {@link Evaluator} interface: the only class of the
 * property test that uses it (engine mutants derive from it).
 */
class ProductionEvaluator implements Evaluator {
  protected final Network network;
  protected final Reachability engine;

  ProductionEvaluator(Network network) {
    this.network = network;
    this.engine = engineFor(network);
  }

  /** The engine for a network, in the pod mode {@link RandomNetworks} drew for it (the default for any other). */
  static Reachability engineFor(Network network) {
    return Reachability.of(network, java.util.EnumSet.allOf(dev.sgreach.model.Layer.class),
        RandomNetworks.podModeOf(network));
  }

  /** An endpoint text as the engine takes it; {@code {a,b}} is a named group, as EKS roles are. */
  static Endpoint endpoint(String text) {
    String t = text.trim();
    if (t.startsWith("{") && t.endsWith("}")) {
      List<Endpoint> members = new ArrayList<>();
      for (String part : t.substring(1, t.length() - 1).split(",")) {
        members.add(endpoint(part));
      }
      return Endpoint.group("eks:test/role", members);
    }
    return Endpoint.parse(t);
  }

  @Override
  public Answer verdict(String from, String to, Traffic traffic) {
    Verdict v = proof(from, to, traffic).orElseThrow();
    List<NaiveOutcome> members = v.flows().stream().map(f -> naive(f.outcome())).toList();
    return new Answer(naive(v.outcome()), v.coverage().word(), members);
  }

  @Override
  public Optional<Verdict> proof(String from, String to, Traffic traffic) {
    return Optional.of(engine.reach(endpoint(from), endpoint(to), traffic));
  }

  /** The fast path; for one member each also {@code outcome(member, member)}, which must agree. */
  @Override
  public NaiveOutcome outcome(String from, String to, Traffic traffic) {
    ImmutableList<Member> sources = engine.resolve(endpoint(from));
    ImmutableList<Member> destinations = engine.resolve(endpoint(to));
    Outcome overall = engine.outcome(sources, destinations, traffic);
    if (sources.size() == 1 && destinations.size() == 1) {
      Outcome single = engine.outcome(sources.get(0), destinations.get(0), traffic);
      if (single != overall) {
        throw new IllegalStateException("outcome(member, member) says " + single + ", outcome(list, list) says "
            + overall);
      }
    }
    return naive(overall);
  }

  static NaiveOutcome naive(Outcome o) {
    return NaiveOutcome.valueOf(o.name());
  }

  @Override
  public Open openPorts(String from, String to, Protocol protocol) {
    OpenPorts p = engine.openPorts(endpoint(from), endpoint(to));
    if (Evaluator.keyed(protocol)) {
      return new Open(bits(p.allowed(protocol)), bits(p.unknown(protocol)));
    }
    return new Open(bits(p.allowedProtocols()), bits(p.unknownProtocols()));
  }

  @Override
  public Who whoCanReach(String to, Traffic traffic) {
    Reachers r = engine.whoCanReach(endpoint(to), traffic);
    return new Who(ids(r.allowedInterfaces()), ids(r.unknownInterfaces()));
  }

  @Override
  public Who whatCanBeReached(String from, Traffic traffic) {
    Reachers r = engine.whatCanBeReached(endpoint(from), traffic);
    return new Who(ids(r.allowedInterfaces()), ids(r.unknownInterfaces()));
  }

  @Override
  public Outside outsideReachers(String endpoint, Traffic traffic, List<String> sample, boolean towards) {
    Reachers r = towards ? engine.whoCanReach(endpoint(endpoint), traffic)
        : engine.whatCanBeReached(endpoint(endpoint), traffic);
    Set<String> allowed = new TreeSet<>();
    Set<String> unknown = new TreeSet<>();
    for (String a : sample) {
      Cidr address = Cidr.parseAddress(a);
      if (network.interfaceOwning(address).isPresent() || !engine.resolve(Endpoint.address(a)).get(0).isOutside()) {
        continue;
      }
      Outcome o = r.outside(address);
      if (o == Outcome.ALLOWED) {
        allowed.add(a);
      } else if (o == Outcome.UNKNOWN) {
        unknown.add(a);
      }
    }
    return new Outside(allowed, unknown);
  }

  @Override
  public Set<String> exposed() {
    return new TreeSet<>(engine.exposure().interfaces().stream().map(x -> x.eni().id()).toList());
  }

  @Override
  public Exposed exposure(String eniId) {
    List<Exposure.Exposed> all = engine.exposure(Endpoint.eni(eniId)).interfaces();
    if (all.isEmpty()) {
      return new Exposed(false, false, false, Set.of());
    }
    Exposure.Exposed x = all.get(0);
    Set<String> rules = new TreeSet<>();
    x.rules().forEach(m -> rules.add(m.group().id() + ": " + m.rule().describe()));
    return new Exposed(true, x.fromAnywhere(), x.hasPublicAddress(), rules);
  }

  @Override
  public Open exposureKeys(String eniId, Protocol protocol) {
    List<Exposure.Exposed> all = engine.exposure(Endpoint.eni(eniId)).interfaces();
    if (all.isEmpty()) {
      return new Open(new BitSet(), new BitSet());
    }
    OpenPorts p = all.get(0).open();
    if (Evaluator.keyed(protocol)) {
      return new Open(bits(p.allowed(protocol)), bits(p.unknown(protocol)));
    }
    return new Open(bits(p.allowedProtocols()), bits(p.unknownProtocols()));
  }

  private static Set<String> ids(Iterable<NetworkInterface> enis) {
    Set<String> out = new LinkedHashSet<>();
    enis.forEach(e -> out.add(e.id()));
    return out;
  }

  static BitSet bits(RangeSet<Integer> set) {
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
