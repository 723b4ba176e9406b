package dev.sgreach.engine;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.Range;
import com.google.common.collect.RangeSet;
import com.google.common.collect.TreeRangeSet;
import dev.sgreach.engine.Index.CompiledRule;
import dev.sgreach.model.Cidr;
import dev.sgreach.model.Direction;
import dev.sgreach.model.Network;
import dev.sgreach.model.NetworkInterface;
import dev.sgreach.model.Peer;
import dev.sgreach.model.Ports;
import dev.sgreach.model.Protocol;
import dev.sgreach.model.Rule;
import dev.sgreach.model.SecurityGroup;
import dev.sgreach.model.Traffic;
import dev.sgreach.model.Warning;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The reachability engine over one {@link Network}: the front door for every question sgreach answers.
 *
 * <pre>{@code
 * Reachability r = Reachability.of(network);
 * Verdict v = r.reach(Endpoint.eni("eni-node"), Endpoint.eni("eni-cp"), Traffic.tcp(443));
 * System.out.println(v.explain());
 * }</pre>
 *
 * <p>AWS's semantics, exactly: a flow from A to B is allowed iff some group on A's ENI has an egress rule admitting
 * it towards B, and some group on B's ENI has an ingress rule admitting it from A; all groups on an ENI form one
 * union; replies need no rule. CIDR and prefix-list peers match addresses of their own family; security-group
 * references match the private addresses of ENIs carrying the group, in the same VPC or across an active peering.
 * Between two ENIs the flow is allowed if any pair of their addresses of one family gets through (an ENI's addresses
 * are its private IPv4 and IPv6 addresses and its delegated prefixes; a rule matches a prefix when it matches some
 * address in it; ICMP travels over IPv4 only, ICMPv6 over IPv6 only). An address of no ENI is an outside party:
 * it carries no group, so only the other side's rules apply. ENIs of types AWS does not filter (NAT gateway, Gateway Load Balancer, Transit Gateway, an NLB without groups)
 * admit everything when they carry no group; any other ENI with no group admits nothing.
 *
 * <p>The network is compiled once into an index when this object is made; every query answers from it. Instances
 * are immutable and thread-safe.
 */
public final class Reachability {
  private static final int MAX_NEAR_MISSES = 6;
  private static final String FIX_NOTE = "sgreach fix";

  private final Index index;
  private final com.google.common.collect.ImmutableListMultimap<String, Warning> warningsBySubject;

  private Reachability(Network network) {
    this.index = new Index(network);
    this.warningsBySubject = com.google.common.collect.Multimaps.index(network.warnings(), Warning::subject);
  }

  /** Compiles the network for answering. */
  public static Reachability of(Network network) {
    return new Reachability(network);
  }

  /** The network this answers about. */
  public Network network() {
    return index.network;
  }

  // ---------------------------------------------------------------- endpoints

  /**
   * The concrete members an endpoint stands for in this network.
   *
   * @throws IllegalArgumentException when the endpoint names nothing in the snapshot, saying what was looked for
   */
  public ImmutableList<Member> resolve(Endpoint endpoint) {
    Network n = index.network;
    if (endpoint instanceof Endpoint.Eni e) {
      NetworkInterface eni = n.networkInterface(e.id()).orElseThrow(
          () -> new IllegalArgumentException("no network interface " + e.id() + " in the snapshot"));
      return ImmutableList.of(Member.of(eni));
    }
    if (endpoint instanceof Endpoint.Address a) {
      Cidr addr = a.address();
      return ImmutableList.of(n.interfaceOwning(addr).map(eni -> Member.of(eni, addr))
          .orElseGet(() -> Member.outside(addr)));
    }
    if (endpoint instanceof Endpoint.Instance i) {
      List<NetworkInterface> enis = n.interfacesOfInstance(i.id());
      if (enis.isEmpty()) {
        throw new IllegalArgumentException("no network interface of instance " + i.id() + " in the snapshot");
      }
      return enis.stream().map(Member::of).collect(ImmutableList.toImmutableList());
    }
    if (endpoint instanceof Endpoint.SecurityGroup s) {
      List<NetworkInterface> enis = n.interfacesWith(s.id());
      if (enis.isEmpty()) {
        throw new IllegalArgumentException(n.securityGroup(s.id()).isPresent()
            ? "no network interface carries " + s.id()
            : "no security group " + s.id() + " in the snapshot");
      }
      return enis.stream().map(Member::of).collect(ImmutableList.toImmutableList());
    }
    Endpoint.Group g = (Endpoint.Group) endpoint;
    LinkedHashSet<Member> members = new LinkedHashSet<>();
    for (Endpoint e : g.members()) {
      members.addAll(resolve(e));
    }
    if (members.isEmpty()) {
      throw new IllegalArgumentException(g.label() + " has no members in the snapshot");
    }
    return ImmutableList.copyOf(members);
  }

  private int eniOf(Member m) {
    return m.eni().isPresent() ? index.eni(m.eni().get().id()) : -1; // no boxing on the point-query path
  }

  // ---------------------------------------------------------------- reach

  /**
   * Can {@code from} open a connection to {@code to} with this traffic? Group-valued endpoints are answered per
   * member pair.
   *
   * @throws IllegalArgumentException when an endpoint names nothing in the snapshot, or both sides are outside
   *     parties (no security group stands between them)
   */
  public Verdict reach(Endpoint from, Endpoint to, Traffic traffic) {
    List<Member> sources = resolve(from);
    List<Member> destinations = resolve(to);
    ImmutableList.Builder<Flow> flows = ImmutableList.builder();
    int allowed = 0;
    int denied = 0;
    int total = 0;
    Set<String> groupsSeen = new LinkedHashSet<>();
    for (Member s : sources) {
      for (Member d : destinations) {
        if (s.isOutside() && d.isOutside()) {
          throw new IllegalArgumentException("both " + s.label() + " and " + d.label()
              + " are outside the snapshot: no security group stands between them");
        }
        Flow f = explainFlow(s, d, traffic);
        flows.add(f);
        total++;
        allowed += f.outcome() == Outcome.ALLOWED ? 1 : 0;
        denied += f.outcome() == Outcome.DENIED ? 1 : 0;
        s.eni().ifPresent(e -> groupsSeen.addAll(e.securityGroupIds()));
        d.eni().ifPresent(e -> groupsSeen.addAll(e.securityGroupIds()));
        s.eni().ifPresent(e -> groupsSeen.add(e.id()));
        d.eni().ifPresent(e -> groupsSeen.add(e.id()));
      }
    }
    Outcome outcome = allowed == total ? Outcome.ALLOWED : denied > 0 ? Outcome.DENIED : Outcome.UNKNOWN;
    Coverage coverage = allowed == total ? Coverage.ALL : allowed == 0 ? Coverage.NONE : Coverage.SOME;
    ImmutableList.Builder<Warning> wb = ImmutableList.builder();
    for (String subject : groupsSeen) {
      wb.addAll(warningsBySubject.get(subject));
    }
    ImmutableList<Warning> warnings = wb.build().stream().distinct()
        .sorted(java.util.Comparator.comparingInt(index.network.warnings()::indexOf))
        .collect(ImmutableList.toImmutableList());
    return new Verdict(from, to, traffic, outcome, coverage, flows.build(), warnings);
  }

  /** {@link #reach(Endpoint, Endpoint, Traffic)} with endpoints parsed by {@link Endpoint#parse(String)}. */
  public Verdict reach(String from, String to, Traffic traffic) {
    return reach(Endpoint.parse(from), Endpoint.parse(to), traffic);
  }

  /** The outcome alone, without building the proof: the fast path for sweeps. */
  public Outcome outcome(Member from, Member to, Traffic traffic) {
    return Index.outcome(index.flow(eniOf(from), from.addresses(), eniOf(to), to.addresses(), traffic));
  }

  private Flow explainFlow(Member s, Member d, Traffic t) {
    int src = eniOf(s);
    int dst = eniOf(d);
    int fam = t.family();
    SideCheck bestE = null;
    SideCheck bestI = null;
    int bestScore = -1;
    int overall = Index.F;
    for (Cidr x : s.addresses()) {
      for (Cidr y : d.addresses()) {
        if (!Index.usable(x, y, fam)) {
          continue;
        }
        SideCheck e = check(Direction.EGRESS, s, src, x, d, dst, y, t);
        SideCheck i = check(Direction.INGRESS, d, dst, y, s, src, x, t);
        Outcome pair = e.outcome().and(i.outcome());
        overall = pair == Outcome.ALLOWED ? Index.T : pair == Outcome.UNKNOWN && overall != Index.T ? Index.U
            : overall;
        int score = score(pair) * 10 + score(e.outcome()) + score(i.outcome());
        if (score > bestScore) {
          bestScore = score;
          bestE = e;
          bestI = i;
        }
      }
    }
    Outcome outcome = Index.outcome(overall);
    if (bestE == null) {
      return new Flow(s, d, t, Outcome.DENIED, Optional.empty(), Optional.empty(), ImmutableList.of(),
          Optional.of(noPairRemark(s, d, t)));
    }
    ImmutableList.Builder<Fix> fixes = ImmutableList.builder();
    if (outcome == Outcome.DENIED) {
      if (bestE.outcome() == Outcome.DENIED) {
        fix(bestE, d, dst, t).ifPresent(fixes::add);
      }
      if (bestI.outcome() == Outcome.DENIED) {
        fix(bestI, s, src, t).ifPresent(fixes::add);
      }
    }
    return new Flow(s, d, t, outcome, Optional.of(bestE), Optional.of(bestI), fixes.build(), Optional.empty());
  }

  private static int score(Outcome o) {
    return o == Outcome.ALLOWED ? 2 : o == Outcome.UNKNOWN ? 1 : 0;
  }

  private static String noPairRemark(Member s, Member d, Traffic t) {
    int fam = t.family();
    if (fam != 0) {
      return t.protocol().awsName() + " travels over IPv" + fam + " only, and " + s.label() + " and "
          + d.label() + " have no IPv" + fam + " address pair";
    }
    return s.label() + " and " + d.label() + " have no addresses of the same family (IPv4 with IPv4, IPv6 with IPv6)";
  }

  /** The detailed check of one side for one address pair: matches, near misses, missing data. */
  private SideCheck check(Direction d, Member self, int selfIdx, Cidr selfAddr, Member other, int otherIdx,
      Cidr otherAddr, Traffic t) {
    if (selfIdx < 0) {
      return new SideCheck(d, self, selfAddr, otherAddr, Outcome.ALLOWED, ImmutableList.of(), ImmutableList.of(),
          ImmutableList.of(), Optional.of("outside party: no security group applies"));
    }
    if (index.eniUnfiltered[selfIdx]) {
      return new SideCheck(d, self, selfAddr, otherAddr, Outcome.ALLOWED, ImmutableList.of(), ImmutableList.of(),
          ImmutableList.of(), Optional.of("a " + index.enis[selfIdx].interfaceType()
              + " interface with no security group is not filtered by security groups"));
    }
    ImmutableList.Builder<RuleMatch> matches = ImmutableList.builder();
    List<CompiledRule> portMisses = new ArrayList<>();
    List<CompiledRule> peerMisses = new ArrayList<>();
    ImmutableList.Builder<String> missing = ImmutableList.builder();
    boolean any = false;
    boolean unknown = false;
    int proto = t.protocol().number();
    int key = t.key();
    for (int g : index.eniGroups[selfIdx]) {
      CompiledRule[] rules = index.rules(g, d);
      if (rules == null) {
        continue;
      }
      for (CompiledRule r : rules) {
        boolean ports = r.admits(proto, key);
        int m = index.peerMatch(r, selfIdx, otherIdx, otherAddr);
        if (ports && m == Index.T) {
          matches.add(new RuleMatch(r.group, r.rule, otherAddr));
          any = true;
        } else if (ports && m == Index.U) {
          unknown = true;
          missing.add(r.group.label() + ": " + r.rule.describe() + ": entries of prefix list "
              + ((Peer.PrefixListPeer) r.rule.peer()).prefixListId() + " are not in the snapshot");
        } else if (ports) {
          peerMisses.add(r);
        } else if (m == Index.T && r.sameProtocol(proto)) {
          portMisses.add(r);
        }
      }
    }
    for (String g : index.missingGroups(selfIdx)) {
      unknown = true;
      missing.add(self.label() + " carries " + g + ", whose rules are not in the snapshot");
    }
    // port misses first: they are the closest; reasons are worded only for the misses shown
    List<NearMiss> near = new ArrayList<>();
    for (CompiledRule r : portMisses) {
      if (near.size() < MAX_NEAR_MISSES) {
        near.add(new NearMiss(r.group, r.rule, portMiss(r.rule.ports(), t)));
      }
    }
    for (CompiledRule r : peerMisses) {
      if (near.size() < MAX_NEAR_MISSES) {
        near.add(new NearMiss(r.group, r.rule, peerMiss(r, self, selfIdx, other, otherIdx, otherAddr)));
      }
    }
    Outcome o = any ? Outcome.ALLOWED : unknown ? Outcome.UNKNOWN : Outcome.DENIED;
    Optional<String> note = index.eniGroups[selfIdx].length == 0
        ? Optional.of(self.label() + " carries no security group, so it admits no " + d.word() + " traffic")
        : Optional.empty();
    return new SideCheck(d, self, selfAddr, otherAddr, o, any ? matches.build() : ImmutableList.of(),
        any ? ImmutableList.of() : ImmutableList.copyOf(near),
        any ? ImmutableList.of() : missing.build(), note);
  }

  private static String portMiss(Ports p, Traffic t) {
    if (p.protocol().hasPorts()) {
      return "port " + t.port() + " is outside " + (p.from() == p.to() ? p.from() : p.from() + "-" + p.to());
    }
    return t.protocol().awsName() + " type " + t.icmpType() + " code " + t.icmpCode() + " is not " + p;
  }

  private String peerMiss(CompiledRule r, Member self, int selfIdx, Member other, int otherIdx, Cidr otherAddr) {
    Peer p = r.rule.peer();
    if (p instanceof Peer.CidrPeer c) {
      return c.cidr().family() != otherAddr.family()
          ? "peer " + c.cidr().toCidrString() + " is IPv" + c.cidr().family() + ", the other side's address "
              + otherAddr + " is IPv" + otherAddr.family()
          : otherAddr + " is not in " + c.cidr().toCidrString();
    }
    if (p instanceof Peer.GroupPeer g) {
      if (otherIdx < 0) {
        return "peer " + g.groupId() + ": a security-group reference never matches an outside party ("
            + otherAddr + ")";
      }
      if (r.deadReference) {
        return "peer " + g.groupId() + ": the reference goes through peering " + g.peeringId() + ", which is "
            + g.peeringStatus();
      }
      if (!index.carries(otherIdx, r.referencedGroup)) {
        return "peer " + g.groupId() + ": " + other.label() + " does not carry " + g.groupId();
      }
      return "peer " + g.groupId() + ": " + other.label() + " is in " + index.enis[otherIdx].vpcId()
          + ", which is neither " + index.enis[selfIdx].vpcId() + " nor joined to it by an active peering";
    }
    return otherAddr + " is in no entry of prefix list " + ((Peer.PrefixListPeer) p).prefixListId();
  }

  /** The rule that would open a blocking side: exactly this traffic, towards the other member. */
  private Optional<Fix> fix(SideCheck side, Member other, int otherIdx, Traffic t) {
    int selfIdx = eniOf(side.member());
    if (selfIdx < 0 || index.eniMissingGroup[selfIdx] && index.presentGroups(selfIdx).isEmpty()) {
      return Optional.empty();
    }
    List<SecurityGroup> groups = index.presentGroups(selfIdx);
    if (groups.isEmpty()) {
      return Optional.empty();
    }
    SecurityGroup target = groups.get(0);
    Peer peer;
    if (otherIdx >= 0 && !index.enis[otherIdx].securityGroupIds().isEmpty() && index.connected(selfIdx, otherIdx)
        && !index.eniMissingGroup[otherIdx]) {
      String ref = index.enis[otherIdx].securityGroupIds().get(0);
      Peer.GroupPeer gp = Peer.group(ref);
      String otherVpc = index.enis[otherIdx].vpcId();
      if (!otherVpc.equals(index.enis[selfIdx].vpcId())) {
        String owner = index.network.securityGroup(ref).map(SecurityGroup::ownerId).orElse("");
        gp = owner.isEmpty() ? gp : gp.ownedBy(owner);
      }
      peer = gp;
    } else {
      peer = Peer.cidr(side.remoteAddress()); // the one address, or the delegated prefix the flow came through
    }
    Ports ports = switch (t.protocol().number()) {
      case 6 -> Ports.tcp(t.port());
      case 17 -> Ports.udp(t.port());
      case 1 -> Ports.icmp(t.icmpType(), t.icmpCode());
      case 58 -> Ports.icmpv6(t.icmpType(), t.icmpCode());
      default -> Ports.protocol(t.protocol().number());
    };
    String desc = FIX_NOTE + ": " + t.spec() + " " + (side.direction() == Direction.INGRESS ? "from " : "to ")
        + other.label().replaceAll("[^A-Za-z0-9 ._:/()#,@+=&;{}!$*-]", "");
    Rule rule = new Rule(side.direction(), ports, peer, desc, "");
    return Optional.of(new Fix(target.id(), target.label(), rule));
  }

  // ---------------------------------------------------------------- open ports

  /**
   * Exactly which traffic gets through from one member to another: TCP/UDP ports, ICMP/ICMPv6 type/code keys and
   * other protocols.
   *
   * @throws IllegalArgumentException when an endpoint stands for more than one member (ask per member), names
   *     nothing in the snapshot, or both are outside parties
   */
  public OpenPorts openPorts(Endpoint from, Endpoint to) {
    Member s = single(from);
    Member d = single(to);
    if (s.isOutside() && d.isOutside()) {
      throw new IllegalArgumentException("both " + s.label() + " and " + d.label()
          + " are outside the snapshot: no security group stands between them");
    }
    return openPorts(s, d);
  }

  private Member single(Endpoint e) {
    List<Member> members = resolve(e);
    if (members.size() != 1) {
      throw new IllegalArgumentException(e.label() + " stands for " + members.size()
          + " network interfaces; ask about one of them (" + members.get(0).label() + ", ...)");
    }
    return members.get(0);
  }

  private static final List<Protocol> KEYED = List.of(Protocol.TCP, Protocol.UDP, Protocol.ICMP, Protocol.ICMPV6);
  private static final Range<Integer> ALL_KEYS = Range.closedOpen(0, 65536);
  private static final Range<Integer> ALL_PROTOCOLS = Range.closedOpen(0, 256);

  /** Open ports between two resolved members. */
  public OpenPorts openPorts(Member s, Member d) {
    int src = eniOf(s);
    int dst = eniOf(d);
    Map<Protocol, RangeSet<Integer>> allowed = new EnumMapLike();
    Map<Protocol, RangeSet<Integer>> unknown = new EnumMapLike();
    RangeSet<Integer> allowedProtocols = TreeRangeSet.create();
    RangeSet<Integer> unknownProtocols = TreeRangeSet.create();
    for (Protocol p : KEYED) {
      allowed.put(p, TreeRangeSet.create());
      unknown.put(p, TreeRangeSet.create());
    }
    for (Cidr x : s.addresses()) {
      for (Cidr y : d.addresses()) {
        if (x.family() != y.family()) {
          continue;
        }
        for (Protocol p : KEYED) {
          int fam = p.number() == 1 ? 4 : p.number() == 58 ? 6 : 0;
          if (fam != 0 && fam != x.family()) {
            continue;
          }
          KeySets e = keys(Direction.EGRESS, src, dst, y, p.number());
          KeySets i = keys(Direction.INGRESS, dst, src, x, p.number());
          allowed.get(p).addAll(intersect(e.sure, i.sure));
          unknown.get(p).addAll(intersect(e.possible, i.possible));
        }
        KeySets e = keys(Direction.EGRESS, src, dst, y, -2);
        KeySets i = keys(Direction.INGRESS, dst, src, x, -2);
        allowedProtocols.addAll(intersect(e.sure, i.sure));
        unknownProtocols.addAll(intersect(e.possible, i.possible));
      }
    }
    for (Protocol p : KEYED) {
      unknown.get(p).removeAll(allowed.get(p));
      allowedProtocols.remove(Range.closedOpen(p.number(), p.number() + 1));
      unknownProtocols.remove(Range.closedOpen(p.number(), p.number() + 1));
    }
    unknownProtocols.removeAll(allowedProtocols);
    return new OpenPorts(allowed, unknown, allowedProtocols, unknownProtocols);
  }

  /** Protocol-keyed map with stable order (Protocol is a record, not an enum). */
  private static final class EnumMapLike extends java.util.LinkedHashMap<Protocol, RangeSet<Integer>> {
    private static final long serialVersionUID = 1L;
  }

  private static RangeSet<Integer> intersect(RangeSet<Integer> a, RangeSet<Integer> b) {
    RangeSet<Integer> out = TreeRangeSet.create();
    for (Range<Integer> r : a.asRanges()) {
      out.addAll(b.subRangeSet(r));
    }
    return out;
  }

  /** The keys a side surely admits, and those it may admit (sure plus unknown). */
  private record KeySets(RangeSet<Integer> sure, RangeSet<Integer> possible) {}

  /**
   * The keys one side admits for a protocol (-2: the "other protocols" space of protocol numbers) towards the other
   * side's address.
   */
  private KeySets keys(Direction d, int self, int other, Cidr otherAddr, int proto) {
    Range<Integer> all = proto == -2 ? ALL_PROTOCOLS : ALL_KEYS;
    RangeSet<Integer> sure = TreeRangeSet.create();
    RangeSet<Integer> possible = TreeRangeSet.create();
    if (self < 0 || index.eniUnfiltered[self]) {
      sure.add(all);
      possible.add(all);
      return new KeySets(sure, possible);
    }
    if (index.eniMissingGroup[self]) {
      possible.add(all);
    }
    for (int g : index.eniGroups[self]) {
      CompiledRule[] rules = index.rules(g, d);
      if (rules == null) {
        continue;
      }
      for (CompiledRule r : rules) {
        Range<Integer> range;
        if (proto == -2) {
          if (r.protocol == -1) {
            range = all;
          } else if (r.protocol == 1 || r.protocol == 6 || r.protocol == 17 || r.protocol == 58) {
            continue;
          } else {
            range = Range.closedOpen(r.protocol, r.protocol + 1);
          }
        } else if (r.protocol == -1) {
          range = all;
        } else if (r.protocol == proto) {
          range = Range.closedOpen(r.low, r.high + 1);
        } else {
          continue;
        }
        int m = index.peerMatch(r, self, other, otherAddr);
        if (m == Index.T) {
          sure.add(range);
          possible.add(range);
        } else if (m == Index.U) {
          possible.add(range);
        }
      }
    }
    return new KeySets(sure, possible);
  }

  // ---------------------------------------------------------------- who can reach

  /**
   * Everything that can open this flow to {@code to}: ENIs of the snapshot (the target itself excluded) and outside
   * address blocks. For a group-valued target an ENI counts when it reaches at least one member.
   */
  public Reachers whoCanReach(Endpoint to, Traffic traffic) {
    return reachers(to, traffic, Direction.INGRESS);
  }

  /**
   * Everything {@code from} can open this flow to: ENIs of the snapshot (the source itself excluded) and outside
   * address blocks.
   */
  public Reachers whatCanBeReached(Endpoint from, Traffic traffic) {
    return reachers(from, traffic, Direction.EGRESS);
  }

  private Reachers reachers(Endpoint endpoint, Traffic traffic, Direction d) {
    List<Member> members = resolve(endpoint);
    BitSet allowed = new BitSet();
    BitSet unknown = new BitSet();
    LinkedHashSet<Cidr> outside = new LinkedHashSet<>();
    LinkedHashSet<String> outsideUnknown = new LinkedHashSet<>();
    int fam = traffic.family();
    for (Member m : members) {
      int me = eniOf(m);
      Set<Integer> families = new HashSet<>();
      m.addresses().forEach(a -> families.add(a.family()));
      ReachersQuery q = new ReachersQuery(index, d, me, m.addresses(), traffic);
      BitSet candidates = new BitSet(index.enis.length);
      q.addCandidates(candidates, outside, outsideUnknown, families, m.label());
      if (me >= 0 && index.eniUnfiltered[me]) {
        families.forEach(f -> outside.add(Cidr.parse(f == 4 ? "0.0.0.0/0" : "::/0")));
      } else if (me >= 0) {
        index.missingGroups(me).forEach(g -> outsideUnknown.add(m.label() + " carries " + g
            + ", whose rules are not in the snapshot"));
      }
      for (int c = candidates.nextSetBit(0); c >= 0; c = candidates.nextSetBit(c + 1)) {
        if (c == me || allowed.get(c)) {
          continue;
        }
        int v = q.judge(c);
        if (v == Index.T) {
          allowed.set(c);
          unknown.clear(c);
        } else if (v == Index.U) {
          unknown.set(c);
        }
      }
    }
    ImmutableList<NetworkInterface> a = allowed.stream().mapToObj(i -> index.enis[i])
        .collect(ImmutableList.toImmutableList());
    ImmutableList<NetworkInterface> u = unknown.stream().filter(i -> !allowed.get(i)).mapToObj(i -> index.enis[i])
        .collect(ImmutableList.toImmutableList());
    ImmutableList<Cidr> blocks = outside.stream().filter(c -> fam == 0 || c.family() == fam)
        .collect(ImmutableList.toImmutableList());
    return new Reachers(endpoint, traffic, a, u, blocks, ImmutableList.copyOf(outsideUnknown));
  }

  // ---------------------------------------------------------------- exposure

  /** Every ENI of the snapshot that the internet can open something to, and what. */
  public Exposure exposure() {
    ImmutableList.Builder<Exposure.Exposed> out = ImmutableList.builder();
    // ENIs of one class with the same address families are exposed alike: judge each such kind once
    Map<Long, Optional<Exposure.Exposed>> byKind = new java.util.HashMap<>();
    for (int i = 0; i < index.enis.length; i++) {
      NetworkInterface e = index.enis[i];
      long kind = (long) index.eniClass[i] << 2 | reachableFamilies(e);
      int eni = i;
      Optional<Exposure.Exposed> x = byKind.computeIfAbsent(kind, k -> exposed(eni));
      x.ifPresent(t -> out.add(t.eni() == e ? t
          : new Exposure.Exposed(e, t.open(), t.rules(), t.fromAnywhere(),
              !e.publicIpv4().isEmpty() || (reachableFamilies(e) & 2) != 0)));
    }
    return new Exposure(out.build());
  }

  /** What the internet can open to the ENIs an endpoint stands for. */
  public Exposure exposure(Endpoint endpoint) {
    ImmutableList.Builder<Exposure.Exposed> out = ImmutableList.builder();
    for (Member m : resolve(endpoint)) {
      int i = eniOf(m);
      if (i >= 0) {
        exposed(i).ifPresent(out::add);
      }
    }
    return new Exposure(out.build());
  }

  /** The families an outside party can reach an ENI in: 1 IPv4 (private, public or prefix), 2 IPv6. */
  private static int reachableFamilies(NetworkInterface e) {
    boolean v4 = !e.privateIpv4().isEmpty() || !e.publicIpv4().isEmpty()
        || e.prefixes().stream().anyMatch(Cidr::isIpv4);
    boolean v6 = !e.ipv6().isEmpty() || e.prefixes().stream().anyMatch(Cidr::isIpv6);
    return (v4 ? 1 : 0) | (v6 ? 2 : 0);
  }

  private Optional<Exposure.Exposed> exposed(int eni) {
    NetworkInterface e = index.enis[eni];
    int families = reachableFamilies(e);
    boolean v4 = (families & 1) != 0;
    boolean v6 = (families & 2) != 0;
    ImmutableList.Builder<RuleMatch> rules = ImmutableList.builder();
    boolean anywhere = false;
    Map<Protocol, RangeSet<Integer>> allowed = new EnumMapLike();
    Map<Protocol, RangeSet<Integer>> unknown = new EnumMapLike();
    for (Protocol p : KEYED) {
      allowed.put(p, TreeRangeSet.create());
      unknown.put(p, TreeRangeSet.create());
    }
    RangeSet<Integer> protocols = TreeRangeSet.create();
    RangeSet<Integer> unknownProtocols = TreeRangeSet.create();
    boolean any = false;
    if (index.eniUnfiltered[eni]) {
      // AWS does not filter this interface: everything of its families is open, through no rule
      for (Protocol p : KEYED) {
        int fam = p.number() == 1 ? 4 : p.number() == 58 ? 6 : 0;
        if (fam == 0 && (v4 || v6) || fam == 4 && v4 || fam == 6 && v6) {
          allowed.get(p).add(ALL_KEYS);
        }
      }
      if (v4 || v6) {
        protocols.add(ALL_PROTOCOLS);
        for (Protocol p : KEYED) {
          protocols.remove(Range.closedOpen(p.number(), p.number() + 1));
        }
        return Optional.of(new Exposure.Exposed(e, new OpenPorts(allowed, unknown, protocols, unknownProtocols),
            ImmutableList.of(), true, !e.publicIpv4().isEmpty() || v6));
      }
      return Optional.empty();
    }
    for (int g : index.eniGroups[eni]) {
      CompiledRule[] rs = index.rules(g, Direction.INGRESS);
      if (rs == null) {
        continue;
      }
      for (CompiledRule r : rs) {
        if (r.kind == CompiledRule.GROUP) {
          continue;
        }
        boolean unknownPeer = r.kind == CompiledRule.PREFIX_LIST && r.entries == null;
        if (r.publicBlocks.isEmpty() && !unknownPeer) {
          continue;
        }
        List<Cidr> publicBlocks = new ArrayList<>(r.publicBlocks);
        publicBlocks.removeIf(b -> b.isIpv4() ? !v4 : !v6);
        if (publicBlocks.isEmpty() && !unknownPeer) {
          continue;
        }
        Set<Integer> fams = new HashSet<>();
        publicBlocks.forEach(b -> fams.add(b.family()));
        if (unknownPeer) {
          if (v4) {
            fams.add(4);
          }
          if (v6) {
            fams.add(6);
          }
        }
        for (Protocol p : KEYED) {
          int fam = p.number() == 1 ? 4 : p.number() == 58 ? 6 : 0;
          if (fam != 0 && !fams.contains(fam)) {
            continue;
          }
          Range<Integer> range = r.protocol == -1 ? ALL_KEYS
              : r.protocol == p.number() ? Range.closedOpen(r.low, r.high + 1) : null;
          if (range != null) {
            (unknownPeer ? unknown : allowed).get(p).add(range);
          }
        }
        if (r.protocol == -1) {
          (unknownPeer ? unknownProtocols : protocols).add(ALL_PROTOCOLS);
        } else if (!(r.protocol == 1 || r.protocol == 6 || r.protocol == 17 || r.protocol == 58)) {
          (unknownPeer ? unknownProtocols : protocols).add(Range.closedOpen(r.protocol, r.protocol + 1));
        }
        if (!unknownPeer) {
          any = true;
          for (Cidr b : publicBlocks) {
            anywhere |= b.isAnywhere();
            rules.add(new RuleMatch(r.group, r.rule, b));
          }
        }
      }
    }
    for (Protocol p : KEYED) {
      protocols.remove(Range.closedOpen(p.number(), p.number() + 1));
      unknownProtocols.remove(Range.closedOpen(p.number(), p.number() + 1));
      unknown.get(p).removeAll(allowed.get(p));
    }
    unknownProtocols.removeAll(protocols);
    OpenPorts open = new OpenPorts(allowed, unknown, protocols, unknownProtocols);
    if (!any && !open.hasUnknown()) {
      return Optional.empty();
    }
    return Optional.of(new Exposure.Exposed(e, open, rules.build(), anywhere,
        !e.publicIpv4().isEmpty() || v6));
  }
}
