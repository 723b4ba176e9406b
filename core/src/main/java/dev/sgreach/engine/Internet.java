package dev.sgreach.engine;

import dev.sgreach.model.Cidr;
import dev.sgreach.model.Network;
import dev.sgreach.model.NetworkInterface;
import dev.sgreach.model.Subnet;
import dev.sgreach.model.Vpc;
import dev.sgreach.model.VpcPeering;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * "The internet" as exposure means it, for an ENI: every public address (outside the private, shared, loopback,
 * link-local, documentation, benchmark and multicast ranges for IPv4; the global unicast space {@code 2000::/3}
 * outside the documentation range {@code 2001:db8::/32} for IPv6) that is not in the ENI's own VPC nor in a VPC joined
 * to it by an active peering. A VPC's blocks are private to it even when they are public addresses (an IPv4 block
 * outside RFC 1918, every Amazon-provided IPv6 block): traffic from them comes from inside, not from the internet
 * (VPC user guide, "VPC CIDR blocks"; VPC peering guide, "VPC peering connections": peered VPCs talk over private
 * addresses). {@link #holds} is the one place that decides it; everything else asks it.
 *
 * <p>What the snapshot does not hold: a VPC without its record (no {@code describe-vpcs} entry, and for a peer VPC
 * no blocks in the peering's record) has blocks this cannot subtract. They contain the addresses known to be in that
 * VPC (its subnets' blocks, its ENIs' addresses), and no VPC block is larger than {@code /16} (IPv4, EC2 API
 * CreateVpc) or {@code /44} (IPv6, VPC user guide "IPv6 VPC CIDR blocks": {@code /44} to {@code /60} from an IPAM
 * pool, {@code /56} from Amazon). So a block no larger than that which meets such an address may lie wholly inside
 * that VPC: it holds the internet maybe ({@link Tri#U}), not surely. A larger block, or one meeting no known address
 * of an unrecorded VPC, is taken to reach the internet. Peerings the snapshot does not hold are not subtracted.
 */
final class Internet {
  private static final List<Cidr> RESERVED_V4 = List.of("0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8",
      "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24", "192.0.2.0/24", "192.168.0.0/16", "198.18.0.0/15",
      "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/3").stream().map(Cidr::parse).toList();
  private static final List<Cidr> RESERVED_V6 = List.of(Cidr.parse("2001:db8::/32"));
  private static final List<Cidr> PUBLIC_V4 = complement(Cidr.parse("0.0.0.0/0"), RESERVED_V4);
  private static final List<Cidr> PUBLIC_V6 = complement(Cidr.parse("2000::/3"), RESERVED_V6);
  /** The shortest prefix a VPC block can have, per family: IPv4 {@code /16}, IPv6 {@code /44}. */
  static final int LARGEST_VPC_BLOCK_V4 = 16;
  static final int LARGEST_VPC_BLOCK_V6 = 44;

  private final Network network;
  /** Per VPC id (empty for an ENI that names none): what is known of its private space. */
  private final Map<String, Space> spaces = new ConcurrentHashMap<>();

  Internet(Network network) {
    this.network = network;
  }

  /**
   * Whether {@code block} holds an address of the internet for an ENI of VPC {@code vpcId} (empty: an ENI that names
   * no VPC): {@link Tri#T} when it holds a public address outside the VPC's blocks and its active peers' blocks,
   * {@link Tri#F} when it holds none, {@link Tri#U} when what it holds may all lie in blocks of an unrecorded VPC
   * (see the class documentation).
   */
  int holds(String vpcId, Cidr block) {
    if (!holdsPublic(block)) {
      return Tri.F;
    }
    Space space = spaces.computeIfAbsent(vpcId, this::space);
    return space.answers.computeIfAbsent(block, b -> decide(space, b));
  }

  private static int decide(Space space, Cidr block) {
    if (firstIn(space, block) == null) {
      return Tri.F;
    }
    int largest = block.isIpv4() ? LARGEST_VPC_BLOCK_V4 : LARGEST_VPC_BLOCK_V6;
    if (block.length() >= largest) {
      for (Cidr known : space.unrecorded) {
        if (known.overlaps(block)) {
          return Tri.U;
        }
      }
    }
    return Tri.T;
  }

  /**
   * The first address of {@code block} that is public and outside the known blocks of VPC {@code vpcId} and its
   * peers (where {@link #holds} finds the internet), or null when it has none.
   */
  Cidr first(String vpcId, Cidr block) {
    Space space = spaces.computeIfAbsent(vpcId, this::space);
    return space.firsts.computeIfAbsent(block, b -> java.util.Optional.ofNullable(firstIn(space, b))).orElse(null);
  }

  private static Cidr firstIn(Space space, Cidr block) {
    for (Cidr pub : blocks(block.family())) {
      Cidr piece = pub.contains(block) ? block : block.contains(pub) ? pub : null;
      Cidr a = piece == null ? null : firstBeyond(piece, space.blocks);
      if (a != null) {
        return a;
      }
    }
    return null;
  }

  /** The first address of {@code block} that lies in none of {@code blocks}, or null. */
  private static Cidr firstBeyond(Cidr block, List<Cidr> blocks) {
    boolean touched = false;
    for (Cidr b : blocks) {
      if (b.contains(block)) {
        return null;
      }
      touched |= b.overlaps(block);
    }
    if (!touched) {
      return block.networkAddress();
    }
    Cidr low = firstBeyond(half(block, 0), blocks);
    return low != null ? low : firstBeyond(half(block, 1), blocks);
  }

  /**
   * What is known of one VPC's private space: the blocks of the VPC and of every VPC an active peering of the
   * snapshot joins it to (from the VPC's record, else from the peering's record of that side), and the addresses
   * known to lie in those of them whose blocks are not known.
   */
  private Space space(String vpcId) {
    List<Cidr> blocks = new ArrayList<>();
    List<Cidr> unrecorded = new ArrayList<>();
    add(vpcId, List.of(), blocks, unrecorded);
    if (!vpcId.isEmpty()) {
      for (VpcPeering p : network.peerings().values()) {
        if (p.isActive() && p.otherEnd(vpcId).isPresent() && !p.requesterVpcId().equals(p.accepterVpcId())) {
          String peer = p.otherEnd(vpcId).get();
          add(peer, p.side(peer).cidrs(), blocks, unrecorded);
        }
      }
    }
    return new Space(List.copyOf(blocks), List.copyOf(unrecorded));
  }

  private void add(String vpcId, List<Cidr> recordedByPeering, List<Cidr> blocks, List<Cidr> unrecorded) {
    Vpc vpc = vpcId.isEmpty() ? null : network.vpcs().get(vpcId);
    if (vpc != null && !vpc.cidrs().isEmpty()) {
      blocks.addAll(vpc.cidrs());
      return;
    }
    if (!recordedByPeering.isEmpty()) {
      blocks.addAll(recordedByPeering);
      return;
    }
    for (Subnet s : network.subnets().values()) {
      if (s.vpcId().equals(vpcId)) {
        unrecorded.addAll(s.cidrs());
      }
    }
    for (NetworkInterface e : network.interfaces().values()) {
      if (e.vpcId().equals(vpcId)) {
        unrecorded.addAll(e.addressBlocks());
      }
    }
  }

  /** One VPC's known private blocks, the known addresses of its unrecorded parts, and the answers worked out. */
  private record Space(List<Cidr> blocks, List<Cidr> unrecorded, Map<Cidr, Integer> answers,
      Map<Cidr, java.util.Optional<Cidr>> firsts) {
    Space(List<Cidr> blocks, List<Cidr> unrecorded) {
      this(blocks, unrecorded, new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
    }
  }

  /** True when the block holds at least one public address (of any VPC or none). */
  static boolean holdsPublic(Cidr block) {
    for (Cidr pub : blocks(block.family())) {
      if (block.overlaps(pub)) {
        return true;
      }
    }
    return false;
  }

  /** The public address space of a family (4 or 6) as disjoint blocks. */
  static List<Cidr> blocks(int family) {
    return family == 4 ? PUBLIC_V4 : PUBLIC_V6;
  }

  /** The parts of {@code block} outside every block of {@code reserved}, as the fewest halvings give them. */
  static List<Cidr> complement(Cidr block, List<Cidr> reserved) {
    List<Cidr> out = new ArrayList<>();
    split(block, reserved, out);
    return List.copyOf(out);
  }

  private static void split(Cidr block, List<Cidr> reserved, List<Cidr> out) {
    boolean touched = false;
    for (Cidr r : reserved) {
      if (r.contains(block)) {
        return;
      }
      touched |= r.overlaps(block);
    }
    if (!touched) {
      out.add(block);
      return;
    }
    split(half(block, 0), reserved, out);
    split(half(block, 1), reserved, out);
  }

  /** The lower (0) or upper (1) half of a block. */
  private static Cidr half(Cidr block, int which) {
    int len = block.length() + 1;
    if (block.isIpv4()) {
      long v = block.low() | (long) which << (32 - len);
      return Cidr.parse(((v >>> 24) & 0xFF) + "." + ((v >>> 16) & 0xFF) + "." + ((v >>> 8) & 0xFF) + "."
          + (v & 0xFF) + "/" + len);
    }
    long hi = block.high();
    long lo = block.low();
    if (len <= 64) {
      hi |= (long) which << (64 - len);
    } else {
      lo |= (long) which << (128 - len);
    }
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      long word = i < 4 ? hi >>> (48 - 16 * i) : lo >>> (48 - 16 * (i - 4));
      b.append(i == 0 ? "" : ":").append(Long.toHexString(word & 0xFFFF));
    }
    return Cidr.parse(b.append('/').append(len).toString());
  }
}
