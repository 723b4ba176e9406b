package dev.sgreach.engine;

import static dev.sgreach.engine.Tri.F;
import static dev.sgreach.engine.Tri.T;
import static dev.sgreach.engine.Tri.U;

import dev.sgreach.model.Cidr;
import dev.sgreach.model.Subnet;
import dev.sgreach.model.Vpc;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Addresses whose traffic security groups never filter (EC2 user guide, "Security group rules": security groups do
 * not filter traffic to or from Amazon DNS, Amazon DHCP, instance metadata, ECS task metadata, Windows licence
 * activation, Amazon Time Sync and the reserved addresses of the default VPC router):
 *
 * <ul>
 *   <li>fixed link-local ones: 169.254.169.253 (DNS), 169.254.169.254 and fd00:ec2::254 (instance metadata),
 *       169.254.169.123 and fd00:ec2::123 (Time Sync), fd00:ec2::253 (DNS over IPv6), 169.254.170.2 (ECS task
 *       metadata), 169.254.169.250 and 169.254.169.251 (Windows licence activation);</li>
 *   <li>the Amazon DNS server of the ENI's own VPC, its primary IPv4 block's base plus two (VPC user guide, "Amazon
 *       DNS server"), and the VPC router of each of its subnets, the subnet's base plus one (VPC user guide, "Subnet
 *       CIDR blocks": reserved for the VPC router, which also answers DHCP).</li>
 * </ul>
 *
 * <p>A fact about the party on the other side of a flow: when an ENI's flow has an outside party at one of these
 * addresses, the ENI's side is allowed whatever its rules. When the snapshot lacks the ENI's VPC blocks, its DNS
 * address is not known: an outside IPv4 address that could be a VPC's base plus two (its last four bits {@code 0010},
 * since a VPC block is at most a {@code /16} and at least a {@code /28}) is unknown as a destination unless a rule
 * admits it ({@link SideJudge#neverFiltered}: a DNS server answers, it opens no connection to an ENI).
 */
final class NeverFiltered {
  private static final Map<Cidr, String> FIXED = fixed();
  private final Index index;
  /**
   * Per VPC number ({@link Index#eniVpc}): its DNS and router addresses with what each is, or null when the VPC's
   * blocks are not known (or the ENI names no VPC).
   */
  private final Map<Cidr, String>[] byVpc;

  @SuppressWarnings("unchecked")
  NeverFiltered(Index index) {
    this.index = index;
    Map<String, Map<Cidr, String>> found = new HashMap<>();
    for (Vpc v : index.network.vpcs().values()) {
      Optional<Cidr> primary = v.cidrs().stream().filter(Cidr::isIpv4).findFirst();
      if (primary.isPresent()) {
        Map<Cidr, String> m = new LinkedHashMap<>();
        m.put(plus(primary.get(), 2), "the Amazon DNS server of " + v.id() + " (its base address plus two)");
        found.put(v.id(), m);
      }
    }
    for (Subnet s : index.network.subnets().values()) {
      Map<Cidr, String> m = found.get(s.vpcId());
      if (m != null) {
        for (Cidr c : s.cidrs()) {
          if (c.isIpv4() && c.length() <= 30) {
            m.putIfAbsent(plus(c, 1), "the VPC router of " + s.id() + " (its base address plus one; DHCP)");
          }
        }
      }
    }
    // one lookup per VPC number, by its first ENI: not one per ENI by its VPC id
    int vpcs = 0;
    for (int v : index.eniVpc) {
      vpcs = Math.max(vpcs, v + 1);
    }
    this.byVpc = new Map[vpcs];
    boolean[] looked = new boolean[vpcs];
    for (int i = 0; i < index.enis.length; i++) {
      int v = index.eniVpc[i];
      if (v >= 0 && !looked[v]) {
        looked[v] = true;
        byVpc[v] = found.get(index.enis[i].vpcId());
      }
    }
  }

  private static Map<Cidr, String> fixed() {
    Map<Cidr, String> m = new LinkedHashMap<>();
    m.put(Cidr.parseAddress("169.254.169.253"), "the Amazon DNS server");
    m.put(Cidr.parseAddress("fd00:ec2::253"), "the Amazon DNS server");
    m.put(Cidr.parseAddress("169.254.169.254"), "the instance metadata service");
    m.put(Cidr.parseAddress("fd00:ec2::254"), "the instance metadata service");
    m.put(Cidr.parseAddress("169.254.169.123"), "the Amazon Time Sync Service");
    m.put(Cidr.parseAddress("fd00:ec2::123"), "the Amazon Time Sync Service");
    m.put(Cidr.parseAddress("169.254.170.2"), "the ECS task metadata endpoint");
    m.put(Cidr.parseAddress("169.254.169.250"), "Windows licence activation");
    m.put(Cidr.parseAddress("169.254.169.251"), "Windows licence activation");
    return m;
  }

  private static Cidr plus(Cidr block, int n) {
    long a = block.networkAddress().low() + n;
    return Cidr.parseAddress(((a >> 24) & 255) + "." + ((a >> 16) & 255) + "." + ((a >> 8) & 255) + "." + (a & 255));
  }

  /**
   * For ENI {@code self}'s flow with an outside party at {@code other}: {@link Tri#T} when security groups do not
   * filter it, {@link Tri#U} when the address could be the VPC's DNS server and the VPC's blocks are not known,
   * {@link Tri#F} otherwise (the rules decide).
   */
  int judge(int self, Cidr other) {
    if (!other.isSingleAddress()) {
      return F;
    }
    if (FIXED.containsKey(other)) {
      return T;
    }
    if (!other.isIpv4()) {
      return F;
    }
    Map<Cidr, String> own = ofVpc(self);
    if (own == null) {
      return (other.low() & 15) == 2 ? U : F;
    }
    return own.containsKey(other) ? T : F;
  }

  private Map<Cidr, String> ofVpc(int self) {
    int v = index.eniVpc[self];
    return v < 0 ? null : byVpc[v];
  }

  /** What the address is, for the proof, when {@link #judge} is T; why it may be, when U. */
  String why(int self, Cidr other) {
    String what = FIXED.get(other);
    if (what == null) {
      Map<Cidr, String> own = ofVpc(self);
      what = own == null ? null : own.get(other);
    }
    if (what != null) {
      return other.addressString() + " is " + what + ": security groups do not filter traffic to or from it";
    }
    String vpc = index.enis[self].vpcId().isEmpty() ? "its VPC" : index.enis[self].vpcId();
    return other.addressString() + " may be the Amazon DNS server of " + vpc + " (whose blocks are not in the"
        + " snapshot), which security groups do not filter";
  }

  /**
   * The addresses never filtered for ENI {@code self} of these families (bits, {@link Index#familyBit}), as blocks
   * for who-can-reach; whether its DNS address is not known.
   */
  List<Cidr> blocks(int self, int families) {
    List<Cidr> out = new ArrayList<>();
    List<Cidr> all = new ArrayList<>(FIXED.keySet());
    Map<Cidr, String> own = ofVpc(self);
    if (own != null) {
      all.addAll(own.keySet());
    }
    for (Cidr c : all) {
      if ((families & Index.familyBit(c.family())) != 0) {
        out.add(c);
      }
    }
    return out;
  }

  /** True when ENI {@code self}'s VPC blocks are not in the snapshot, so its DNS address is not known. */
  boolean dnsUnknown(int self) {
    return ofVpc(self) == null;
  }
}
