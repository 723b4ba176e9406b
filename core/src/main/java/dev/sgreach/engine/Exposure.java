package dev.sgreach.engine;

import com.google.common.base.Supplier;
import com.google.common.base.Suppliers;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import dev.sgreach.model.Cidr;
import dev.sgreach.model.Layer;
import dev.sgreach.model.NetworkInterface;
import dev.sgreach.path.PathVerdict;
import java.util.Objects;
import java.util.Optional;

/**
 * What the internet can open towards ENIs of the snapshot: for each ENI with at least one inbound rule whose CIDR or
 * prefix-list peer includes a public address (any address outside the private, shared, loopback, link-local,
 * documentation, benchmark and multicast ranges; for IPv6 anything in {@code 2000::/3} outside {@code 2001:db8::/32}),
 * the traffic those rules admit and the rules themselves.
 *
 * <p>An ENI that carries no group and whose type AWS does not filter (a NAT gateway, a Transit Gateway attachment,
 * ...) is listed with everything of its address families open and no rules.
 *
 * <p>This is the security-group view: whether the ENI also has a public address or sits behind an internet-facing
 * load balancer is reported ({@link Exposed#hasPublicAddress()}) but not required.
 *
 * <p>When the snapshot's packet path is checked ({@link #layersChecked()} holds network ACLs or routes), each exposed
 * ENI also says whether the internet really gets there ({@link Exposed#path()}): an ENI is reachable from the internet
 * only at a public address (a public IPv4, or a global IPv6 address) with a route to an attached internet gateway,
 * network ACLs that pass the packet and its reply, and the groups; an ENI the groups open but the path closes is
 * exposed "by security groups only", a weaker finding.
 *
 * @param interfaces the exposed ENIs in snapshot order
 * @param layersChecked the layers judged: security groups, and the path layers when checked
 */
public record Exposure(ImmutableList<Exposed> interfaces, ImmutableSet<Layer> layersChecked) {

  public Exposure {
    layersChecked = layersChecked == null || layersChecked.isEmpty() ? Verdict.SECURITY_GROUPS_ONLY : layersChecked;
  }

  /** Exposure judged on security groups alone. */
  public Exposure(ImmutableList<Exposed> interfaces) {
    this(interfaces, Verdict.SECURITY_GROUPS_ONLY);
  }

  /** True when no ENI is exposed, not even maybe. */
  public boolean isEmpty() {
    return interfaces.isEmpty();
  }

  /** True when the packet path was judged too, so that {@link #real()} means the internet gets through. */
  public boolean pathChecked() {
    return layersChecked.contains(Layer.NETWORK_ACLS) || layersChecked.contains(Layer.ROUTES);
  }

  /** The exposed ENIs the internet really gets to through the packet path ({@link PathReach#OPEN}). */
  public ImmutableList<Exposed> real() {
    return interfaces.stream().filter(x -> x.path() == PathReach.OPEN).collect(ImmutableList.toImmutableList());
  }

  /**
   * The exposed ENIs whose path is closed to every internet source ({@link PathReach#BLOCKED}): open by security
   * groups only.
   */
  public ImmutableList<Exposed> bySecurityGroupsOnly() {
    return interfaces.stream().filter(x -> x.path() == PathReach.BLOCKED).collect(ImmutableList.toImmutableList());
  }

  /** What the packet path makes of an ENI its security groups open to the internet. */
  public enum PathReach {
    /** No path layer was checked: the answer rests on security groups alone. */
    NOT_CHECKED,
    /** Some internet source gets some traffic the groups admit there and its reply back: real exposure. */
    OPEN,
    /**
     * Every internet source is stopped on the way (no public address, no route to an attached internet gateway, a
     * network ACL): open by security groups only.
     */
    BLOCKED,
    /** The path cannot be decided from the snapshot for the traffic the groups admit. */
    UNKNOWN
  }

  /**
   * Whether anything is exposed: {@link Outcome#ALLOWED} when some ENI surely is, {@link Outcome#UNKNOWN} when some
   * ENI maybe is (its exposure depends on data the snapshot lacks) and none surely is, {@link Outcome#DENIED} when no
   * ENI is listed or every listed one is open by security groups only (its packet path, checked, lets nothing in).
   */
  public Outcome outcome() {
    Outcome o = Outcome.DENIED;
    for (Exposed x : interfaces) {
      Outcome one = x.outcome();
      if (one == Outcome.ALLOWED) {
        return Outcome.ALLOWED;
      }
      if (one == Outcome.UNKNOWN) {
        o = Outcome.UNKNOWN;
      }
    }
    return o;
  }

  /**
   * One exposed ENI. Its path proof ({@link #pathProof()}) is worked out when first asked, once: {@code exposure()}
   * decides every ENI's path, and a region's answer does not carry tens of thousands of proofs nobody reads (the
   * command line prints the deciding hop of each, and so asks for every one).
   */
  public static final class Exposed {
    private final NetworkInterface eni;
    private final OpenPorts open;
    private final ImmutableList<RuleMatch> rules;
    private final boolean fromAnywhere;
    private final boolean hasPublicAddress;
    private final PathReach path;
    private final Supplier<Optional<PathVerdict>> pathProof;

    /**
     * An exposed ENI.
     *
     * @param eni the ENI
     * @param open the traffic the internet can open (ICMP only towards IPv4 addresses, ICMPv6 only towards IPv6)
     * @param rules the inbound rules that admit internet sources
     * @param fromAnywhere true when some rule admits {@code 0.0.0.0/0} or {@code ::/0}
     * @param hasPublicAddress true when the ENI has a public IPv4 or an IPv6 address
     * @param path whether the packet path lets the internet get there ({@link PathReach#NOT_CHECKED} without path
     *     layers)
     * @param pathProof the path of one internet source and traffic that shows it: one that gets through for
     *     {@link PathReach#OPEN}, the closest one otherwise; empty when the path was not checked
     */
    public Exposed(NetworkInterface eni, OpenPorts open, ImmutableList<RuleMatch> rules, boolean fromAnywhere,
        boolean hasPublicAddress, PathReach path, Optional<PathVerdict> pathProof) {
      this(eni, open, rules, fromAnywhere, hasPublicAddress, path,
          Suppliers.ofInstance(pathProof == null ? Optional.<PathVerdict>empty() : pathProof));
    }

    private Exposed(NetworkInterface eni, OpenPorts open, ImmutableList<RuleMatch> rules, boolean fromAnywhere,
        boolean hasPublicAddress, PathReach path, Supplier<Optional<PathVerdict>> pathProof) {
      this.eni = eni;
      this.open = open;
      this.rules = rules;
      this.fromAnywhere = fromAnywhere;
      this.hasPublicAddress = hasPublicAddress;
      this.path = path == null ? PathReach.NOT_CHECKED : path;
      this.pathProof = pathProof;
    }

    /** An ENI exposed by its security groups, the path not checked. */
    public Exposed(NetworkInterface eni, OpenPorts open, ImmutableList<RuleMatch> rules, boolean fromAnywhere,
        boolean hasPublicAddress) {
      this(eni, open, rules, fromAnywhere, hasPublicAddress, PathReach.NOT_CHECKED, Optional.empty());
    }

    /** The same ENI with what the path makes of it. */
    Exposed withPath(PathReach reach, Optional<PathVerdict> proof) {
      return new Exposed(eni, open, rules, fromAnywhere, hasPublicAddress, reach, proof);
    }

    /** The same ENI with what the path makes of it, its proof worked out (once) when first asked. */
    Exposed withPath(PathReach reach, java.util.function.Supplier<PathVerdict> proof) {
      return new Exposed(eni, open, rules, fromAnywhere, hasPublicAddress, reach,
          Suppliers.memoize(() -> Optional.of(proof.get())));
    }

    /** The ENI. */
    public NetworkInterface eni() {
      return eni;
    }

    /** The traffic the internet can open (ICMP only towards IPv4 addresses, ICMPv6 only towards IPv6). */
    public OpenPorts open() {
      return open;
    }

    /** The inbound rules that admit internet sources. */
    public ImmutableList<RuleMatch> rules() {
      return rules;
    }

    /** True when some rule admits {@code 0.0.0.0/0} or {@code ::/0}. */
    public boolean fromAnywhere() {
      return fromAnywhere;
    }

    /** True when the ENI has a public IPv4 or an IPv6 address. */
    public boolean hasPublicAddress() {
      return hasPublicAddress;
    }

    /** Whether the packet path lets the internet get there ({@link PathReach#NOT_CHECKED} without path layers). */
    public PathReach path() {
      return path;
    }

    /**
     * The path of one internet source and traffic that shows {@link #path()}: one that gets through for
     * {@link PathReach#OPEN}, the closest one otherwise; empty when the path was not checked or no path was tried
     * (the ENI has no address the internet can reach). Worked out on the first call.
     */
    public Optional<PathVerdict> pathProof() {
      return pathProof.get();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Exposed x && x.eni.equals(eni) && x.open.equals(open) && x.rules.equals(rules)
          && x.fromAnywhere == fromAnywhere && x.hasPublicAddress == hasPublicAddress && x.path == path
          && x.pathProof().equals(pathProof());
    }

    @Override
    public int hashCode() {
      return Objects.hash(eni, open, rules, fromAnywhere, hasPublicAddress, path, pathProof());
    }

    @Override
    public String toString() {
      return "Exposed[eni=" + eni + ", open=" + open + ", rules=" + rules + ", fromAnywhere=" + fromAnywhere
          + ", hasPublicAddress=" + hasPublicAddress + ", path=" + path + ", pathProof=" + pathProof() + "]";
    }

    /**
     * {@link Outcome#ALLOWED} when the internet can surely open something to the ENI, {@link Outcome#UNKNOWN} when it
     * only maybe can (what it could open depends on missing data: a group the snapshot lacks, a prefix list without
     * entries; or the packet path's data is missing), {@link Outcome#DENIED} when its groups admit the internet but
     * the packet path, checked, lets none of it through (open by security groups only).
     */
    public Outcome outcome() {
      if (path == PathReach.BLOCKED) {
        return Outcome.DENIED;
      }
      if (path == PathReach.UNKNOWN) {
        return Outcome.UNKNOWN;
      }
      return open.isEmpty() ? Outcome.UNKNOWN : Outcome.ALLOWED;
    }

    /**
     * The addresses the internet can reach the ENI at: its public and Elastic IPv4 addresses (the internet gateway
     * translates each to its private address) and its IPv6 addresses that are public. Empty for an ENI the internet
     * can reach by its security groups only: with no public address, only a path through something else (a load
     * balancer, a NAT, a peering) can bring internet traffic to it, and routes are not part of this answer.
     */
    public ImmutableList<Cidr> publicAddresses() {
      ImmutableList.Builder<Cidr> b = ImmutableList.builder();
      b.addAll(eni.publicIpv4());
      for (Cidr a : eni.ipv6()) {
        if (Internet.holdsPublic(a)) {
          b.add(a);
        }
      }
      return b.build();
    }
  }
}
