package dev.sgreach.model;

import com.google.common.collect.ImmutableList;

/**
 * A VPC: its id, owning account and CIDR blocks (IPv4 and IPv6).
 *
 * @param id {@code vpc-...}
 * @param ownerId the owning account, empty when unknown
 * @param cidrs the VPC's IPv4 and IPv6 blocks
 */
public record Vpc(String id, String ownerId, ImmutableList<Cidr> cidrs) {
  public Vpc {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("VPC needs a VpcId");
    }
    ownerId = ownerId == null ? "" : ownerId;
    cidrs = cidrs == null ? ImmutableList.of() : cidrs;
  }

  /** A VPC with these blocks. */
  public static Vpc of(String id, String... cidrs) {
    ImmutableList.Builder<Cidr> b = ImmutableList.builder();
    for (String c : cidrs) {
      b.add(Cidr.parse(c));
    }
    return new Vpc(id, "", b.build());
  }
}
