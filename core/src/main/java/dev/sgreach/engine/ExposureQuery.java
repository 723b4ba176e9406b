package dev.sgreach.engine;

import static dev.sgreach.engine.Tri.F;
import static dev.sgreach.engine.Tri.T;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.Sets;
import dev.sgreach.model.Cidr;
import dev.sgreach.model.Layer;
import dev.sgreach.model.NetworkInterface;
import dev.sgreach.model.Ports;
import dev.sgreach.model.Traffic;
import dev.sgreach.path.PacketPaths;
import dev.sgreach.path.PathEnd;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the internet can open to ENIs: for each ENI, its ingress side towards an outside party anywhere in the
 * public address space of each family it can be reached in ({@link SideJudge#keys} with
 * {@link SideJudge#internet} as the peer), with the rules that admit it. ENIs of one class with the same reachable
 * families are exposed alike, so each such kind is judged once.
 */
final class ExposureQuery {
  private final Index index;
  private final SideJudge sides;
  private final SideJudge.InternetKeys internet;
  private final FlowJudge flows;

  /**
   * @param parts where each group's part is kept once worked out, for every exposure question about this index
   *     ({@link #parts(Index)}): parts depend on the network alone
   */
  ExposureQuery(Index index, SideJudge sides, FlowJudge flows, Map<Long, Object> parts) {
    this.index = index;
    this.sides = sides;
    this.flows = flows;
    this.internet = sides.internetKeys();
    this.parts = parts;
  }

  /** An empty store of parts for an index's exposure questions. */
  static Map<Long, Object> parts() {
    return new ConcurrentHashMap<>();
  }

  /** Every exposed ENI of the snapshot, in snapshot order. */
  Exposure all() {
    ImmutableList.Builder<Exposure.Exposed> out = ImmutableList.builder();
    // per kind (class and reachable families): 0 not judged yet, 1 not exposed, 2 exposed as byKind[kind]
    byte[] judged = new byte[index.classCount() * 4];
    Exposure.Exposed[] byKind = new Exposure.Exposed[judged.length];
    for (int i = 0; i < index.enis.length; i++) {
      NetworkInterface e = index.enis[i];
      int families = reachableFamilies(i);
      int kind = index.eniClass[i] << 2 | families;
      if (sides.unfilteredClass(index.eniClass[i])) {
        int at = i;
        exposed(i).map(x -> withPath(x, at)).ifPresent(out::add); // by its type, which its class does not tell
        continue;
      }
      if (judged[kind] == 0) {
        Optional<Exposure.Exposed> x = exposed(i);
        judged[kind] = (byte) (x.isPresent() ? 2 : 1);
        byKind[kind] = x.orElse(null);
      }
      if (judged[kind] == 2) {
        Exposure.Exposed t = byKind[kind];
        out.add(withPath(t.eni() == e ? t : new Exposure.Exposed(e, t.open(), t.rules(), t.fromAnywhere(),
            hasPublicAddress(i, families)), i));
      }
    }
    return new Exposure(out.build(), layers());
  }

  /** The layers an exposure of this query judges. */
  ImmutableSet<Layer> layers() {
    EnumSet<Layer> l = EnumSet.of(Layer.SECURITY_GROUPS);
    flows.paths().ifPresent(p -> l.addAll(p.layers()));
    return Sets.immutableEnumSet(l);
  }

  /**
   * What the packet path makes of an ENI the groups expose: the whole flow (the ingress side AND the path both ways)
   * from each internet source that every path to the ENI treats alike ({@link PacketPaths#internetSources}) inside an
   * admitting rule's block ({@link Candidates}), on each piece of that rule's ports where the path's
   * answer can change ({@link PacketPaths#keyBoundariesFromInternet}), to each of the ENI's internet-facing addresses
   * (public IPv4,
   * global IPv6; without one it is blocked: the internet reaches no private address). Open as soon as one gets
   * through; blocked when none can; else unknown.
   */
  Exposure.Exposed withPath(Exposure.Exposed x, int eni) {
    if (flows.paths().isEmpty()) {
      return x;
    }
    PacketPaths paths = flows.paths().get();
    NetworkInterface e = x.eni();
    List<Cidr> targets = new ArrayList<>(e.publicIpv4());
    for (Cidr a : e.privateAddresses()) {
      if (a.isIpv6() && a.high() >>> 61 == 1) { // 2000::/3, global unicast
        targets.add(a);
      }
    }
    if (targets.isEmpty()) {
      // the internet reaches no private address: an internet gateway admits packets only to public ones
      return x.withPath(Exposure.PathReach.BLOCKED, Optional.empty());
    }
    int best = -1;
    Cidr bestFrom = null;
    Cidr bestTo = null;
    Traffic bestTraffic = null;
    search:
    for (Cidr to : targets) {
      Probes list = probes(x, eni, paths, PathEnd.of(e, to));
      Probe probe;
      for (int i = 0; (probe = list.get(i)) != null; i++) {
        int v = flows.flow(-1, List.of(probe.from), eni, List.of(to), probe.traffic);
        if (v > best) {
          best = v;
          bestFrom = probe.from;
          bestTo = to;
          bestTraffic = probe.traffic;
        }
        if (v == T) {
          break search;
        }
      }
    }
    if (bestTraffic == null) {
      return x.withPath(Exposure.PathReach.BLOCKED, Optional.empty());
    }
    Exposure.PathReach reach = best == T ? Exposure.PathReach.OPEN : best == F ? Exposure.PathReach.BLOCKED
        : Exposure.PathReach.UNKNOWN;
    PathEnd from = PathEnd.outside(bestFrom);
    PathEnd to = PathEnd.of(e, bestTo);
    Traffic traffic = bestTraffic;
    return x.withPath(reach, () -> paths.check(from, to, traffic)); // the proof, when asked: the same walk, recorded
  }

  /** One internet source and traffic to try towards an exposed ENI. */
  private record Probe(Cidr from, Traffic traffic) {}

  /**
   * Per list of admitting rules (by identity: ENIs exposed alike share theirs) and destination subnet and family: the
   * probes {@link #withPath} tries, in order. They depend on nothing else (the internet's pieces on the VPC, subnet and
   * family, the keys on its ACL, the sources and ports on the rules), so ENIs of one kind in one subnet share them.
   */
  private final java.util.Map<List<RuleMatch>, java.util.Map<ProbeKey, Probes>> probes =
      new java.util.IdentityHashMap<>();

  /** What the probes of one list of admitting rules depend on besides it: the VPC, the subnet and the family. */
  private static final class ProbeKey {
    private final String vpc;
    private final String subnet;
    private final int family;

    ProbeKey(String vpc, String subnet, int family) {
      this.vpc = vpc;
      this.subnet = subnet;
      this.family = family;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof ProbeKey k && k.family == family && k.vpc.equals(vpc) && k.subnet.equals(subnet);
    }

    @Override
    public int hashCode() {
      return (31 * vpc.hashCode() + subnet.hashCode()) * 31 + family;
    }
  }

  private Probes probes(Exposure.Exposed x, int eni, PacketPaths paths, PathEnd to) {
    int family = to.address().family();
    if (x.rules().isEmpty()) {
      // an ENI no group filters (an NLB's): its probes are its own listeners, so it shares no entry
      return new Probes(new Candidates(paths.internetSources(to, List.of()), null, null, family), x, eni, family,
          paths, to);
    }
    // the internet an ENI sees depends on its VPC (and its peers), which its subnet names but for an ENI without one
    return probes.computeIfAbsent(x.rules(), k -> new java.util.HashMap<>())
        .computeIfAbsent(new ProbeKey(x.eni().vpcId(), x.eni().subnetId(), family), k -> {
          List<Cidr> blocks = x.rules().stream().map(RuleMatch::matchedAddress).distinct().toList();
          return new Probes(new Candidates(paths.internetSources(to, List.of()), blocks,
              c -> sides.firstInternetAddress(eni, c), family), x, eni, family, paths, to);
        });
  }

  /**
   * The probes of one entry of {@link #probes}, worked out as {@link #withPath} asks for them: for each candidate
   * source ({@link Candidates}) of the family that is internet to the ENI's VPC, one probe per traffic of
   * {@link #samples}. The order is that of working them all out at once; a search that stops at the first open probe
   * works out only the candidates it reaches, and those are kept for the next ENI that shares the entry.
   */
  private final class Probes {
    private final Candidates candidates;
    private final Exposure.Exposed x;
    private final int eni;
    private final int family;
    private final PacketPaths paths;
    private final PathEnd to;
    private final List<Probe> made = new ArrayList<>();

    Probes(Candidates candidates, Exposure.Exposed x, int eni, int family, PacketPaths paths, PathEnd to) {
      this.candidates = candidates;
      this.x = x;
      this.eni = eni;
      this.family = family;
      this.paths = paths;
      this.to = to;
    }

    /** Probe {@code i} in order, or null past the last. */
    Probe get(int i) {
      Cidr from;
      while (made.size() <= i && (from = candidates.next()) != null) {
        if (from.family() == family && sides.isInternet(eni, from) != F) { // else in its VPC or a peer's
          for (Traffic t : samples(x, from, family, paths, to)) {
            made.add(new Probe(from, t));
          }
        }
      }
      return i < made.size() ? made.get(i) : null;
    }
  }

  /**
   * The internet sources to judge, in order, each once, worked out only as far as they are asked for: the pieces of
   * the internet the path treats alike ({@code pieces}: one first address each, in address order, cut for the
   * destination's subnet alone) that lie in an admitting block, and each admitting block's first internet address
   * ({@code first}: its first address outside the ENI's VPC and its peers), which stands for the piece it lies in;
   * block by block, the block's first address before the pieces inside it. Every piece that meets a block is then
   * judged once inside that block, so the groups and the path are judged together for every internet source. An ENI
   * no group filters ({@code blocks} null) is judged from every piece.
   */
  private static final class Candidates {
    private final List<Cidr> pieces;
    private final List<Cidr> blocks;
    private final java.util.function.Function<Cidr, Cidr> first;
    private final int family;
    private final java.util.Set<Cidr> seen = new java.util.HashSet<>();
    private int block = -1;
    private int piece;
    private int piecesEnd;

    Candidates(List<Cidr> pieces, List<Cidr> blocks, java.util.function.Function<Cidr, Cidr> first, int family) {
      this.pieces = pieces;
      this.blocks = blocks;
      this.first = first;
      this.family = family;
      if (blocks == null) {
        piecesEnd = pieces.size();
        block = 0;
      }
    }

    /** The next candidate, or null past the last. */
    Cidr next() {
      while (true) {
        if (piece < piecesEnd) {
          Cidr p = pieces.get(piece++);
          if (blocks == null || seen.add(p)) {
            return p;
          }
          continue;
        }
        if (blocks == null || ++block >= blocks.size()) {
          return null;
        }
        Cidr b = blocks.get(block);
        if (b.family() != family) {
          continue;
        }
        // the pieces inside b: those from its network address on, as long as b holds them (they are sorted)
        Cidr low = b.networkAddress();
        piece = firstPast(pieces, 0, p -> p.compareTo(low) < 0);
        piecesEnd = firstPast(pieces, piece, b::contains);
        Cidr start = b.isAnywhere() ? null : first.apply(b);
        if (start != null && seen.add(start)) {
          return start;
        }
      }
    }

    /**
     * The first position from {@code from} on whose address fails {@code before}, in a sorted list where the
     * addresses that pass it come first.
     */
    private static int firstPast(List<Cidr> sorted, int from, java.util.function.Predicate<Cidr> before) {
      int lo = from;
      int hi = sorted.size();
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (before.test(sorted.get(mid))) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo;
    }
  }

  /**
   * The traffic to try from one internet source: for each admitting rule whose block holds it, one key per piece of
   * the rule's ports where the path's answer can change; an ENI exposed without rules (not filtered) on its
   * listeners when it is an NLB's whose listeners are known, else on tcp/443.
   */
  private java.util.Collection<Traffic> samples(Exposure.Exposed x, Cidr from, int family,
      PacketPaths paths, PathEnd to) {
    java.util.Set<Traffic> out = new java.util.LinkedHashSet<>();
    if (x.rules().isEmpty()) {
      // an unfiltered ENI: an NLB's listeners when known, else the one port that stands for every port
      index.network.listenerPorts(x.eni()).ifPresentOrElse(
          ls -> ls.forEach(p -> out.add(Traffic.of(p.protocol(), p.from()))), () -> out.add(Traffic.tcp(443)));
      return out;
    }
    for (RuleMatch m : x.rules()) {
      if (!m.matchedAddress().contains(from)) {
        continue;
      }
      dev.sgreach.model.Ports p = m.rule().ports();
      if (p.isAllTraffic()) {
        keyed(out, dev.sgreach.model.Protocol.of(6), 0, 65535, paths, to);
        keyed(out, dev.sgreach.model.Protocol.of(17), 0, 65535, paths, to);
      } else if (p.protocol().hasPorts()) {
        keyed(out, p.protocol(), p.from(), p.to(), paths, to);
      } else if (p.protocol().isIcmp()) {
        boolean v6 = p.protocol().number() == 58;
        if (v6 == (family == 6)) {
          int type = p.from() < 0 ? (v6 ? 128 : 8) : p.from();
          int code = p.to() < 0 ? 0 : p.to();
          out.add(v6 ? Traffic.icmpv6(type, code) : Traffic.icmp(type, code));
        }
      } else {
        out.add(Traffic.protocol(p.protocol().number()));
      }
    }
    return out;
  }

  /** One traffic per piece of {@code from..to} where the path's answer can change. */
  private static void keyed(java.util.Collection<Traffic> out, dev.sgreach.model.Protocol protocol, int from, int to,
      PacketPaths paths, PathEnd destination) {
    int[] bounds = paths.keyBoundariesFromInternet(protocol, destination);
    boolean tcp = protocol.number() == 6;
    out.add(tcp ? Traffic.tcp(from) : Traffic.udp(from));
    for (int b : bounds) {
      if (b > from && b <= to) {
        out.add(tcp ? Traffic.tcp(b) : Traffic.udp(b));
      }
    }
  }

  /**
   * The families an outside party can reach an ENI in: bit 1 IPv4 (a private or public IPv4 address, or an IPv4
   * prefix), bit 2 IPv6.
   */
  private int reachableFamilies(int eni) {
    return index.eniFamilies[eni] | (index.eniPublicIpv4[eni] ? 1 : 0);
  }

  private boolean hasPublicAddress(int eni, int families) {
    return index.eniPublicIpv4[eni] || (families & 2) != 0;
  }

  /**
   * What the internet can open to one ENI, if anything (or anything unknown). An ENI whose only part comes from one
   * group (its party adds nothing: filtered, no missing group) is exposed exactly as that group makes it, worked out
   * once per group and set of families; any other is the union of its parts, with its party.
   */
  Optional<Exposure.Exposed> exposed(int eni) {
    NetworkInterface e = index.enis[eni];
    int families = reachableFamilies(eni);
    if (families == 0) {
      return Optional.empty();
    }
    if (sides.unfilteredClass(index.eniClass[eni])) {
      return unfiltered(eni, families);
    }
    int party = sides.party(eni);
    int single = -1;
    int parts = 0;
    for (int g : index.eniGroups[eni]) {
      if (part(g, eni, families) != null) {
        single = g;
        parts++;
      }
    }
    if (party == F && parts == 0) {
      return Optional.empty(); // no rule admits the internet, nothing unknown: not exposed
    }
    if (party == F && parts == 1) {
      Part p = part(single, eni, families);
      return Optional.of(new Exposure.Exposed(e, p.open(), p.rules, p.anywhere, hasPublicAddress(eni, families)));
    }
    Spans[] allowed = FlowJudge.spans();
    Spans[] unknown = FlowJudge.spans();
    KeySets partyKeys = sides.partyKeys(eni);
    for (int f = 4; f <= 6; f += 2) {
      if ((families & Index.familyBit(f)) != 0) {
        carried(partyKeys, f, allowed, unknown);
      }
    }
    ImmutableList.Builder<RuleMatch> rules = ImmutableList.builder();
    boolean anywhere = party == T;
    for (int g : index.eniGroups[eni]) {
      Part p = part(g, eni, families); // the OR over groups: the union of their parts
      if (p != null) {
        for (int s = 0; s < KeySets.SPACES; s++) {
          allowed[s].addAll(p.allowed[s]);
          unknown[s].addAll(p.unknown[s]);
        }
        rules.addAll(p.rules);
        anywhere |= p.anywhere;
      }
    }
    OpenPorts open = OpenPorts.of(allowed, unknown);
    ImmutableList<RuleMatch> matched = rules.build();
    if (party != T && matched.isEmpty() && !open.hasUnknown()) {
      return Optional.empty();
    }
    return Optional.of(new Exposure.Exposed(e, open, matched, anywhere, hasPublicAddress(eni, families)));
  }

  /**
   * An ENI of a type security groups do not filter (it carries no group). A NAT gateway, a Transit Gateway
   * attachment, a Gateway Load Balancer and its endpoints forward others' traffic and accept no unsolicited
   * connection from the internet (VPC user guide, NAT gateways: "cannot receive unsolicited inbound connections"):
   * not exposed. A Network Load Balancer without groups accepts connections on its listener ports only
   * ({@link dev.sgreach.model.Network#listenerPorts}): exposed on those when they are known (not at all without
   * listeners), maybe exposed on every key (unknown) when they are not.
   */
  private Optional<Exposure.Exposed> unfiltered(int eni, int families) {
    NetworkInterface e = index.enis[eni];
    if (!acceptsFromInternet(e)) {
      return Optional.empty();
    }
    Spans[] allowed = FlowJudge.spans();
    Spans[] unknown = FlowJudge.spans();
    KeySets any = new KeySets();
    Optional<ImmutableList<Ports>> listeners = index.network.listenerPorts(e);
    if (listeners.isEmpty()) {
      any.all(false);
    } else {
      listeners.get().forEach(p -> any.add(p, true));
      if (any.isEmpty()) {
        return Optional.empty(); // no listener: it accepts no connection
      }
    }
    for (int f = 4; f <= 6; f += 2) {
      if ((families & Index.familyBit(f)) != 0) {
        carried(any, f, allowed, unknown);
      }
    }
    return Optional.of(new Exposure.Exposed(e, OpenPorts.of(allowed, unknown), ImmutableList.of(), false,
        hasPublicAddress(eni, families)));
  }

  /** True for an unfiltered interface type that accepts connections from the internet: a Network Load Balancer's. */
  static boolean acceptsFromInternet(NetworkInterface e) {
    return SideJudge.listenerBound(e, e.securityGroupIds().size());
  }

  /** Adds a side's keys of one family to the sets, in the key spaces that travel over that family. */
  private static void carried(KeySets keys, int family, Spans[] allowed, Spans[] unknown) {
    for (int space = 0; space < KeySets.SPACES; space++) {
      if (space < KeySets.OTHER_PROTOCOLS && !FlowJudge.carries(space, family)) {
        continue;
      }
      allowed[space].addAll(keys.sure(space));
      unknown[space].addAll(keys.possible(space));
    }
  }

  /**
   * One group's part of an ENI's exposure for a set of reachable families: its keys (normalized, so that reading
   * them writes nothing), its rules, whether one admits a whole family ({@code /0}), and the open ports they make.
   * Immutable once made, so one part serves every thread.
   */
  private static final class Part {
    final Spans[] allowed;
    final Spans[] unknown;
    final ImmutableList<RuleMatch> rules;
    final boolean anywhere;
    final OpenPorts open;

    Part(Spans[] allowed, Spans[] unknown, ImmutableList<RuleMatch> rules, boolean anywhere) {
      for (int s = 0; s < KeySets.SPACES; s++) {
        allowed[s].normalize();
        unknown[s].normalize();
      }
      this.allowed = allowed;
      this.unknown = unknown;
      this.rules = rules;
      this.anywhere = anywhere;
      this.open = OpenPorts.of(copy(allowed), copy(unknown));
    }

    OpenPorts open() {
      return open;
    }
  }

  private static Spans[] copy(Spans[] spans) {
    Spans[] out = FlowJudge.spans();
    for (int s = 0; s < spans.length; s++) {
      out[s].addAll(spans[s]);
    }
    return out;
  }

  /**
   * Per VPC, group and families ({@link SideJudge#partKey}): its part, {@link #NO_PART} when it has none, absent when
   * not judged yet. The internet a group's rules admit depends on the VPC of the ENI that carries it.
   */
  private final Map<Long, Object> parts;
  private static final Object NO_PART = new Object();

  private Part part(int g, int eni, int families) {
    long key = sides.partKey(eni, g, families);
    Object cached = parts.get(key);
    if (cached == null && (sides.fromInternet(g) == null || sides.fromInternet(g).length == 0)) {
      cached = NO_PART; // no rule of the group can admit the internet
      parts.put(key, cached);
    }
    if (cached == null) {
      Spans[] allowed = FlowJudge.spans();
      Spans[] unknown = FlowJudge.spans();
      for (int f = 4; f <= 6; f += 2) {
        if ((families & Index.familyBit(f)) != 0) {
          KeySets keys = internet.ofGroup(g, eni, f);
          if (keys != null) {
            carried(keys, f, allowed, unknown);
          }
        }
      }
      boolean any = false;
      for (int s = 0; s < KeySets.SPACES; s++) {
        any |= !unknown[s].isEmpty();
      }
      ImmutableList.Builder<RuleMatch> rules = ImmutableList.builder();
      boolean anywhere = false;
      for (CompiledRule r : sides.fromInternet(g)) {
        if (admitsInternet(r, eni, families)) {
          for (Cidr b : sides.internetBlocks(r, eni, families)) {
            if (!travelsOver(r.protocol, b.family())) {
              continue; // an ICMP rule towards IPv6 blocks (or ICMPv6 towards IPv4) admits nothing: not a "by"
            }
            anywhere |= b.isAnywhere();
            rules.add(new RuleMatch(r.group, r.rule, b));
          }
        }
      }
      ImmutableList<RuleMatch> matched = rules.build();
      any |= !matched.isEmpty();
      cached = any ? new Part(allowed, unknown, matched, anywhere) : NO_PART;
      parts.put(key, cached); // the same value whichever thread works it out first
    }
    return cached == NO_PART ? null : (Part) cached;
  }

  /** True when traffic of this rule protocol ({@code -1} for all) can travel over this address family. */
  private static boolean travelsOver(int protocol, int family) {
    return protocol == 1 ? family == 4 : protocol != 58 || family == 6;
  }

  private boolean admitsInternet(CompiledRule r, int eni, int families) {
    return (families & 1) != 0 && sides.internet(r, eni, 4) == T
        || (families & 2) != 0 && sides.internet(r, eni, 6) == T;
  }
}
