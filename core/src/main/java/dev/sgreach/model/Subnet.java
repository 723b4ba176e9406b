package dev.sgreach.model;

import com.google.common.collect.ImmutableList;

/**
 * A subnet as {@code describe-subnets} returns it: the part of a VPC's address space in one availability zone whose
 * boundary network ACLs guard and whose route table decides where packets leaving it go.
 *
 * @param id {@code subnet-...}
 * @param vpcId the VPC
 * @param ownerId the owning account, empty when unknown
 * @param availabilityZone the zone name, e.g. {@code us-east-2a}, empty when unknown
 * @param availabilityZoneId the zone id, e.g. {@code use2-az1}, empty when unknown; unlike the name it means the same
 *     zone in every account
 * @param cidrs the subnet's blocks: its IPv4 {@code CidrBlock} and the IPv6 blocks of its
 *     {@code Ipv6CidrBlockAssociationSet} (an IPv6-only subnet has no IPv4 block)
 */
public record Subnet(String id, String vpcId, String ownerId, String availabilityZone, String availabilityZoneId,
    ImmutableList<Cidr> cidrs) {

  public Subnet {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("subnet needs a SubnetId");
    }
    if (vpcId == null || vpcId.isBlank()) {
      throw new IllegalArgumentException(id + ": subnet needs a VpcId");
    }
    ownerId = ownerId == null ? "" : ownerId;
    availabilityZone = availabilityZone == null ? "" : availabilityZone;
    availabilityZoneId = availabilityZoneId == null ? "" : availabilityZoneId;
    cidrs = cidrs == null ? ImmutableList.of() : cidrs;
    if (cidrs.isEmpty()) {
      throw new IllegalArgumentException(id + ": subnet needs a CidrBlock or an IPv6 CIDR block");
    }
    for (int i = 0; i < cidrs.size(); i++) {
      for (int j = i + 1; j < cidrs.size(); j++) {
        if (cidrs.get(i).overlaps(cidrs.get(j))) {
          throw new IllegalArgumentException(id + ": subnet blocks " + cidrs.get(i).toCidrString() + " and "
              + cidrs.get(j).toCidrString() + " overlap");
        }
      }
    }
  }

  /** A subnet of this VPC in this zone with these blocks ({@code 10.0.1.0/24}, {@code 2600:1f18:0:1::/64}). */
  public static Subnet of(String id, String vpcId, String availabilityZone, String... cidrs) {
    ImmutableList.Builder<Cidr> b = ImmutableList.builder();
    for (String c : cidrs) {
      b.add(Cidr.parse(c));
    }
    return new Subnet(id, vpcId, "", availabilityZone, "", b.build());
  }

  /** True when the address (or block) lies inside one of the subnet's blocks. */
  public boolean contains(Cidr address) {
    for (Cidr c : cidrs) {
      if (c.contains(address)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return id;
  }
}
