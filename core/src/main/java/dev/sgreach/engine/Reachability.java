package dev.sgreach.engine;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableListMultimap;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.Sets;
import dev.sgreach.model.Cidr;
import dev.sgreach.model.Direction;
import dev.sgreach.model.Layer;
import dev.sgreach.model.Network;
import dev.sgreach.model.NetworkInterface;
import dev.sgreach.model.Traffic;
import dev.sgreach.model.Warning;
import dev.sgreach.path.ClientPorts;
import dev.sgreach.path.PacketPaths;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
 * address in it; ICMP travels over IPv4 only, ICMPv6 over IPv6 only). An address of no ENI is an outside party: it
 * carries no group, so only the other side's rules apply. ENIs of types AWS does not filter (NAT gateway, Gateway
 * Load Balancer, Transit Gateway, an NLB without groups) admit everything when they carry no group; any other ENI
 * with no group admits nothing.
 *
 * <p>When the snapshot holds network ACLs or route tables ({@link Network#layers()}), {@code reach}, {@code outcome},
 * {@code exposure}, {@code openPorts}, {@code whoCanReach} and {@code whatCanBeReached} also judge the packet path
 * between the two sides, both ways ({@link PacketPaths}), and every verdict says which layers it checked
 * ({@link #layers()}); {@link #of(Network, Set)} restricts the engine to fewer layers,
 * {@link #of(Network, Set, ClientPorts)} sets the client's ephemeral ports the replies are checked on. The outside
 * address blocks {@code whoCanReach} and {@code whatCanBeReached} list are those the member's groups admit.
 *
 * <p>The network is compiled once into an index when this object is made; every query answers from it (the package
 * documentation describes how). Instances are immutable and thread-safe.
 */
public final class Reachability {
  private final Index index;
  private final SideJudge sides;
  private final FlowJudge flows;
  /** Each group's part of exposure, worked out on the first exposure question that needs it. */
  private final java.util.Map<Long, Object> exposureParts;
  /** The positions in the network's warnings of the warnings about each subject (group or ENI id). */
  private final ImmutableListMultimap<String, Integer> warningsBySubject;
  private final int[][] warningsOfEni;

  /** The layers every verdict judges: security groups, and the path layers asked for that the snapshot covers. */
  private final ImmutableSet<Layer> layers;

  private Reachability(Network network, Set<Layer> wanted, ClientPorts clientPorts, PodSecurityGroupMode podMode) {
    // a region's warnings (one pass over every ENI and rule, worked out on first use) are found on the common pool
    // while this thread indexes; the index asks for the shared addresses they come with only at its end
    if (network.securityGroups().size() >= Index.parallelGroups) {
      java.util.concurrent.ForkJoinPool.commonPool().execute(network::warnings);
    }
    this.index = new Index(network);
    this.sides = new SideJudge(index, podMode);
    EnumSet<Layer> path = EnumSet.noneOf(Layer.class);
    for (Layer l : network.layers()) {
      if (l != Layer.SECURITY_GROUPS && wanted.contains(l)) {
        path.add(l);
      }
    }
    PacketPaths paths = path.isEmpty() ? null : PacketPaths.of(network, path);
    this.flows = new FlowJudge(index, sides, paths, clientPorts);
    EnumSet<Layer> checked = EnumSet.of(Layer.SECURITY_GROUPS);
    if (paths != null) {
      checked.addAll(paths.layers());
    }
    this.layers = Sets.immutableEnumSet(checked);
    this.exposureParts = ExposureQuery.parts();
    ImmutableListMultimap.Builder<String, Integer> bySubject = ImmutableListMultimap.builder();
    for (int i = 0; i < network.warnings().size(); i++) {
      bySubject.put(network.warnings().get(i).subject(), i);
    }
    this.warningsBySubject = bySubject.build();
    this.warningsOfEni = warningsOfEnis(index, warningsBySubject);
  }

  /**
   * Per ENI (by position), the positions of the warnings about it or a group it carries, in the network's order: a
   * proof reads its members' warnings without hashing their group ids.
   */
  private static int[][] warningsOfEnis(Index index, ImmutableListMultimap<String, Integer> bySubject) {
    int[][] out = new int[index.enis.length][];
    int[] none = new int[0];
    java.util.Arrays.fill(out, none);
    Map<Integer, java.util.TreeSet<Integer>> found = new java.util.HashMap<>();
    for (String subject : bySubject.keySet()) {
      List<Integer> positions = bySubject.get(subject);
      int e = index.eni(subject);
      if (e >= 0) {
        found.computeIfAbsent(e, k -> new java.util.TreeSet<>()).addAll(positions);
      }
      int[] carriers = index.carriersOf(subject);
      for (int c : carriers == null ? none : carriers) {
        found.computeIfAbsent(c, k -> new java.util.TreeSet<>()).addAll(positions);
      }
    }
    found.forEach((e, p) -> out[e] = p.stream().mapToInt(Integer::intValue).toArray());
    return out;
  }

  /** The side judge every query asks. */
  SideJudge sides() {
    return sides;
  }

  /**
   * Compiles the network for answering on every layer the snapshot covers ({@link Network#layers()}): security groups
   * always, network ACLs and routes when their data is there; replies on the ephemeral ports AWS documents for each
   * source's kind ({@link PacketPaths#defaultClientPorts}).
   */
  public static Reachability of(Network network) {
    return new Reachability(network, EnumSet.allOf(Layer.class), null, PodSecurityGroupMode.DEFAULT);
  }

  /**
   * Compiles the network for answering on these layers only, of those the snapshot covers: {@code
   * EnumSet.of(Layer.SECURITY_GROUPS)} gives the security-group answer on any snapshot (the command line's
   * {@code --layers sg}). Security groups are always judged.
   */
  public static Reachability of(Network network, Set<Layer> layers) {
    return new Reachability(network, layers, null, PodSecurityGroupMode.DEFAULT);
  }

  /**
   * {@link #of(Network, Set)} with the client's ephemeral port range the replies are checked on, for every source,
   * instead of the default per source kind.
   */
  public static Reachability of(Network network, Set<Layer> layers, ClientPorts clientPorts) {
    return new Reachability(network, layers, java.util.Objects.requireNonNull(clientPorts, "clientPorts"),
        PodSecurityGroupMode.DEFAULT);
  }

  /**
   * {@link #of(Network, Set)} assuming this VPC CNI mode for pods with their own security groups (the
   * {@code aws-node} setting {@code POD_SECURITY_GROUP_ENFORCING_MODE}, which no EC2 data holds; default
   * {@link PodSecurityGroupMode#DEFAULT}). In {@link PodSecurityGroupMode#STANDARD} mode traffic between a pod's
   * branch ENI and its own node (the kubelet, other pods there) meets no security group.
   */
  public static Reachability of(Network network, Set<Layer> layers, PodSecurityGroupMode podMode) {
    return new Reachability(network, layers, null, java.util.Objects.requireNonNull(podMode, "podMode"));
  }

  /** {@link #of(Network, Set, ClientPorts)} assuming this mode for pods with security groups. */
  public static Reachability of(Network network, Set<Layer> layers, ClientPorts clientPorts,
      PodSecurityGroupMode podMode) {
    return new Reachability(network, layers, java.util.Objects.requireNonNull(clientPorts, "clientPorts"),
        java.util.Objects.requireNonNull(podMode, "podMode"));
  }

  /** The mode this engine assumes for pods with their own security groups. */
  public PodSecurityGroupMode podSecurityGroupMode() {
    return sides.podMode();
  }

  /**
   * The layers every verdict of this engine judges: {@link Layer#SECURITY_GROUPS}, and the path layers the snapshot
   * covers unless fewer were asked for.
   */
  public ImmutableSet<Layer> layers() {
    return layers;
  }

  /** The compiled facts, for the package's queries that span two networks ({@link NetworkDiff}). */
  Index index() {
    return index;
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
      int i = index.eni(e.id());
      if (i < 0) {
        throw new IllegalArgumentException("no network interface " + e.id() + " in the snapshot");
      }
      return ImmutableList.of(index.member(i));
    }
    if (endpoint instanceof Endpoint.Address a) {
      Cidr addr = a.address();
      List<Integer> sharing = index.sharing(addr);
      if (!a.vpcId().isEmpty()) {
        return ImmutableList.of(inVpc(a.vpcId(), addr));
      }
      if (!sharing.isEmpty()) {
        throw new IllegalArgumentException(ambiguous(addr, sharing));
      }
      java.util.Optional<NetworkInterface> owner = n.interfaceOwning(addr);
      if (owner.isPresent()) {
        return ImmutableList.of(index.member(index.eni(owner.get().id()), addr));
      }
      Member viaPublic = index.throughPublic(addr);
      return ImmutableList.of(viaPublic != null ? viaPublic : Member.outside(addr));
    }
    if (endpoint instanceof Endpoint.EksRole r) {
      return resolve(dev.sgreach.eks.EksEndpoints.resolve(n, r));
    }
    if (endpoint instanceof Endpoint.Planned p) {
      throw new IllegalArgumentException(p.label() + " names a planned resource: resolve it with the change "
          + "(PlannedNetwork.endpoint), or on the command line give --plan PLAN.json or --eksctl FILE");
    }
    if (endpoint instanceof Endpoint.Instance i) {
      List<NetworkInterface> enis = n.interfacesOfInstance(i.id());
      if (enis.isEmpty()) {
        throw new IllegalArgumentException("no network interface of instance " + i.id() + " in the snapshot");
      }
      return enis.stream().map(e -> index.member(index.eni(e.id()))).collect(ImmutableList.toImmutableList());
    }
    if (endpoint instanceof Endpoint.SecurityGroup s) {
      List<NetworkInterface> enis = n.interfacesWith(s.id());
      if (enis.isEmpty()) {
        throw new IllegalArgumentException(n.securityGroup(s.id()).isPresent()
            ? "no network interface carries " + s.id()
            : "no security group " + s.id() + " in the snapshot");
      }
      return enis.stream().map(e -> index.member(index.eni(e.id()))).collect(ImmutableList.toImmutableList());
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

  /** Why an address that ENIs of several VPCs list is not an endpoint by itself, and what to write instead. */
  private String ambiguous(Cidr addr, List<Integer> sharing) {
    StringBuilder b = new StringBuilder(addr + " is ambiguous: it is a private address of ");
    for (int k = 0; k < sharing.size(); k++) {
      NetworkInterface e = index.enis[sharing.get(k)];
      b.append(k == 0 ? "" : k == sharing.size() - 1 ? " and of " : ", of ").append(e.id()).append(" (")
          .append(e.vpcId().isEmpty() ? "no VPC" : e.vpcId()).append(')');
    }
    String vpc = index.enis[sharing.get(0)].vpcId();
    return b.append(": say which VPC, e.g. ").append(vpc.isEmpty() ? "vpc-..." : vpc).append('/').append(addr)
        .append(", or give the ENI id").toString();
  }

  /**
   * An address looked up among one VPC's ENIs: theirs (private, in a prefix, or public), else an outside party.
   *
   * @throws IllegalArgumentException when the snapshot knows no such VPC
   */
  private Member inVpc(String vpcId, Cidr addr) {
    if (!index.network.vpcs().containsKey(vpcId)
        && index.network.interfaces().values().stream().noneMatch(e -> e.vpcId().equals(vpcId))) {
      throw new IllegalArgumentException("no VPC " + vpcId + " in the snapshot");
    }
    for (int i = 0; i < index.enis.length; i++) {
      NetworkInterface e = index.enis[i];
      if (e.vpcId().equals(vpcId) && e.privateAddresses().contains(addr)) {
        return index.member(i, addr);
      }
    }
    for (int i = 0; i < index.enis.length; i++) {
      NetworkInterface e = index.enis[i];
      if (e.vpcId().equals(vpcId) && e.prefixes().stream().anyMatch(p -> p.contains(addr))) {
        return index.member(i, addr);
      }
    }
    Member viaPublic = index.throughPublic(addr);
    return viaPublic != null && viaPublic.eni().get().vpcId().equals(vpcId) ? viaPublic : Member.outside(addr);
  }

  private static void requireNotBothOutside(Member s, Member d) {
    if (s.isOutside() && d.isOutside()) {
      throw new IllegalArgumentException("both " + s.label() + " and " + d.label()
          + " are outside the snapshot: no security group stands between them");
    }
  }

  // ---------------------------------------------------------------- reach

  /**
   * Can {@code from} open a connection to {@code to} with this traffic? Group-valued endpoints are answered per
   * member pair; a pair of an ENI with itself (whose traffic meets no security group) is left out when there are
   * other pairs.
   *
   * <p>The work is bounded by ENI classes, not by member pairs: where two classes' pairs are decided alike (no path
   * layer judged, whole ENIs on both sides, and neither the sender's egress nor the receiver's ingress names
   * addresses for this traffic; see {@link MatrixQuery}) the first pair is explained and stands for them all, its
   * group counted by the members of the two classes. Every other pair (an outside party, a single or public address,
   * an address rule, and every pair when network ACLs or routes are judged, since they tell ENIs of one class apart
   * by subnet and address) is explained on its own. The verdict holds its groups and counts ({@link Verdict}).
   *
   * @throws IllegalArgumentException when an endpoint names nothing in the snapshot, or both sides are outside
   *     parties (no security group stands between them)
   */
  public Verdict reach(Endpoint from, Endpoint to, Traffic traffic) {
    List<Member> sources = resolve(from);
    List<Member> destinations = resolve(to);
    ReachQuery.Judged judged = new ReachQuery(index, flows).judge(sources, destinations, traffic);
    return new Verdict(from, to, traffic, combined(judged.allowed(), judged.denied(), judged.total()),
        coverage(judged.allowed(), judged.denied(), judged.total()), warnings(sources, destinations), layers, judged);
  }

  /** {@link #reach(Endpoint, Endpoint, Traffic)} with endpoints parsed by {@link Endpoint#parse(String)}. */
  public Verdict reach(String from, String to, Traffic traffic) {
    return reach(Endpoint.parse(from), Endpoint.parse(to), traffic);
  }

  /**
   * The proof of the flow between exactly these two members: the same as the member flow {@link #reach} gives for
   * them.
   *
   * @throws IllegalArgumentException when both are outside parties
   */
  public Flow explain(Member from, Member to, Traffic traffic) {
    requireNotBothOutside(from, to);
    return flows.explainPair(from, to, traffic);
  }

  /**
   * The verdict of a group of member flows: allowed when every one is, denied when at least one is denied, else
   * unknown.
   */
  static Outcome combined(long allowed, long denied, long total) {
    return allowed == total ? Outcome.ALLOWED : denied > 0 ? Outcome.DENIED : Outcome.UNKNOWN;
  }

  /**
   * How many member flows get through: all, some, none (every one denied), or unknown (none surely allowed, some
   * depending on missing data).
   */
  static Coverage coverage(long allowed, long denied, long total) {
    return allowed == total ? Coverage.ALL : allowed > 0 ? Coverage.SOME
        : denied == total ? Coverage.NONE : Coverage.UNKNOWN;
  }

  /** True when both members are the same ENI: its traffic to itself, which no security group judges. */
  static boolean self(Member s, Member d) {
    return s.eni().isPresent() && d.eni().isPresent() && s.eni().get().id().equals(d.eni().get().id());
  }

  /**
   * True when some pair of these members is not an ENI with itself. A group answer leaves self pairs out (an ENI's
   * traffic to itself says nothing about the group), unless they are all it has.
   */
  static boolean hasOtherPair(List<Member> sources, List<Member> destinations) {
    for (Member s : sources) {
      for (Member d : destinations) {
        if (!self(s, d)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The network's warnings about these members' ENIs and their groups, each once, in the network's order. */
  private ImmutableList<Warning> warnings(List<Member> sources, List<Member> destinations) {
    if (warningsBySubject.isEmpty()) {
      return ImmutableList.of();
    }
    Set<String> subjects = new LinkedHashSet<>();
    java.util.TreeSet<Integer> positions = new java.util.TreeSet<>();
    for (List<Member> side : List.of(sources, destinations)) {
      for (Member m : side) {
        if (m.eni().isEmpty()) {
          continue;
        }
        NetworkInterface e = m.eni().get();
        int k = index.eni(m);
        if (k >= 0 && index.enis[k].equals(e)) {
          for (int p : warningsOfEni[k]) {
            positions.add(p);
          }
        } else { // an ENI this network does not hold as it is: by its own ids
          subjects.addAll(e.securityGroupIds());
          subjects.add(e.id());
        }
      }
    }
    for (String subject : subjects) {
      positions.addAll(warningsBySubject.get(subject));
    }
    ImmutableList.Builder<Warning> wb = ImmutableList.builderWithExpectedSize(positions.size());
    positions.forEach(i -> wb.add(index.network.warnings().get(i)));
    return wb.build();
  }

  /** The outcome alone, without building the proof: the fast path for sweeps and batches. */
  public Outcome outcome(Member from, Member to, Traffic traffic) {
    return Tri.outcome(FlowJudge.throughPublic(from, to) ? flows.flowThroughPublic(from, to, traffic)
        : flows.flow(flows.eni(from), from.addresses(), flows.eni(to), to.addresses(), traffic));
  }

  /**
   * The overall outcome between resolved endpoints without building the proof: what {@link #reach}'s verdict says,
   * from the member flows' outcomes alone, worked out per ENI class pair where that is exact, as {@code reach} is.
   *
   * @throws IllegalArgumentException when a source and a destination are both outside parties
   */
  public Outcome outcome(List<Member> sources, List<Member> destinations, Traffic traffic) {
    if (sources.size() == 1 && destinations.size() == 1) {
      // one pair (a batch's point query): its flow alone, without a group answer's class tables (two bytes per ENI
      // class and traffic) or bookkeeping
      requireNotBothOutside(sources.get(0), destinations.get(0));
      return outcome(sources.get(0), destinations.get(0), traffic);
    }
    long[] counts = new ReachQuery(index, flows).count(sources, destinations, traffic, new MatrixQuery(index, flows));
    return combined(counts[Tri.T], counts[Tri.F], counts[0] + counts[1] + counts[2]);
  }

  /** {@link #outcome(List, List, Traffic)} for endpoints: the verdict without its proof. */
  public Outcome outcome(Endpoint from, Endpoint to, Traffic traffic) {
    return outcome(resolve(from), resolve(to), traffic);
  }

  // ---------------------------------------------------------------- matrix

  /**
   * Which rows reach which columns on which traffic: per cell, whether all, some or none of the member flows get
   * through (or unknown), with the counts; each cell is what {@link #reach} would say, without the proof. Worked out
   * per ENI class pair where that is exact (see {@link Matrix}), so a role x role matrix of a large cluster costs
   * about as much as its classes.
   *
   * @throws IllegalArgumentException when an endpoint names nothing in the snapshot, a list is empty, or a row and a
   *     column are both outside parties
   */
  public Matrix matrix(List<Endpoint> rows, List<Endpoint> columns, List<Traffic> traffic) {
    return matrix(rows, columns, traffic, done -> { });
  }

  /**
   * {@link #matrix(List, List, List)}, telling {@code progress} how many cells are done after each one (for a
   * progress display; it is called on the calling thread).
   */
  public Matrix matrix(List<Endpoint> rows, List<Endpoint> columns, List<Traffic> traffic,
      java.util.function.IntConsumer progress) {
    if (rows.isEmpty() || columns.isEmpty() || traffic.isEmpty()) {
      throw new IllegalArgumentException("a matrix needs at least one row, one column and one traffic");
    }
    List<ImmutableList<Member>> sources = rows.stream().map(this::resolve).toList();
    List<ImmutableList<Member>> destinations = columns.stream().map(this::resolve).toList();
    MatrixQuery q = new MatrixQuery(index, flows);
    ImmutableList.Builder<Matrix.Cell> cells = ImmutableList.builder();
    int done = 0;
    for (int r = 0; r < rows.size(); r++) {
      for (int c = 0; c < columns.size(); c++) {
        for (Traffic t : traffic) {
          cells.add(q.cell(rows.get(r), sources.get(r), columns.get(c), destinations.get(c), t));
          progress.accept(++done);
        }
      }
    }
    return new Matrix(ImmutableList.copyOf(rows), ImmutableList.copyOf(columns), ImmutableList.copyOf(traffic),
        cells.build());
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
    return openPorts(single(from), single(to));
  }

  private Member single(Endpoint e) {
    List<Member> members = resolve(e);
    if (members.size() != 1) {
      throw new IllegalArgumentException(e.label() + " stands for " + members.size()
          + " network interfaces; ask about one of them (" + members.get(0).label() + ", ...)");
    }
    return members.get(0);
  }

  /**
   * Open ports between two resolved members.
   *
   * @throws IllegalArgumentException when both are outside parties
   */
  public OpenPorts openPorts(Member s, Member d) {
    requireNotBothOutside(s, d);
    return FlowJudge.throughPublic(s, d) ? flows.openPortsThroughPublic(s, d) : flows.openPorts(s, d);
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

  private Reachers reachers(Endpoint endpoint, Traffic traffic, Direction own) {
    List<java.util.function.BiConsumer<java.util.BitSet, java.util.BitSet>> queries = new ArrayList<>();
    Set<Cidr> outside = new LinkedHashSet<>();
    Set<String> outsideUnknown = new LinkedHashSet<>();
    Set<Cidr> unknownBlocks = new LinkedHashSet<>();
    Set<Cidr> services = new LinkedHashSet<>();
    for (Member m : resolve(endpoint)) {
      ReachersQuery q = new ReachersQuery(index, sides, flows, own, m, flows.eni(m), traffic);
      q.outside(outside, services, outsideUnknown, unknownBlocks, m.label());
      if (own == Direction.INGRESS && m.publicAddress().isPresent()) {
        queries.add((allowed, unknown) -> throughPublic(m, traffic, allowed, unknown));
      } else {
        queries.add(q::expand);
      }
    }
    int fam = traffic.family();
    ImmutableList<Cidr> blocks = outside.stream().filter(c -> fam == 0 || c.family() == fam)
        .collect(ImmutableList.toImmutableList());
    ImmutableList<Cidr> unfiltered = services.stream().filter(c -> fam == 0 || c.family() == fam)
        .collect(ImmutableList.toImmutableList());
    ImmutableList<Cidr> unknownAt = unknownBlocks.stream().filter(c -> fam == 0 || c.family() == fam)
        .collect(ImmutableList.toImmutableList());
    return new Reachers(endpoint, traffic, index.enis, queries, blocks, unfiltered,
        ImmutableList.copyOf(outsideUnknown), unknownAt);
  }

  /**
   * The ENIs that can reach a member through its public address: each judged by
   * {@link FlowJudge#flowThroughPublic} (a target asked about by its public address is rare enough to be judged ENI by
   * ENI).
   */
  private void throughPublic(Member m, Traffic traffic, java.util.BitSet allowed, java.util.BitSet unknown) {
    int me = flows.eni(m);
    for (int i = 0; i < index.enis.length; i++) {
      if (i == me) {
        continue;
      }
      int v = flows.flowThroughPublic(index.member(i), m, traffic);
      if (v == Tri.T) {
        allowed.set(i);
      } else if (v == Tri.U) {
        unknown.set(i);
      }
    }
  }

  // ---------------------------------------------------------------- exposure

  /** Every ENI of the snapshot that the internet can open something to, and what. */
  public Exposure exposure() {
    return new ExposureQuery(index, sides, flows, exposureParts).all();
  }

  /** What the internet can open to the ENIs an endpoint stands for. */
  public Exposure exposure(Endpoint endpoint) {
    ExposureQuery q = new ExposureQuery(index, sides, flows, exposureParts);
    ImmutableList.Builder<Exposure.Exposed> out = ImmutableList.builder();
    for (Member m : resolve(endpoint)) {
      int i = flows.eni(m);
      if (i >= 0) {
        q.exposed(i).map(x -> q.withPath(x, i)).ifPresent(out::add);
      }
    }
    return new Exposure(out.build(), q.layers());
  }
}
