package dev.sgreach.engine;

import com.google.common.collect.HashMultiset;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableRangeSet;
import com.google.common.collect.Range;
import com.google.common.collect.RangeSet;
import com.google.common.collect.TreeRangeSet;
import dev.sgreach.model.Cidr;
import dev.sgreach.model.Direction;
import dev.sgreach.model.Network;
import dev.sgreach.model.NetworkInterface;
import dev.sgreach.model.Peer;
import dev.sgreach.model.PrefixList;
import dev.sgreach.model.Protocol;
import dev.sgreach.model.Rule;
import dev.sgreach.model.SecurityGroup;
import dev.sgreach.model.Traffic;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Computes a {@link NetworkDiff}: the rule and attachment changes by reading both networks, then the flow changes over
 * joint ENI classes.
 *
 * <p>A joint class is the ENIs (matched by id) that share their class in the before network and their class in the
 * after network (an ENI absent on one side has no class there). Two ENIs of one joint class are judged alike by their
 * own rules on both sides and alike by every group reference; only address rules (CIDR and prefix-list peers) can
 * tell them apart, so for each pair of joint classes the members are split by which of the other class's address
 * peers their addresses overlap, and one representative pair is judged per split. Only pairs whose sender's egress or
 * receiver's ingress can have changed are judged: a member that changed (appeared, disappeared, or differs in any
 * field), or a group carried on either side whose rules in that direction changed in content or name a prefix list
 * whose entries changed. When anything outside the groups and ENIs that a verdict reads changed (peerings, the path
 * layer), every pair is judged.
 */
final class DiffQuery {
  private static final RangeSet<Integer> KEYS = ImmutableRangeSet.of(Range.closedOpen(0, Protocol.MAX_KEY + 1));
  private static final RangeSet<Integer> OTHER_PROTOCOLS = otherProtocols();

  private final Reachability before;
  private final Reachability after;
  private final Index bi;
  private final Index ai;
  private final Network bn;
  private final Network an;

  DiffQuery(Reachability before, Reachability after) {
    this.before = before;
    this.after = after;
    this.bi = before.index();
    this.ai = after.index();
    this.bn = bi.network;
    this.an = ai.network;
  }

  NetworkDiff run() {
    Set<String> egressChanged = new HashSet<>();
    Set<String> ingressChanged = new HashSet<>();
    ImmutableList<NetworkDiff.GroupChange> groups = groupChanges(egressChanged, ingressChanged);
    Set<String> changedEnis = new HashSet<>();
    ImmutableList<NetworkDiff.AttachmentChange> interfaces = attachmentChanges(changedEnis);
    boolean everything = !sameSurroundings();
    List<Joint> joints = joints(changedEnis, egressChanged, ingressChanged, everything);
    Map<List<Object>, Row> rows = new LinkedHashMap<>();
    for (Joint s : joints) {
      for (Joint d : joints) {
        if (s.egressDirty || d.ingressDirty) {
          pairs(s, d, rows);
        }
      }
    }
    for (Joint d : joints) {
      if (d.ingressDirty) {
        internet(d, rows);
      }
    }
    List<Row> sorted = new ArrayList<>(rows.values());
    sorted.sort(Comparator.<Row>comparingInt(r -> r.kind.ordinal()).thenComparing(r -> r.from.label())
        .thenComparing(r -> r.to.label()).thenComparing(r -> r.traffic.toString()));
    ImmutableList.Builder<FlowChange> flows = ImmutableList.builder();
    for (Row r : sorted) {
      flows.add(r.toChange());
    }
    return new NetworkDiff(groups, interfaces, flows.build());
  }

  // ---------------------------------------------------------------- rules

  private ImmutableList<NetworkDiff.GroupChange> groupChanges(Set<String> egressChanged, Set<String> ingressChanged) {
    Set<String> ids = new LinkedHashSet<>(an.securityGroups().keySet());
    ids.addAll(bn.securityGroups().keySet());
    ImmutableList.Builder<NetworkDiff.GroupChange> out = ImmutableList.builder();
    for (String id : ids) {
      SecurityGroup b = bn.securityGroups().get(id);
      SecurityGroup a = an.securityGroups().get(id);
      ImmutableList.Builder<NetworkDiff.RuleChange> rules = ImmutableList.builder();
      for (Direction dir : Direction.values()) {
        List<Rule> br = b == null ? List.of() : b.rules(dir);
        List<Rule> ar = a == null ? List.of() : a.rules(dir);
        rules.addAll(matchRules(dir, br, ar));
        if (b == null || a == null || !HashMultiset.create(content(br)).equals(HashMultiset.create(content(ar)))
            || listsChanged(br) || listsChanged(ar)) {
          (dir == Direction.INGRESS ? ingressChanged : egressChanged).add(id);
        }
      }
      ImmutableList<NetworkDiff.RuleChange> changes = rules.build();
      NetworkDiff.GroupChange.Kind kind = b == null ? NetworkDiff.GroupChange.Kind.ADDED
          : a == null ? NetworkDiff.GroupChange.Kind.REMOVED : NetworkDiff.GroupChange.Kind.CHANGED;
      if (kind != NetworkDiff.GroupChange.Kind.CHANGED || !changes.isEmpty()) {
        out.add(new NetworkDiff.GroupChange(id, (a != null ? a : b).label(), kind, changes));
      }
    }
    return out.build();
  }

  private static List<List<Object>> content(List<Rule> rules) {
    List<List<Object>> out = new ArrayList<>(rules.size());
    for (Rule r : rules) {
      out.add(List.of(r.ports(), r.peer()));
    }
    return out;
  }

  /** True when a rule names a prefix list whose entries differ between the two networks. */
  private boolean listsChanged(List<Rule> rules) {
    for (Rule r : rules) {
      if (r.peer() instanceof Peer.PrefixListPeer p) {
        PrefixList b = bn.prefixLists().get(p.prefixListId());
        PrefixList a = an.prefixLists().get(p.prefixListId());
        if (!Objects.equals(b == null ? null : b.entries(), a == null ? null : a.entries())) {
          return true;
        }
      }
    }
    return false;
  }

  /** Rules matched by id where both have one, then by content (ports and peer); the rest added or removed. */
  static List<NetworkDiff.RuleChange> matchRules(Direction dir, List<Rule> br, List<Rule> ar) {
    List<Rule> restB = new ArrayList<>(br);
    List<Rule> restA = new ArrayList<>();
    List<NetworkDiff.RuleChange> out = new ArrayList<>();
    Map<String, Rule> byId = new HashMap<>();
    for (Rule r : br) {
      if (!r.ruleId().isEmpty()) {
        byId.putIfAbsent(r.ruleId(), r);
      }
    }
    for (Rule r : ar) {
      Rule old = r.ruleId().isEmpty() ? null : byId.remove(r.ruleId());
      if (old == null) {
        restA.add(r);
        continue;
      }
      restB.remove(old);
      if (!old.equals(r)) {
        out.add(new NetworkDiff.RuleChange(dir, NetworkDiff.RuleChange.Kind.CHANGED, Optional.of(old),
            Optional.of(r)));
      }
    }
    List<Rule> added = new ArrayList<>();
    for (Rule r : restA) {
      Rule old = restB.stream().filter(o -> o.ports().equals(r.ports()) && o.peer().equals(r.peer())).findFirst()
          .orElse(null);
      if (old == null) {
        added.add(r);
        continue;
      }
      restB.remove(old);
      if (!old.description().equals(r.description())) {
        out.add(new NetworkDiff.RuleChange(dir, NetworkDiff.RuleChange.Kind.CHANGED, Optional.of(old),
            Optional.of(r)));
      }
    }
    for (Rule r : restB) {
      out.add(new NetworkDiff.RuleChange(dir, NetworkDiff.RuleChange.Kind.REMOVED, Optional.of(r), Optional.empty()));
    }
    for (Rule r : added) {
      out.add(new NetworkDiff.RuleChange(dir, NetworkDiff.RuleChange.Kind.ADDED, Optional.empty(), Optional.of(r)));
    }
    return out;
  }

  // ---------------------------------------------------------------- attachments

  private ImmutableList<NetworkDiff.AttachmentChange> attachmentChanges(Set<String> changed) {
    Set<String> ids = new LinkedHashSet<>(an.interfaces().keySet());
    ids.addAll(bn.interfaces().keySet());
    ImmutableList.Builder<NetworkDiff.AttachmentChange> out = ImmutableList.builder();
    for (String id : ids) {
      NetworkInterface b = bn.interfaces().get(id);
      NetworkInterface a = an.interfaces().get(id);
      if (!Objects.equals(a, b)) {
        changed.add(id);
      }
      List<String> bg = b == null ? List.of() : b.securityGroupIds();
      List<String> ag = a == null ? List.of() : a.securityGroupIds();
      ImmutableList<String> gained = ag.stream().filter(g -> !bg.contains(g)).distinct()
          .collect(ImmutableList.toImmutableList());
      ImmutableList<String> lost = bg.stream().filter(g -> !ag.contains(g)).distinct()
          .collect(ImmutableList.toImmutableList());
      NetworkDiff.AttachmentChange.Kind kind = b == null ? NetworkDiff.AttachmentChange.Kind.APPEARED
          : a == null ? NetworkDiff.AttachmentChange.Kind.DISAPPEARED : NetworkDiff.AttachmentChange.Kind.REGROUPED;
      if (kind != NetworkDiff.AttachmentChange.Kind.REGROUPED || !gained.isEmpty() || !lost.isEmpty()) {
        out.add(new NetworkDiff.AttachmentChange(id, (a != null ? a : b).label(), kind, gained, lost));
      }
    }
    return out.build();
  }

  /** True when nothing but groups and ENIs differ in what a verdict reads. */
  private boolean sameSurroundings() {
    return bn.peerings().equals(an.peerings()) && bn.layers().equals(an.layers())
        && bn.subnets().equals(an.subnets()) && bn.networkAcls().equals(an.networkAcls())
        && bn.routeTables().equals(an.routeTables()) && bn.internetGateways().equals(an.internetGateways())
        && bn.natGateways().equals(an.natGateways()) && bn.vpcEndpoints().equals(an.vpcEndpoints())
        && bn.transitGateways().equals(an.transitGateways()) && bn.vpcs().equals(an.vpcs())
        && bn.loadBalancers().equals(an.loadBalancers()) && bn.targetGroups().equals(an.targetGroups());
  }

  // ---------------------------------------------------------------- joint classes

  /** ENIs sharing their class on both sides. */
  private static final class Joint {
    final int beforeClass;
    final int afterClass;
    final List<String> ids = new ArrayList<>();
    final List<int[]> slots = new ArrayList<>(); // {before ENI or -1, after ENI or -1}
    boolean egressDirty;
    boolean ingressDirty;
    FlowChange.End end;
    /** Per direction (0 ingress, 1 egress), the address peers of the class's groups: before, after. */
    final List<List<Cidr>>[] peers = newPeers();
    /** Splits of this class's members, by the other class's address peers (as list numbers). */
    final Map<List<Integer>, List<List<Integer>>> splits = new HashMap<>();

    Joint(int beforeClass, int afterClass) {
      this.beforeClass = beforeClass;
      this.afterClass = afterClass;
    }

    @SuppressWarnings("unchecked")
    private static List<List<Cidr>>[] newPeers() {
      return new List[2];
    }
  }

  private List<Joint> joints(Set<String> changed, Set<String> egressChanged, Set<String> ingressChanged,
      boolean everything) {
    Map<Long, Joint> byKey = new LinkedHashMap<>();
    Set<String> ids = new LinkedHashSet<>(an.interfaces().keySet());
    ids.addAll(bn.interfaces().keySet());
    for (String id : ids) {
      int b = bi.eni(id);
      int a = ai.eni(id);
      int bc = b < 0 ? -1 : bi.eniClass[b];
      int ac = a < 0 ? -1 : ai.eniClass[a];
      Joint j = byKey.computeIfAbsent(((long) (bc + 1) << 32) | (ac + 1), k -> new Joint(bc, ac));
      j.ids.add(id);
      j.slots.add(new int[] {b, a});
      boolean c = everything || changed.contains(id);
      j.egressDirty |= c;
      j.ingressDirty |= c;
    }
    for (Joint j : byKey.values()) {
      for (String g : groupsOf(j)) {
        j.egressDirty |= egressChanged.contains(g);
        j.ingressDirty |= ingressChanged.contains(g);
      }
      j.end = end(j);
    }
    return new ArrayList<>(byKey.values());
  }

  /** The groups the class carries on either side. */
  private Set<String> groupsOf(Joint j) {
    Set<String> out = new LinkedHashSet<>();
    if (j.afterClass >= 0) {
      for (int g : ai.eniGroups[ai.classRepresentative[j.afterClass]]) {
        out.add(ai.groupIds[g]);
      }
    }
    if (j.beforeClass >= 0) {
      for (int g : bi.eniGroups[bi.classRepresentative[j.beforeClass]]) {
        out.add(bi.groupIds[g]);
      }
    }
    return out;
  }

  private FlowChange.End end(Joint j) {
    Index x = j.afterClass >= 0 ? ai : bi;
    int rep = x.classRepresentative[j.afterClass >= 0 ? j.afterClass : j.beforeClass];
    List<String> labels = new ArrayList<>();
    ImmutableList.Builder<String> ids = ImmutableList.builder();
    for (int g : x.eniGroups[rep]) {
      ids.add(x.groupIds[g]);
      labels.add(x.groups[g] == null ? x.groupIds[g] + " (not in the snapshot)" : x.groups[g].label());
    }
    String label = labels.isEmpty() ? "no security group" : String.join(" + ", labels);
    return new FlowChange.End(label, ImmutableList.of(), ids.build());
  }

  // ---------------------------------------------------------------- pairs

  /** Every canonical list of address peers, numbered, so that splits are shared between classes with equal lists. */
  private final Map<List<Cidr>, Integer> peerLists = new HashMap<>();

  /** The address peers (CIDRs, and prefix-list entries) of the class's groups in one direction, before and after. */
  private List<List<Cidr>> peers(Joint j, Direction dir) {
    int d = dir == Direction.INGRESS ? 0 : 1;
    if (j.peers[d] == null) {
      j.peers[d] = List.of(peersIn(bi, j.beforeClass, dir), peersIn(ai, j.afterClass, dir));
    }
    return j.peers[d];
  }

  private static List<Cidr> peersIn(Index x, int cls, Direction dir) {
    if (cls < 0) {
      return List.of();
    }
    TreeSet<Cidr> out = new TreeSet<>();
    Network n = x.network;
    for (int g : x.eniGroups[x.classRepresentative[cls]]) {
      if (x.groups[g] == null) {
        continue;
      }
      for (Rule r : x.groups[g].rules(dir)) {
        if (r.peer() instanceof Peer.CidrPeer c) {
          out.add(c.cidr());
        } else if (r.peer() instanceof Peer.PrefixListPeer p) {
          PrefixList list = n.prefixLists().get(p.prefixListId());
          if (list != null && list.entries().isPresent()) {
            out.addAll(list.entries().get());
          }
        }
      }
    }
    out.removeIf(Cidr::isAnywhere); // matches every address of its family: tells no two apart
    return List.copyOf(out);
  }

  /**
   * The members of {@code j} (as positions) split by which of {@code peers} (before, after) their addresses overlap on
   * each side.
   */
  private List<List<Integer>> split(Joint j, List<List<Cidr>> peers) {
    if (peers.get(0).isEmpty() && peers.get(1).isEmpty()) {
      List<Integer> all = new ArrayList<>();
      for (int m = 0; m < j.ids.size(); m++) {
        all.add(m);
      }
      return List.of(all);
    }
    List<Integer> key = List.of(peerLists.computeIfAbsent(peers.get(0), k -> peerLists.size()),
        peerLists.computeIfAbsent(peers.get(1), k -> peerLists.size()));
    return j.splits.computeIfAbsent(key, k -> {
      Map<List<Set<String>>, List<Integer>> parts = new LinkedHashMap<>();
      for (int m = 0; m < j.ids.size(); m++) {
        int[] slot = j.slots.get(m);
        List<Set<String>> sig = List.of(signature(bi, slot[0], peers.get(0)), signature(ai, slot[1], peers.get(1)));
        parts.computeIfAbsent(sig, s -> new ArrayList<>()).add(m);
      }
      return new ArrayList<>(parts.values());
    });
  }

  /** For each address of the ENI: its family, whether it is one address or a prefix, and the peers it overlaps. */
  private static Set<String> signature(Index x, int eni, List<Cidr> peers) {
    Set<String> out = new TreeSet<>();
    if (eni < 0) {
      return out;
    }
    for (Cidr a : x.eniAddresses[eni]) {
      Cidr within = x.standIn(eni, a); // a stand-in is judged by its block: which peers hold it, which touch it
      Cidr at = within == null ? a : within;
      BitSet bits = new BitSet();
      BitSet holds = new BitSet();
      for (int p = 0; p < peers.size(); p++) {
        if (peers.get(p).overlaps(at)) {
          bits.set(p);
        }
        if (within != null && peers.get(p).contains(within)) {
          holds.set(p);
        }
      }
      out.add(a.family() + (a.isSingleAddress() ? "a" : "p") + bits + (within == null ? "" : "s" + holds));
    }
    return out;
  }

  private void pairs(Joint s, Joint d, Map<List<Object>, Row> rows) {
    List<List<Integer>> sources = split(s, peers(d, Direction.INGRESS));
    List<List<Integer>> destinations = split(d, peers(s, Direction.EGRESS));
    for (List<Integer> xs : sources) {
      for (List<Integer> ys : destinations) {
        int[] rep = representative(s, xs, d, ys);
        if (rep == null) {
          continue;
        }
        int[] x = s.slots.get(rep[0]);
        int[] y = d.slots.get(rep[1]);
        OpenPorts b = x[0] >= 0 && y[0] >= 0 ? before.openPorts(bi.member(x[0]), bi.member(y[0])) : null;
        OpenPorts a = x[1] >= 0 && y[1] >= 0 ? after.openPorts(ai.member(x[1]), ai.member(y[1])) : null;
        TrafficSet[] delta = delta(b, a);
        for (FlowChange.Kind kind : FlowChange.Kind.values()) {
          TrafficSet t = delta[kind.ordinal()];
          if (!t.isEmpty()) {
            Row r = rows.computeIfAbsent(List.of(kind, s, d, xs, ys, t), k -> new Row(kind, s.end, d.end, t, x, y));
            r.add(s, xs, d, ys);
          }
        }
      }
    }
  }

  /** Two distinct members, one of each list (positions in their classes), or null when only an ENI and itself. */
  private static int[] representative(Joint s, List<Integer> xs, Joint d, List<Integer> ys) {
    for (int x : xs) {
      for (int y : ys) {
        if (s != d || x != y) {
          return new int[] {x, y};
        }
      }
    }
    return null;
  }

  private void internet(Joint d, Map<List<Object>, Row> rows) {
    int[] y = d.slots.get(0);
    Optional<Exposure.Exposed> b = y[0] < 0 ? Optional.empty()
        : before.exposure(Endpoint.eni(bi.enis[y[0]].id())).interfaces().stream().findFirst();
    Optional<Exposure.Exposed> a = y[1] < 0 ? Optional.empty()
        : after.exposure(Endpoint.eni(ai.enis[y[1]].id())).interfaces().stream().findFirst();
    TrafficSet[] delta = delta(b.map(Exposure.Exposed::open).orElse(null), a.map(Exposure.Exposed::open).orElse(null));
    List<Integer> all = new ArrayList<>();
    for (int m = 0; m < d.ids.size(); m++) {
      all.add(m);
    }
    for (FlowChange.Kind kind : FlowChange.Kind.values()) {
      TrafficSet t = delta[kind.ordinal()];
      if (!t.isEmpty()) {
        ImmutableList<RuleMatch> rules = (kind == FlowChange.Kind.CLOSED ? b : a).map(Exposure.Exposed::rules)
            .orElse(ImmutableList.of()).stream().filter(m -> t.meets(m.rule().ports()))
            .collect(ImmutableList.toImmutableList());
        Row r = rows.computeIfAbsent(List.of(kind, "internet", d, t),
            k -> new Row(kind, FlowChange.End.internet(), d.end, t, null, y));
        r.internetRules = rules;
        r.add(null, List.of(), d, all);
      }
    }
  }

  /**
   * Opened, closed and unknown keys, indexed by {@link FlowChange.Kind#ordinal()}, from the open ports before and
   * after (null: the pair does not exist on that side, so nothing gets through).
   */
  static TrafficSet[] delta(OpenPorts b, OpenPorts a) {
    List<Map<Protocol, RangeSet<Integer>>> keyed = List.of(new HashMap<>(), new HashMap<>(), new HashMap<>());
    for (Protocol p : Protocol.KEYED) {
      RangeSet<Integer>[] d = delta(b == null ? null : b.allowed(p), b == null ? null : b.unknown(p),
          a == null ? null : a.allowed(p), a == null ? null : a.unknown(p), KEYS);
      for (int k = 0; k < 3; k++) {
        keyed.get(k).put(p, d[k]);
      }
    }
    RangeSet<Integer>[] others = delta(b == null ? null : b.allowedProtocols(), b == null ? null : b.unknownProtocols(),
        a == null ? null : a.allowedProtocols(), a == null ? null : a.unknownProtocols(), OTHER_PROTOCOLS);
    TrafficSet[] out = new TrafficSet[3];
    for (int k = 0; k < 3; k++) {
      out[k] = TrafficSet.of(keyed.get(k), others[k]);
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static RangeSet<Integer>[] delta(RangeSet<Integer> allowedBefore, RangeSet<Integer> unknownBefore,
      RangeSet<Integer> allowedAfter, RangeSet<Integer> unknownAfter, RangeSet<Integer> universe) {
    RangeSet<Integer> ab = allowedBefore == null ? ImmutableRangeSet.of() : allowedBefore;
    RangeSet<Integer> ub = unknownBefore == null ? ImmutableRangeSet.of() : unknownBefore;
    RangeSet<Integer> aa = allowedAfter == null ? ImmutableRangeSet.of() : allowedAfter;
    RangeSet<Integer> ua = unknownAfter == null ? ImmutableRangeSet.of() : unknownAfter;
    RangeSet<Integer> opened = TreeRangeSet.create(aa);
    opened.removeAll(ab);
    opened.removeAll(ub);
    RangeSet<Integer> closed = TreeRangeSet.create(ab);
    closed.removeAll(aa);
    closed.removeAll(ua);
    RangeSet<Integer> unknown = TreeRangeSet.create(ua);
    unknown.removeAll(ub);
    RangeSet<Integer> gone = TreeRangeSet.create(ub);
    gone.removeAll(ua);
    unknown.addAll(gone);
    for (RangeSet<Integer> s : List.of(opened, closed, unknown)) {
      s.removeAll(universe.complement());
    }
    return new RangeSet[] {opened, closed, unknown};
  }

  private static RangeSet<Integer> otherProtocols() {
    RangeSet<Integer> s = TreeRangeSet.create();
    s.add(Range.closedOpen(0, 256));
    for (Protocol p : Protocol.KEYED) {
      s.remove(Range.closedOpen(p.number(), p.number() + 1));
    }
    return ImmutableRangeSet.copyOf(s);
  }

  // ---------------------------------------------------------------- rows

  /** One flow change being gathered: its members, and the representative pair that proves it. */
  private final class Row {
    final FlowChange.Kind kind;
    final FlowChange.End from;
    final FlowChange.End to;
    final TrafficSet traffic;
    final int[] x;
    final int[] y;
    final Set<String> fromIds = new LinkedHashSet<>();
    final Set<String> toIds = new LinkedHashSet<>();
    ImmutableList<RuleMatch> internetRules = ImmutableList.of();

    Row(FlowChange.Kind kind, FlowChange.End from, FlowChange.End to, TrafficSet traffic, int[] x, int[] y) {
      this.kind = kind;
      this.from = from;
      this.to = to;
      this.traffic = traffic;
      this.x = x;
      this.y = y;
    }

    void add(Joint s, List<Integer> xs, Joint d, List<Integer> ys) {
      if (s != null) {
        xs.forEach(m -> fromIds.add(s.ids.get(m)));
      }
      ys.forEach(m -> toIds.add(d.ids.get(m)));
    }

    FlowChange toChange() {
      Traffic t = traffic.first().orElseThrow();
      Optional<Flow> b = Optional.empty();
      Optional<Flow> a = Optional.empty();
      if (x != null) {
        if (x[0] >= 0 && y[0] >= 0) {
          b = Optional.of(before.explain(bi.member(x[0]), bi.member(y[0]), t));
        }
        if (x[1] >= 0 && y[1] >= 0) {
          a = Optional.of(after.explain(ai.member(x[1]), ai.member(y[1]), t));
        }
      }
      FlowChange.End f = from.isInternet() && fromIds.isEmpty() ? from
          : new FlowChange.End(from.label(), ImmutableList.copyOf(fromIds), from.securityGroupIds());
      FlowChange.End d = new FlowChange.End(to.label(), ImmutableList.copyOf(toIds), to.securityGroupIds());
      return new FlowChange(kind, f, d, traffic, b, a, internetRules);
    }
  }
}
