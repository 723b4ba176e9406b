package dev.sgreach.engine;

import static dev.sgreach.engine.Tri.F;
import static dev.sgreach.engine.Tri.T;

import com.google.common.collect.ImmutableList;
import dev.sgreach.model.Cidr;
import dev.sgreach.model.Direction;
import dev.sgreach.model.NetworkInterface;
import dev.sgreach.model.Protocol;
import dev.sgreach.model.Traffic;
import dev.sgreach.path.ClientPorts;
import dev.sgreach.path.PacketPaths;
import dev.sgreach.path.PathEnd;
import dev.sgreach.path.PathVerdict;
import java.util.List;
import java.util.Optional;

/**
 * Decides one flow between two concrete members: for every usable pair of their addresses (same family; ICMP only
 * over IPv4, ICMPv6 only over IPv6), the sender's egress side AND the receiver's ingress side, each from
 * {@link SideJudge}; the flow is the Kleene OR over the pairs. The egress side depends only on the receiver's
 * address and the ingress side only on the sender's, so each is judged once per address, not once per pair.
 *
 * <p>When path layers are checked ({@link PacketPaths}, network ACLs and routes), each pair that its egress side does
 * not deny also needs the packet path both ways, between the egress and the ingress side: the pair is egress AND path
 * AND ingress. Where the path may translate the source (a NAT gateway, an internet gateway: {@link
 * PacketPaths#mayTranslateSource}), the ingress side is judged against the source address the destination sees
 * ({@link PacketPaths#passage}), as an outside party unless an ENI of the snapshot holds that address; security-group
 * references never match a translated source. Without path layers the pair is egress AND ingress, as before.
 *
 * <p>{@link #flow} gives the answer alone; {@link #explain} the same answer with the proof of the pair that came
 * closest, and the fixes; {@link #openPorts} every key that gets through.
 */
final class FlowJudge {
  private final Index index;
  private final SideJudge sides;
  private final Fixes fixes;
  /** The packet path between the sides; null when security groups alone are judged. */
  private final PacketPaths paths;
  /** The client's ephemeral ports for replies; null for the default of each source's kind. */
  private final ClientPorts clientPorts;

  /** The side judge every member flow asks. */
  SideJudge sides() {
    return sides;
  }

  FlowJudge(Index index, SideJudge sides) {
    this(index, sides, null, null);
  }

  FlowJudge(Index index, SideJudge sides, PacketPaths paths, ClientPorts clientPorts) {
    this.index = index;
    this.sides = sides;
    this.fixes = new Fixes(index);
    this.paths = paths;
    this.clientPorts = clientPorts;
    this.snat = sides.snat();
    java.util.Map<Cidr, NetworkInterface> owners = new java.util.HashMap<>();
    if (paths != null) {
      for (NetworkInterface e : index.enis) {
        e.publicIpv4().forEach(a -> owners.putIfAbsent(a, e));
      }
    }
    this.publicOwners = owners;
    this.sourceEnds = paths == null ? null : new PathEnd[index.enis.length][];
    this.destinationEnds = paths == null ? null : new PathEnd[index.enis.length][];
  }

  /**
   * The path ends made for each ENI as a source and as a destination ({@link #end}), one per address asked: a batch
   * asks about the same ENIs again and again, and an end kept is checked once and remembers its compiled facts.
   * Filled as asked, each ENI's array replaced whole (a benign race: an end lost to another thread's write is made
   * again, equal).
   */
  private final PathEnd[][] sourceEnds;
  private final PathEnd[][] destinationEnds;
  /** The most ends kept per ENI and role: an ENI's addresses beyond them are made each time they are asked. */
  private static final int KEPT_ENDS = 8;

  /** Which ENI a pod's packets leave as ({@link PodSnat}: standard mode's source NAT). */
  private final PodSnat snat;

  /** The ENI each public IPv4 of the snapshot belongs to, for path ends given as that address. */
  private final java.util.Map<Cidr, NetworkInterface> publicOwners;

  /** The packet path this judge checks between the sides, or empty when it judges security groups alone. */
  Optional<PacketPaths> paths() {
    return Optional.ofNullable(paths);
  }

  // ---------------------------------------------------------------- the path between the sides

  /** The path end of an ENI (or, for -1, an outside party) at one of its addresses; a prefix at its first address. */
  PathEnd end(int eni, Cidr address, boolean source) {
    Cidr a = address.isSingleAddress() ? address : address.networkAddress();
    if (eni < 0) {
      NetworkInterface owner = source ? null : publicOwners.get(a);
      return owner != null ? PathEnd.of(owner, a) : PathEnd.outside(a); // the packet goes to the owner
    }
    PathEnd[][] kept = source ? sourceEnds : destinationEnds;
    PathEnd[] ends = kept[eni];
    if (ends != null) {
      for (PathEnd end : ends) {
        if (end.address().equals(a)) {
          return end;
        }
      }
    }
    NetworkInterface n = index.enis[eni];
    if (source && n.publicIpv4().contains(a)) {
      // packets leave from a private address (the first, as PathEnd.of says); the public one is what the internet
      // sees. The end of that private address is the one kept, so that it is made and looked up once.
      Cidr first = !n.privateIpv4().isEmpty() ? n.privateIpv4().get(0) : !n.ipv6().isEmpty() ? n.ipv6().get(0) : null;
      return first != null ? end(eni, first, true) : PathEnd.of(n);
    }
    PathEnd end = PathEnd.of(n, a);
    if (ends == null) {
      kept[eni] = new PathEnd[] {end};
    } else if (ends.length < KEPT_ENDS) {
      PathEnd[] more = java.util.Arrays.copyOf(ends, ends.length + 1);
      more[ends.length] = end;
      kept[eni] = more;
    }
    return end;
  }

  /** The path's fast answer, on the asked client ports or else the source's default. */
  private PacketPaths.Passage passage(PathEnd from, PathEnd to, Traffic traffic) {
    return clientPorts != null ? paths.passage(from, to, traffic, clientPorts) : paths.passage(from, to, traffic);
  }

  private Outcome pathOutcome(PathEnd from, PathEnd to, Traffic traffic) {
    return clientPorts != null ? paths.outcome(from, to, traffic, clientPorts) : paths.outcome(from, to, traffic);
  }

  /** The ENI holding an address the destination sees, or -1 for an address outside the snapshot. */
  private int holder(Cidr seen) {
    return index.network.interfaceOwning(seen).map(e -> index.eni(e.id())).orElse(-1);
  }

  /**
   * One address pair whose egress side is {@code e} (not F): the path both ways AND the ingress side against the
   * source the destination sees; {@code ingressOfX} is the ingress side against {@code x} itself (-1: not judged yet),
   * used when the path keeps the source ({@code translates} false).
   */
  private int withPath(int src, Cidr x, PathEnd from, int dst, PathEnd to, boolean translates, Traffic traffic,
      int e, int ingressOfX) {
    if (!translates) {
      int in = ingressOfX >= 0 ? ingressOfX : sides.judge(Direction.INGRESS, dst, src, x, traffic);
      if (Tri.and(e, in) == F) {
        return F;
      }
      return Tri.and(Tri.and(e, in), Tri.of(pathOutcome(from, to, traffic)));
    }
    PacketPaths.Passage p = passage(from, to, traffic);
    int path = Tri.of(p.outcome());
    if (path == F) {
      return F;
    }
    Cidr seen = p.sourceAsSeen().orElse(x);
    int in = seen.equals(x) && ingressOfX >= 0 ? ingressOfX
        : sides.judge(Direction.INGRESS, dst, seen.equals(x) ? src : holder(seen), seen, traffic);
    return Tri.and(Tri.and(e, in), path);
  }

  /** {@link #withPath} for one address pair given by its addresses. */
  private int withPath(int src, Cidr x, int dst, Cidr y, Traffic traffic, int e, int ingressOfX) {
    PathEnd from = end(src, x, true);
    PathEnd to = end(dst, y, false);
    return withPath(src, x, from, dst, to, paths.mayTranslateSource(from, to), traffic, e, ingressOfX);
  }

  /** True when an address pair can carry traffic of this family (0: either): the same family, and the traffic's. */
  static boolean usable(Cidr a, Cidr b, int trafficFamily) {
    return a.family() == b.family() && (trafficFamily == 0 || trafficFamily == a.family());
  }

  /** The member's ENI in the index, or -1 for an outside party. */
  int eni(Member m) {
    return index.eni(m);
  }

  /**
   * The flow's value (T, F or U) from {@code src} (an ENI, or -1 outside) with these addresses to {@code dst}.
   */
  int flow(int src, List<Cidr> srcAddresses, int dst, List<Cidr> dstAddresses, Traffic traffic) {
    if (sides.translates(src)) {
      return flowOfMany(src, srcAddresses, dst, dstAddresses, traffic); // each pair as its packet leaves
    }
    int ni = srcAddresses.size();
    int nj = dstAddresses.size();
    if (ni > 32 || nj > 32) {
      return flowOfMany(src, srcAddresses, dst, dstAddresses, traffic);
    }
    int fam = traffic.family();
    // two bits per address: 0 not judged yet, else the side's value + 1
    long egressBy = 0;
    long ingressBy = 0;
    int result = F;
    for (int i = 0; i < ni; i++) {
      Cidr x = srcAddresses.get(i);
      for (int j = 0; j < nj; j++) {
        Cidr y = dstAddresses.get(j);
        if (!usable(x, y, fam)) {
          continue;
        }
        int e = (int) (egressBy >>> (2 * j)) & 3;
        if (e == 0) {
          e = sides.judge(Direction.EGRESS, src, dst, y, traffic) + 1;
          egressBy |= (long) e << (2 * j);
        }
        if (e - 1 == F) {
          continue;
        }
        int in = (int) (ingressBy >>> (2 * i)) & 3;
        int pair;
        if (paths == null) {
          if (in == 0) {
            in = sides.judge(Direction.INGRESS, dst, src, x, traffic) + 1;
            ingressBy |= (long) in << (2 * i);
          }
          pair = Tri.and(e - 1, in - 1);
        } else {
          PathEnd from = end(src, x, true);
          PathEnd to = end(dst, y, false);
          boolean translates = paths.mayTranslateSource(from, to);
          if (in == 0 && !translates) {
            in = sides.judge(Direction.INGRESS, dst, src, x, traffic) + 1;
            ingressBy |= (long) in << (2 * i);
          }
          pair = withPath(src, x, from, dst, to, translates, traffic, e - 1, in - 1);
        }
        if (pair == T) {
          return T;
        }
        result = Tri.or(result, pair);
      }
    }
    return result;
  }

  private int flowOfMany(int src, List<Cidr> srcAddresses, int dst, List<Cidr> dstAddresses, Traffic traffic) {
    int fam = traffic.family();
    int result = F;
    for (Cidr x : srcAddresses) {
      for (Cidr y : dstAddresses) {
        if (usable(x, y, fam)) {
          int pair = podPair(src, x, dst, y, traffic);
          if (pair == T) {
            return T;
          }
          result = Tri.or(result, pair);
        }
      }
    }
    return result;
  }

  /** One address pair's value: egress, the path both ways when checked, and ingress. */
  private int pair(int src, Cidr x, int dst, Cidr y, Traffic traffic) {
    int e = sides.judge(Direction.EGRESS, src, dst, y, traffic);
    return e == F ? F : paths != null ? withPath(src, x, dst, y, traffic, e, -1)
        : Tri.and(e, sides.judge(Direction.INGRESS, dst, src, x, traffic));
  }

  // ---------------------------------------------------------------- a pod's traffic leaving the VPC (PodSnat)

  /**
   * One address pair from {@code src}: as itself, or, for a pod {@link PodSnat} translates, as its node's primary ENI
   * at its primary address;
   * unknown when the node's ENI is missing; when translation cannot be told, the value both ways agree on, else
   * unknown.
   */
  private int podPair(int src, Cidr x, int dst, Cidr y, Traffic traffic) {
    int how = snat.sentAs(src, dst, y);
    return how == PodSnat.AS_ITSELF ? pair(src, x, dst, y, traffic) : translated(src, how,
        () -> pair(src, x, dst, y, traffic), node -> pair(node, snat.address(node), dst, y, traffic));
  }

  /** The pod's proof: per way its packets leave towards {@code d}'s addresses, the flow that came closest. */
  private Flow explainPod(Member s, Member d, Traffic t) {
    int src = eni(s);
    int dst = eni(d);
    java.util.Map<Integer, List<Cidr>> byWay = byWay(src, dst, d);
    Flow best = null;
    String bestRemark = null;
    for (java.util.Map.Entry<Integer, List<Cidr>> way : byWay.entrySet()) {
      int how = way.getKey();
      Member part = new Member(d.eni(), ImmutableList.copyOf(way.getValue()));
      if (!anyUsable(s.addresses(), part.addresses(), t.family())) {
        continue; // no pair of the pod's carries this traffic to these addresses
      }
      Flow f = how == PodSnat.AS_ITSELF ? explainAs(s, part, t) : explainTranslated(s, src, part, t, how,
          () -> explainAs(s, part, t), (n, m) -> explainAs(n, m, t));
      if (best == null || Tri.of(f.outcome()) > Tri.of(best.outcome())) {
        best = f;
        bestRemark = how == PodSnat.AS_ITSELF ? null : snat.remark(src, how, way.getValue().get(0));
      }
    }
    if (best == null) {
      return explainAs(s, d, t);
    }
    Optional<String> remark = bestRemark == null ? best.remark()
        : Optional.of(best.remark().map(r -> r + "; ").orElse("") + bestRemark);
    return new Flow(s, d, t, best.outcome(), best.egress(), best.ingress(), best.fixes(), remark, best.path());
  }

  /** {@code d}'s addresses by how a pod's packets to them leave ({@link PodSnat#sentAs}), in address order. */
  private java.util.Map<Integer, List<Cidr>> byWay(int src, int dst, Member d) {
    java.util.Map<Integer, List<Cidr>> byWay = new java.util.LinkedHashMap<>();
    for (Cidr y : d.addresses()) {
      byWay.computeIfAbsent(snat.sentAs(src, dst, y), k -> new java.util.ArrayList<>()).add(y);
    }
    return byWay;
  }

  /**
   * A pod's value when its packets do not leave as itself ({@code how}, not {@link PodSnat#AS_ITSELF}): the node's
   * value ({@code asNode} of the node's ENI), unknown without the node; when translation cannot be told
   * ({@link PodSnat#MAYBE}), the value both ways agree on ({@code own}), else unknown.
   */
  private int translated(int src, int how, java.util.function.IntSupplier own,
      java.util.function.IntUnaryOperator asNode) {
    int node = snat.node(src);
    int translated = node < 0 ? Tri.U : asNode.applyAsInt(node);
    if (how != PodSnat.MAYBE) {
      return translated;
    }
    int mine = own.getAsInt();
    return mine == translated ? mine : Tri.U;
  }

  private static boolean anyUsable(List<Cidr> xs, List<Cidr> ys, int family) {
    for (Cidr x : xs) {
      for (Cidr y : ys) {
        if (usable(x, y, family)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The proof of a pod's translated flow ({@code how}: the node's ENI, {@link PodSnat#NODE_MISSING} or
   * {@link PodSnat#MAYBE}): the node's flow; unknown without the node; when translation cannot be told, the node's
   * flow if it agrees with the pod's own ({@code asItself}), else unknown.
   */
  private Flow explainTranslated(Member s, int src, Member d, Traffic t, int how,
      java.util.function.Supplier<Flow> asItself, java.util.function.BiFunction<Member, Member, Flow> asNode) {
    if (s.addresses().stream().noneMatch(Cidr::isIpv4)) {
      return asItself.get(); // translated addresses are IPv4: the pod has no pair to them
    }
    int node = snat.node(src);
    Flow translated = node < 0 ? null : asNode.apply(index.member(node, snat.address(node)), d);
    if (how == PodSnat.MAYBE) {
      Flow own = asItself.get();
      if (translated != null && translated.outcome() == own.outcome()) {
        return own;
      }
      translated = null;
    }
    if (translated == null) {
      return new Flow(s, d, t, Outcome.UNKNOWN, Optional.empty(), Optional.empty(), ImmutableList.of(),
          Optional.empty());
    }
    return translated;
  }

  /**
   * The flow with its proof: both sides judged on every usable pair, then explained on the pair that came closest
   * (allowed, else unknown, else the most sides allowed), with the fixes for a denied flow's blocking sides.
   */
  Flow explain(Member s, Member d, Traffic t) {
    return sides.translates(eni(s)) ? explainPod(s, d, t) : explainAs(s, d, t);
  }

  /** {@link #explain} with {@code s} sending as itself. */
  private Flow explainAs(Member s, Member d, Traffic t) {
    int src = eni(s);
    int dst = eni(d);
    int fam = t.family();
    List<Cidr> xs = s.addresses();
    List<Cidr> ys = d.addresses();
    int[] egressBy = new int[ys.size()];
    int[] ingressBy = new int[xs.size()];
    for (int j = 0; j < ys.size(); j++) {
      egressBy[j] = -1;
    }
    for (int i = 0; i < xs.size(); i++) {
      ingressBy[i] = -1;
    }
    int bestI = -1;
    int bestJ = -1;
    int bestScore = -1;
    int overall = F;
    for (int i = 0; i < xs.size(); i++) {
      for (int j = 0; j < ys.size(); j++) {
        if (!usable(xs.get(i), ys.get(j), fam)) {
          continue;
        }
        if (egressBy[j] < 0) {
          egressBy[j] = sides.judge(Direction.EGRESS, src, dst, ys.get(j), t);
        }
        if (ingressBy[i] < 0) {
          ingressBy[i] = sides.judge(Direction.INGRESS, dst, src, xs.get(i), t);
        }
        int pair = Tri.and(egressBy[j], ingressBy[i]);
        int path = T;
        if (paths != null) {
          pair = egressBy[j] == F ? F : withPath(src, xs.get(i), dst, ys.get(j), t, egressBy[j], -1);
          path = Tri.of(pathOutcome(end(src, xs.get(i), true), end(dst, ys.get(j), false), t));
        }
        overall = Tri.or(overall, pair);
        int score = pair * 10 + egressBy[j] + ingressBy[i] + path;
        if (score > bestScore) {
          bestScore = score;
          bestI = i;
          bestJ = j;
        }
      }
    }
    if (bestI < 0) {
      return new Flow(s, d, t, Outcome.DENIED, Optional.empty(), Optional.empty(), ImmutableList.of(),
          Optional.of(noPairRemark(s, d, t)));
    }
    Cidr x = xs.get(bestI);
    Cidr y = ys.get(bestJ);
    SideCheck egress = sides.explain(Direction.EGRESS, s, src, x, d, dst, y, t);
    Optional<PathVerdict> path = Optional.empty();
    Member seenSource = s;
    int seenIndex = src;
    Cidr seenAddress = x;
    if (paths != null) {
      PathEnd from = end(src, x, true);
      PathVerdict pv = clientPorts != null ? paths.check(from, end(dst, y, false), t, clientPorts)
          : paths.check(from, end(dst, y, false), t);
      path = Optional.of(pv);
      Optional<Cidr> seen = pv.sourceAsSeen().filter(a -> !a.equals(x));
      if (seen.isPresent()) {
        seenAddress = seen.get();
        seenIndex = holder(seenAddress);
        seenSource = seenIndex >= 0 ? index.member(seenIndex, seenAddress) : Member.outside(seenAddress);
      }
    }
    SideCheck ingress = sides.explain(Direction.INGRESS, d, dst, y, seenSource, seenIndex, seenAddress, t);
    Outcome outcome = Tri.outcome(overall);
    ImmutableList.Builder<Fix> proposed = ImmutableList.builder();
    if (outcome == Outcome.DENIED) {
      if (egress.outcome() == Outcome.DENIED) {
        fixes.propose(egress, src, d, dst, t).ifPresent(proposed::add);
      }
      if (ingress.outcome() == Outcome.DENIED) {
        fixes.propose(ingress, dst, seenSource, seenIndex, t).ifPresent(proposed::add);
      }
    }
    return new Flow(s, d, t, outcome, Optional.of(egress), Optional.of(ingress), proposed.build(),
        translated(s).or(() -> translated(d)), path);
  }

  /** A gathering of one verdict's member flows, to share their fixes where one rule does ({@link Fixes#sharing}). */
  Fixes.Sharing sharing() {
    return fixes.sharing();
  }

  /** The flow with its proof, as {@link Reachability#reach} gives it: through a public address when asked so. */
  Flow explainPair(Member s, Member d, Traffic t) {
    return throughPublic(s, d) ? explainThroughPublic(s, d, t) : explain(s, d, t);
  }

  /** For a member asked about by its public address (with an outside party on the other end): what AWS does. */
  private static Optional<String> translated(Member m) {
    return m.publicAddress().map(p -> m.eni().get().id() + " is reached through its public address " + p
        + ": the internet gateway translates it to " + m.addresses().get(0) + ", so its security groups judge"
        + " the flow there");
  }

  private static String noPairRemark(Member s, Member d, Traffic t) {
    int fam = t.family();
    if (fam != 0) {
      return t.protocol().awsName() + " travels over IPv" + fam + " only, and " + s.label() + " and "
          + d.label() + " have no IPv" + fam + " address pair";
    }
    return s.label() + " and " + d.label() + " have no addresses of the same family (IPv4 with IPv4, IPv6 with IPv6)";
  }

  /**
   * Every key that gets from {@code s} to {@code d}: per usable address pair and key space, the keys both sides
   * surely admit are allowed and those both may admit are unknown; the union over pairs, with allowed taking
   * precedence.
   */
  OpenPorts openPorts(Member s, Member d) {
    int src = eni(s);
    if (!sides.translates(src)) {
      return openPortsAs(s, d);
    }
    int dst = eni(d);
    java.util.Map<Integer, List<Cidr>> byWay = byWay(src, dst, d);
    OpenPorts result = null;
    for (java.util.Map.Entry<Integer, List<Cidr>> way : byWay.entrySet()) {
      int how = way.getKey();
      Member part = new Member(d.eni(), ImmutableList.copyOf(way.getValue()));
      OpenPorts open;
      if (how == PodSnat.AS_ITSELF) {
        open = openPortsAs(s, part);
      } else if (s.addresses().stream().noneMatch(Cidr::isIpv4)) {
        continue; // translated addresses are IPv4: no pair to them
      } else {
        int node = snat.node(src);
        open = node < 0 ? OpenPorts.unknownOverIpv4() : openPortsAs(index.member(node, snat.address(node)), part);
        if (how == PodSnat.MAYBE) {
          open = OpenPorts.agreed(openPortsAs(s, part), open);
        }
      }
      result = result == null ? open : OpenPorts.or(result, open);
    }
    return result != null ? result : openPortsAs(s, d);
  }

  /** {@link #openPorts} with {@code s} sending as itself. */
  private OpenPorts openPortsAs(Member s, Member d) {
    int src = eni(s);
    int dst = eni(d);
    List<Cidr> xs = s.addresses();
    List<Cidr> ys = d.addresses();
    KeySets[] egressBy = new KeySets[ys.size()];
    KeySets[] ingressBy = new KeySets[xs.size()];
    Spans[] allowed = spans();
    Spans[] unknown = spans();
    for (int i = 0; i < xs.size(); i++) {
      Cidr x = xs.get(i);
      for (int j = 0; j < ys.size(); j++) {
        Cidr y = ys.get(j);
        if (x.family() != y.family()) {
          continue;
        }
        if (egressBy[j] == null) {
          egressBy[j] = sides.keys(Direction.EGRESS, src, dst, y, r -> sides.peer(r, src, dst, y));
        }
        if (ingressBy[i] == null) {
          ingressBy[i] = sides.keys(Direction.INGRESS, dst, src, x, r -> sides.peer(r, dst, src, x));
        }
        if (paths != null) {
          openOverPath(src, x, dst, y, egressBy[j], ingressBy[i], allowed, unknown);
          continue;
        }
        for (int space = 0; space < KeySets.SPACES; space++) {
          if (space < KeySets.OTHER_PROTOCOLS && !carries(space, x.family())) {
            continue;
          }
          egressBy[j].sure(space).intersectInto(ingressBy[i].sure(space), allowed[space]);
          egressBy[j].possible(space).intersectInto(ingressBy[i].possible(space), unknown[space]);
        }
      }
    }
    return OpenPorts.of(allowed, unknown);
  }

  /**
   * One address pair's open keys when the packet path is checked: each key space is cut where the path's answer can
   * change ({@link PathKeys#pieces}), and each piece the egress side may admit is walked once, on its first key
   * ({@link PacketPaths#passage}). Where the path allows, the keys both sides surely admit are allowed and those they
   * may admit unknown; where it is unknown, the keys they may admit are unknown; where it denies, nothing. The ingress
   * side is judged against the source the destination sees, as {@link #flow} does.
   */
  private void openOverPath(int src, Cidr x, int dst, Cidr y, KeySets egress, KeySets ingressOfX, Spans[] allowed,
      Spans[] unknown) {
    PathEnd from = end(src, x, true);
    PathEnd to = end(dst, y, false);
    java.util.Map<Cidr, KeySets> ingressBySeen = new java.util.HashMap<>();
    for (int space = 0; space < KeySets.SPACES; space++) {
      if (space < KeySets.OTHER_PROTOCOLS && !carries(space, x.family())) {
        continue;
      }
      Spans possible = egress.possible(space);
      if (possible.isEmpty()) {
        continue;
      }
      int[] pieces = PathKeys.pieces(paths, space);
      for (int k = 0; k < pieces.length; k += 2) {
        int lo = pieces[k];
        int hi = pieces[k + 1];
        if (!PathKeys.meets(possible, lo, hi)) {
          continue;
        }
        PacketPaths.Passage p = passage(from, to, PathKeys.traffic(space, lo));
        int path = Tri.of(p.outcome());
        if (path == F) {
          continue;
        }
        Cidr seen = p.sourceAsSeen().orElse(x);
        KeySets in = seen.equals(x) ? ingressOfX : ingressBySeen.computeIfAbsent(seen, a -> {
          int h = holder(a);
          return sides.keys(Direction.INGRESS, dst, h, a, r -> sides.peer(r, dst, h, a));
        });
        if (path == T) {
          PathKeys.intersectWithin(egress.sure(space), in.sure(space), lo, hi, allowed[space]);
        }
        PathKeys.intersectWithin(possible, in.possible(space), lo, hi, unknown[space]);
      }
    }
  }

  /** True when a keyed protocol's space travels over this address family. */
  static boolean carries(int space, int family) {
    int f = Protocol.KEYED.get(space).family();
    return f == 0 || f == family;
  }

  static Spans[] spans() {
    Spans[] out = new Spans[KeySets.SPACES];
    for (int s = 0; s < out.length; s++) {
      out[s] = new Spans();
    }
    return out;
  }

  // ---------------------------------------------------------------- through a public address

  /**
   * True when the flow from {@code s} is addressed to {@code d}'s public or Elastic IPv4 address by an ENI of the
   * snapshot: it leaves the VPC and comes back through the internet gateway, so neither side sees the other's private
   * address or groups. (From an outside party, the gateway's translation makes the flow the same as one to the
   * private address, which {@link #flow} judges.)
   */
  static boolean throughPublic(Member s, Member d) {
    return d.publicAddress().isPresent() && s.eni().isPresent();
  }

  /**
   * The public addresses {@code s}'s traffic to a public address can carry as its source: the one it was asked
   * about by, else every public or Elastic IPv4 address of its ENI (the internet gateway translates the source to
   * the one associated with the sending address). Empty when it has none: such traffic leaves through a NAT gateway
   * or not at all, and the address it then carries is not in the snapshot.
   */
  private static List<Cidr> sourcesSeen(Member s) {
    return s.publicAddress().isPresent() ? List.of(s.publicAddress().get()) : s.eni().get().publicIpv4();
  }

  /** Why the ingress side is unknown when the sender has no public address. */
  static String noSourceSeen(Member s) {
    return s.label() + " has no public IPv4 address: its traffic to a public address leaves the VPC through a NAT"
        + " gateway or not at all, and the address it then carries is not in the snapshot";
  }

  /**
   * The value of a flow {@link #throughPublic}: {@code s}'s egress towards the public address as an outside one (a
   * reference never matches it), AND {@code d}'s ingress from the public addresses {@code s} is seen with (unknown
   * when it has none), over IPv4.
   */
  int flowThroughPublic(Member s, Member d, Traffic t) {
    int how = throughPublicAs(s, d, t.family());
    return how == PodSnat.AS_ITSELF ? flowThroughPublicAs(s, d, t) : translated(eni(s), how,
        () -> flowThroughPublicAs(s, d, t),
        node -> flowThroughPublicAs(index.member(node, snat.address(node)), d, t));
  }

  /**
   * How {@code s}'s packets to {@code d}'s public address leave ({@link PodSnat#sentAs}): IPv4 senders only, and
   * traffic of this family ({@code 0} either).
   */
  private int throughPublicAs(Member s, Member d, int family) {
    int src = eni(s);
    return !sides.translates(src) || family == 6 || s.addresses().stream().noneMatch(Cidr::isIpv4) ? PodSnat.AS_ITSELF
        : snat.sentAs(src, -1, d.publicAddress().get());
  }

  /** {@link #flowThroughPublic} with {@code s} sending as itself. */
  private int flowThroughPublicAs(Member s, Member d, Traffic t) {
    Cidr to = d.publicAddress().get();
    if (t.family() == 6 || s.addresses().stream().noneMatch(a -> a.family() == 4)) {
      return F;
    }
    int egress = sides.judge(Direction.EGRESS, eni(s), -1, to, t);
    if (egress == F) {
      return F;
    }
    int ingress = F;
    List<Cidr> seen = sourcesSeen(s);
    if (seen.isEmpty()) {
      ingress = Tri.U;
    }
    for (Cidr from : seen) {
      ingress = Tri.or(ingress, sides.judge(Direction.INGRESS, eni(d), -1, from, t));
    }
    return Tri.and(egress, ingress);
  }

  /** {@link #flowThroughPublic} with its proof: the two sides explained as above, and the fixes of a denied flow. */
  Flow explainThroughPublic(Member s, Member d, Traffic t) {
    int how = throughPublicAs(s, d, t.family());
    if (how == PodSnat.AS_ITSELF) {
      return explainThroughPublicAs(s, d, t);
    }
    int src = eni(s);
    Flow f = explainTranslated(s, src, d, t, how, () -> explainThroughPublicAs(s, d, t),
        (n, m) -> explainThroughPublicAs(n, m, t));
    String why = snat.remark(src, how, d.publicAddress().get());
    return new Flow(s, d, t, f.outcome(), f.egress(), f.ingress(), f.fixes(),
        Optional.of(f.remark().map(r -> r + "; ").orElse("") + why), f.path());
  }

  /** {@link #explainThroughPublic} with {@code s} sending as itself. */
  private Flow explainThroughPublicAs(Member s, Member d, Traffic t) {
    Cidr to = d.publicAddress().get();
    java.util.Optional<Cidr> x = s.addresses().stream().filter(a -> a.family() == 4).findFirst();
    String remark = d.label() + " is addressed by its public address: the flow leaves the VPC and comes back"
        + " through the internet gateway, which translates " + to + " to " + d.addresses().get(0)
        + "; neither side's group references match it";
    if (t.family() == 6 || x.isEmpty()) {
      return new Flow(s, d, t, Outcome.DENIED, Optional.empty(), Optional.empty(), ImmutableList.of(),
          Optional.of(s.label() + " has no IPv4 address to send " + t.spec() + " to the public address " + to));
    }
    int src = eni(s);
    int dst = eni(d);
    SideCheck egress = sides.explain(Direction.EGRESS, s, src, x.get(), d, -1, to, t);
    List<Cidr> seen = sourcesSeen(s);
    SideCheck ingress = null;
    for (Cidr from : seen) {
      SideCheck c = sides.explain(Direction.INGRESS, d, dst, d.addresses().get(0), s, -1, from, t);
      if (ingress == null || Tri.of(c.outcome()) > Tri.of(ingress.outcome())) {
        ingress = c;
      }
    }
    if (ingress == null) {
      ingress = new SideCheck(Direction.INGRESS, d, d.addresses().get(0), x.get(), Outcome.UNKNOWN,
          ImmutableList.of(), ImmutableList.of(), ImmutableList.of(noSourceSeen(s)), Optional.empty());
    }
    Outcome outcome = Tri.outcome(Tri.and(Tri.of(egress.outcome()), Tri.of(ingress.outcome())));
    ImmutableList.Builder<Fix> proposed = ImmutableList.builder();
    if (outcome == Outcome.DENIED) {
      if (egress.outcome() == Outcome.DENIED) {
        fixes.propose(egress, src, d, -1, t).ifPresent(proposed::add);
      }
      if (ingress.outcome() == Outcome.DENIED) {
        fixes.propose(ingress, dst, s, -1, t).ifPresent(proposed::add);
      }
    }
    return new Flow(s, d, t, outcome, Optional.of(egress), Optional.of(ingress), proposed.build(),
        Optional.of(remark));
  }

  /** {@link #openPorts} of a flow {@link #throughPublic}: the keys both sides admit as {@link #flowThroughPublic}. */
  OpenPorts openPortsThroughPublic(Member s, Member d) {
    int how = throughPublicAs(s, d, 0);
    if (how == PodSnat.AS_ITSELF) {
      return openPortsThroughPublicAs(s, d);
    }
    int node = snat.node(eni(s));
    OpenPorts translated = node < 0 ? OpenPorts.unknownOverIpv4()
        : openPortsThroughPublicAs(index.member(node, snat.address(node)), d);
    return how == PodSnat.MAYBE ? OpenPorts.agreed(openPortsThroughPublicAs(s, d), translated) : translated;
  }

  /** {@link #openPortsThroughPublic} with {@code s} sending as itself. */
  private OpenPorts openPortsThroughPublicAs(Member s, Member d) {
    Spans[] allowed = spans();
    Spans[] unknown = spans();
    Cidr to = d.publicAddress().get();
    if (s.addresses().stream().anyMatch(a -> a.family() == 4)) {
      int src = eni(s);
      int dst = eni(d);
      KeySets egress = sides.keys(Direction.EGRESS, src, -1, to, r -> sides.peer(r, src, -1, to));
      List<KeySets> ingress = new java.util.ArrayList<>();
      for (Cidr from : sourcesSeen(s)) {
        ingress.add(sides.keys(Direction.INGRESS, dst, -1, from, r -> sides.peer(r, dst, -1, from)));
      }
      if (ingress.isEmpty()) {
        KeySets any = new KeySets();
        any.all(false); // the address the sender is seen with is not in the snapshot
        ingress.add(any);
      }
      for (KeySets in : ingress) {
        for (int space = 0; space < KeySets.SPACES; space++) {
          if (space < KeySets.OTHER_PROTOCOLS && !carries(space, 4)) {
            continue;
          }
          egress.sure(space).intersectInto(in.sure(space), allowed[space]);
          egress.possible(space).intersectInto(in.possible(space), unknown[space]);
        }
      }
    }
    return OpenPorts.of(allowed, unknown);
  }
}
