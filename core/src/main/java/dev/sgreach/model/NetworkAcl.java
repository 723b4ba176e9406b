package dev.sgreach.model;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A network ACL as {@code describe-network-acls} returns it: a stateless filter on the boundary of the subnets
 * associated with it, with numbered inbound and outbound entries.
 *
 * <p>AWS's rules (DOMAIN-PATH.md table 1a): each direction is one list ordered by rule number, lowest first; the first
 * entry that matches the packet (protocol, destination port or ICMP type/code, and the CIDR of the packet's source
 * when inbound or destination when outbound) decides; a packet that matches no entry is denied by the final {@code *}
 * rule, which Describe shows as rule 32767 (IPv4) and 32768 (IPv6). IPv4 entries never match IPv6 packets and the
 * other way round. The model keeps the entries as given, in any order and with or without the {@code *} entries;
 * evaluation sorts them and always ends with the implicit deny.
 *
 * <p>Every subnet uses exactly one ACL: the one whose {@link #subnetIds()} lists it, else its VPC's default ACL
 * ({@link #isDefault()}).
 *
 * <pre>{@code
 * NetworkAcl acl = NetworkAcl.builder("acl-1").vpc("vpc-1").subnets("subnet-a")
 *     .inbound(100, NetworkAcl.Action.ALLOW, Ports.tcp(443), "10.0.0.0/16")
 *     .inbound(200, NetworkAcl.Action.ALLOW, Ports.tcp(1024, 65535), "0.0.0.0/0")
 *     .outbound(100, NetworkAcl.Action.ALLOW, Ports.allTraffic(), "0.0.0.0/0")
 *     .build();
 * }</pre>
 *
 * @param id {@code acl-...}
 * @param vpcId the VPC
 * @param ownerId the owning account, empty when unknown
 * @param isDefault true for the VPC's default ACL, which serves every subnet not associated with another
 * @param entries the inbound and outbound entries, in the order given
 * @param subnetIds the subnets associated with this ACL ({@code Associations[].SubnetId})
 */
public record NetworkAcl(String id, String vpcId, String ownerId, boolean isDefault, ImmutableList<Entry> entries,
    ImmutableList<String> subnetIds) {

  /** The highest rule number a user entry can have. */
  public static final int MAX_RULE_NUMBER = 32766;

  public NetworkAcl {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("network ACL needs a NetworkAclId");
    }
    if (vpcId == null || vpcId.isBlank()) {
      throw new IllegalArgumentException(id + ": network ACL needs a VpcId");
    }
    ownerId = ownerId == null ? "" : ownerId;
    entries = entries == null ? ImmutableList.of() : entries;
    subnetIds = subnetIds == null ? ImmutableList.of() : ImmutableList.copyOf(new LinkedHashSet<>(subnetIds));
    Map<String, Entry> seen = new HashMap<>();
    for (Entry e : entries) {
      Entry previous = seen.putIfAbsent((e.egress() ? "out" : "in") + e.ruleNumber(), e);
      if (previous != null && !previous.equals(e)) {
        throw new IllegalArgumentException(id + ": two " + e.directionWord() + " entries have rule number "
            + e.ruleNumberText() + ": '" + previous.describe() + "' and '" + e.describe() + "'");
      }
    }
  }

  /** A builder for the ACL with this id. */
  public static Builder builder(String id) {
    return new Builder(id);
  }

  /**
   * A default ACL as AWS creates it: inbound and outbound rule 100 allows all IPv4 traffic, rule 101 all IPv6 traffic,
   * then the {@code *} denies.
   */
  public static NetworkAcl defaultAllowAll(String id, String vpcId, String... subnetIds) {
    Builder b = builder(id).vpc(vpcId).isDefault(true).subnets(subnetIds);
    for (boolean egress : new boolean[] {false, true}) {
      b.entry(new Entry(100, egress, Ports.allTraffic(), Cidr.parse("0.0.0.0/0"), Action.ALLOW));
      b.entry(new Entry(101, egress, Ports.allTraffic(), Cidr.parse("::/0"), Action.ALLOW));
      b.entry(new Entry(32767, egress, Ports.allTraffic(), Cidr.parse("0.0.0.0/0"), Action.DENY));
      b.entry(new Entry(32768, egress, Ports.allTraffic(), Cidr.parse("::/0"), Action.DENY));
    }
    return b.build();
  }

  /** The inbound ({@code egress == false}) or outbound entries, in the order given. */
  public ImmutableList<Entry> entries(boolean egress) {
    return entries.stream().filter(e -> e.egress() == egress).collect(ImmutableList.toImmutableList());
  }

  @Override
  public String toString() {
    return id;
  }

  /** What an entry does to the packets it matches. */
  public enum Action {
    /** The packet passes this direction of the subnet boundary. */
    ALLOW,
    /** The packet is dropped. */
    DENY;

    /** Parses AWS's {@code RuleAction}: {@code allow} or {@code deny}, any case. */
    public static Action parse(String text) {
      String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
      return switch (t) {
        case "allow" -> ALLOW;
        case "deny" -> DENY;
        default -> throw new IllegalArgumentException("unknown network ACL RuleAction '" + text
            + "': use allow or deny");
      };
    }

    /** {@code allow} or {@code deny}, as AWS writes it. */
    public String word() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * One numbered entry of a network ACL ({@code Entries[]} of {@code describe-network-acls}).
   *
   * <p>What it matches (DOMAIN-PATH.md table 1b): protocol {@code -1} matches every packet; TCP and UDP a destination
   * port range; ICMP and ICMPv6 a type and code (-1 any); any other protocol number the whole protocol. ICMPv6 with an
   * IPv4 CIDR admits every ICMPv6 type, as AWS does. The CIDR is the packet's source for an inbound entry and its
   * destination for an outbound one.
   *
   * @param ruleNumber 1..32766, or 32767 / 32768 for the final {@code *} deny that Describe lists
   * @param egress true for an outbound entry ({@code Egress})
   * @param ports the protocol with its port range or ICMP type/code
   * @param cidr the IPv4 ({@code CidrBlock}) or IPv6 ({@code Ipv6CidrBlock}) block
   * @param action allow or deny
   */
  public record Entry(int ruleNumber, boolean egress, Ports ports, Cidr cidr, Action action) {
    public Entry {
      if (ports == null) {
        throw new IllegalArgumentException("network ACL rule " + ruleNumber + " needs a Protocol");
      }
      if (cidr == null) {
        throw new IllegalArgumentException("network ACL rule " + ruleNumber + " needs a CidrBlock or Ipv6CidrBlock");
      }
      if (action == null) {
        throw new IllegalArgumentException("network ACL rule " + ruleNumber + " needs a RuleAction");
      }
      if (ruleNumber > MAX_RULE_NUMBER) {
        if (ruleNumber > 32768 || action != Action.DENY || !ports.isAllTraffic() || !cidr.isAnywhere()) {
          throw new IllegalArgumentException("network ACL rule number " + ruleNumber
              + " must be in 1..32766 (32767 and 32768 are only the final '*' deny of all traffic)");
        }
      } else if (ruleNumber < 1) {
        throw new IllegalArgumentException("network ACL rule number " + ruleNumber + " must be in 1..32766");
      }
      if (ports.protocol().equals(Protocol.ICMPV6) && cidr.isIpv4()) {
        ports = Ports.icmpv6All(); // AWS: with an IPv4 CIDR an ICMPv6 entry admits every type and code
      }
    }

    /** An inbound entry: the CIDR is the packet's source. */
    public static Entry inbound(int ruleNumber, Action action, Ports ports, String cidr) {
      return new Entry(ruleNumber, false, ports, Cidr.parse(cidr), action);
    }

    /** An outbound entry: the CIDR is the packet's destination. */
    public static Entry outbound(int ruleNumber, Action action, Ports ports, String cidr) {
      return new Entry(ruleNumber, true, ports, Cidr.parse(cidr), action);
    }

    /** True for the final {@code *} deny that Describe lists as rule 32767 or 32768. */
    public boolean isFinalDeny() {
      return ruleNumber > MAX_RULE_NUMBER;
    }

    /** The rule number as the console prints it: {@code 100}, or {@code *} for the final deny. */
    public String ruleNumberText() {
      return isFinalDeny() ? "*" : Integer.toString(ruleNumber);
    }

    /** {@code inbound} or {@code outbound}. */
    public String directionWord() {
      return egress ? "outbound" : "inbound";
    }

    /** {@code inbound rule 100: allow tcp 443 from 10.0.0.0/16}. */
    public String describe() {
      return directionWord() + " rule " + ruleNumberText() + ": " + action.word() + " " + ports + " "
          + (egress ? "to " : "from ") + cidr.toCidrString();
    }

    @Override
    public String toString() {
      return describe();
    }
  }

  /** Builds a {@link NetworkAcl}; CIDR arguments are parsed strictly. */
  public static final class Builder {
    private final String id;
    private String vpcId = "";
    private String ownerId = "";
    private boolean isDefault;
    private final List<Entry> entries = new ArrayList<>();
    private final Set<String> subnets = new LinkedHashSet<>();

    private Builder(String id) {
      this.id = id;
    }

    /** The VPC. */
    public Builder vpc(String value) {
      vpcId = value;
      return this;
    }

    /** The owning account. */
    public Builder owner(String value) {
      ownerId = value;
      return this;
    }

    /** Whether this is the VPC's default ACL. */
    public Builder isDefault(boolean value) {
      isDefault = value;
      return this;
    }

    /** Adds an inbound entry. */
    public Builder inbound(int ruleNumber, Action action, Ports ports, String cidr) {
      return entry(Entry.inbound(ruleNumber, action, ports, cidr));
    }

    /** Adds an outbound entry. */
    public Builder outbound(int ruleNumber, Action action, Ports ports, String cidr) {
      return entry(Entry.outbound(ruleNumber, action, ports, cidr));
    }

    /** Adds an entry. */
    public Builder entry(Entry entry) {
      entries.add(entry);
      return this;
    }

    /** Associates subnets. */
    public Builder subnets(String... subnetIds) {
      subnets.addAll(List.of(subnetIds));
      return this;
    }

    /** Associates subnets. */
    public Builder subnets(Iterable<String> subnetIds) {
      subnetIds.forEach(subnets::add);
      return this;
    }

    /** The ACL. */
    public NetworkAcl build() {
      return new NetworkAcl(id, vpcId, ownerId, isDefault, ImmutableList.copyOf(entries),
          ImmutableList.copyOf(subnets));
    }
  }
}
