package dev.sgreach.model;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An elastic network interface (ENI) as {@code DescribeNetworkInterfaces} returns it: the thing security groups are
 * attached to. Its private IPv4 and IPv6 addresses and delegated prefixes are where SG references match; public
 * and Elastic IPs are kept but never match a reference.
 *
 * @param id {@code eni-...}
 * @param vpcId the VPC
 * @param subnetId the subnet, empty when unknown
 * @param availabilityZone the zone, empty when unknown
 * @param interfaceType AWS's {@code InterfaceType} ({@code interface}, {@code trunk}, {@code branch},
 *     {@code vpc_endpoint}, {@code network_load_balancer}, ...), kept as an open string
 * @param description AWS's description, e.g. {@code Amazon EKS ekscluster1} for a control-plane ENI
 * @param requesterId the service that created it, e.g. {@code amazon-elb}, empty when none
 * @param requesterManaged true when an AWS service manages it
 * @param ownerId the account that owns it
 * @param attachment the instance attachment, if attached
 * @param privateIpv4 primary first, then secondary private IPv4 addresses
 * @param ipv6 the IPv6 addresses
 * @param prefixes the delegated IPv4 ({@code /28}) and IPv6 ({@code /80}) prefixes; their addresses belong to the ENI
 * @param publicIpv4 associated public or Elastic IPv4 addresses (never matched by SG references)
 * @param securityGroupIds the attached groups in AWS's order
 * @param tags the ENI's tags
 * @param publicIpv4ByPrivate which private IPv4 address each public address is associated with
 *     ({@code PrivateIpAddresses[].Association.PublicIp}), as far as known; an internet gateway translates only
 *     these pairs
 */
public record NetworkInterface(
    String id,
    String vpcId,
    String subnetId,
    String availabilityZone,
    String interfaceType,
    String description,
    String requesterId,
    boolean requesterManaged,
    String ownerId,
    Optional<Attachment> attachment,
    ImmutableList<Cidr> privateIpv4,
    ImmutableList<Cidr> ipv6,
    ImmutableList<Cidr> prefixes,
    ImmutableList<Cidr> publicIpv4,
    ImmutableList<String> securityGroupIds,
    ImmutableMap<String, String> tags,
    ImmutableMap<Cidr, Cidr> publicIpv4ByPrivate) {

  public NetworkInterface {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("network interface needs a NetworkInterfaceId");
    }
    vpcId = vpcId == null ? "" : vpcId;
    subnetId = subnetId == null ? "" : subnetId;
    availabilityZone = availabilityZone == null ? "" : availabilityZone;
    interfaceType = interfaceType == null || interfaceType.isEmpty() ? "interface" : interfaceType;
    description = description == null ? "" : description;
    requesterId = requesterId == null ? "" : requesterId;
    ownerId = ownerId == null ? "" : ownerId;
    attachment = attachment == null ? Optional.empty() : attachment;
    privateIpv4 = privateIpv4 == null ? ImmutableList.of() : privateIpv4;
    ipv6 = ipv6 == null ? ImmutableList.of() : ipv6;
    prefixes = prefixes == null ? ImmutableList.of() : prefixes;
    publicIpv4 = publicIpv4 == null ? ImmutableList.of() : publicIpv4;
    securityGroupIds = securityGroupIds == null ? ImmutableList.of() : securityGroupIds;
    tags = tags == null ? ImmutableMap.of() : tags;
    publicIpv4ByPrivate = publicIpv4ByPrivate == null ? ImmutableMap.of() : publicIpv4ByPrivate;
    for (Map.Entry<Cidr, Cidr> m : publicIpv4ByPrivate.entrySet()) {
      if (!privateIpv4.contains(m.getKey())) {
        throw new IllegalArgumentException(id + ": public IPv4 address " + m.getValue() + " is associated with "
            + m.getKey() + ", which is not one of its private IPv4 addresses");
      }
      if (!publicIpv4.contains(m.getValue())) {
        throw new IllegalArgumentException(id + ": public IPv4 address " + m.getValue() + " is associated with "
            + m.getKey() + " but is not among its public addresses");
      }
    }
    for (Cidr a : privateIpv4) {
      check(id, "private IPv4 address", a, 4, true);
    }
    for (Cidr a : ipv6) {
      check(id, "IPv6 address", a, 6, true);
    }
    for (Cidr a : publicIpv4) {
      check(id, "public IPv4 address", a, 4, true);
    }
  }

  /**
   * An ENI whose public addresses are not tied to private ones (the shape before {@link #publicIpv4ByPrivate()}
   * existed).
   */
  public NetworkInterface(String id, String vpcId, String subnetId, String availabilityZone, String interfaceType,
      String description, String requesterId, boolean requesterManaged, String ownerId, Optional<Attachment> attachment,
      ImmutableList<Cidr> privateIpv4, ImmutableList<Cidr> ipv6, ImmutableList<Cidr> prefixes,
      ImmutableList<Cidr> publicIpv4, ImmutableList<String> securityGroupIds, ImmutableMap<String, String> tags) {
    this(id, vpcId, subnetId, availabilityZone, interfaceType, description, requesterId, requesterManaged, ownerId,
        attachment, privateIpv4, ipv6, prefixes, publicIpv4, securityGroupIds, tags, ImmutableMap.of());
  }

  private static void check(String id, String what, Cidr a, int family, boolean single) {
    if (a.family() != family) {
      throw new IllegalArgumentException(id + ": " + what + " '" + a + "' is not an IPv" + family + " address");
    }
    if (single && !a.isSingleAddress()) {
      throw new IllegalArgumentException(id + ": " + what + " '" + a.toCidrString() + "' is a block, not an address");
    }
  }

  /** A builder for the ENI with this id. */
  public static Builder builder(String id) {
    return new Builder(id);
  }

  /** A builder that starts from this ENI. */
  public Builder toBuilder() {
    Builder b = new Builder(id).vpc(vpcId).subnet(subnetId).availabilityZone(availabilityZone)
        .interfaceType(interfaceType).description(description).requester(requesterId, requesterManaged)
        .owner(ownerId);
    attachment.ifPresent(a -> b.attachment = a);
    b.privateIpv4.addAll(privateIpv4);
    b.ipv6.addAll(ipv6);
    b.prefixes.addAll(prefixes);
    b.publicIpv4.addAll(publicIpv4);
    b.groups.addAll(securityGroupIds);
    b.tags.putAll(tags);
    b.publicByPrivate.putAll(publicIpv4ByPrivate);
    return b;
  }

  /** All private addresses: IPv4 first, then IPv6. */
  public ImmutableList<Cidr> privateAddresses() {
    // most ENIs have one family: their own list, without a copy
    return ipv6.isEmpty() ? privateIpv4 : privateIpv4.isEmpty() ? ipv6
        : ImmutableList.<Cidr>builder().addAll(privateIpv4).addAll(ipv6).build();
  }

  /**
   * Every address block the ENI answers for: its private IPv4 and IPv6 addresses (as {@code /32} and {@code /128}),
   * then its delegated prefixes (pods on a node with prefix delegation send and receive from these). This is what an
   * ENI endpoint stands for in a flow.
   */
  public ImmutableList<Cidr> addressBlocks() {
    return prefixes.isEmpty() ? privateAddresses()
        : ImmutableList.<Cidr>builder().addAll(privateIpv4).addAll(ipv6).addAll(prefixes).build();
  }

  /** The instance it is attached to, if any. */
  public Optional<String> instanceId() {
    return attachment.flatMap(Attachment::instanceId);
  }

  /** The value of tag {@code key}, if present. */
  public Optional<String> tag(String key) {
    return Optional.ofNullable(tags.get(key));
  }

  /** {@code eni-0a1 (10.0.1.5)}: the id and its first private address. */
  public String label() {
    List<Cidr> all = privateAddresses();
    return all.isEmpty() ? id : id + " (" + all.get(0) + ")";
  }

  @Override
  public String toString() {
    return label();
  }

  /**
   * An ENI's attachment: the instance (absent for EKS control-plane and load-balancer ENIs), the account owning the
   * instance, and the device index (0 for an instance's primary ENI).
   */
  public record Attachment(Optional<String> instanceId, String instanceOwnerId, int deviceIndex) {
    public Attachment {
      instanceId = instanceId == null ? Optional.empty() : instanceId.filter(s -> !s.isEmpty());
      instanceOwnerId = instanceOwnerId == null ? "" : instanceOwnerId;
    }

    /** An attachment to an instance at this device index. */
    public static Attachment toInstance(String instanceId, int deviceIndex) {
      return new Attachment(Optional.ofNullable(instanceId), "", deviceIndex);
    }
  }

  /** Builds a {@link NetworkInterface}. Address arguments are parsed strictly. */
  public static final class Builder {
    private final String id;
    private String vpcId = "";
    private String subnetId = "";
    private String availabilityZone = "";
    private String interfaceType = "interface";
    private String description = "";
    private String requesterId = "";
    private boolean requesterManaged;
    private String ownerId = "";
    private Attachment attachment;
    private final List<Cidr> privateIpv4 = new ArrayList<>();
    private final List<Cidr> ipv6 = new ArrayList<>();
    private final List<Cidr> prefixes = new ArrayList<>();
    private final List<Cidr> publicIpv4 = new ArrayList<>();
    private final List<String> groups = new ArrayList<>();
    private final Map<String, String> tags = new LinkedHashMap<>();
    private final Map<Cidr, Cidr> publicByPrivate = new LinkedHashMap<>();

    private Builder(String id) {
      this.id = id;
    }

    /** The VPC. */
    public Builder vpc(String value) {
      vpcId = value;
      return this;
    }

    /** The subnet. */
    public Builder subnet(String value) {
      subnetId = value;
      return this;
    }

    /** The availability zone. */
    public Builder availabilityZone(String value) {
      availabilityZone = value;
      return this;
    }

    /** AWS's {@code InterfaceType}. */
    public Builder interfaceType(String value) {
      interfaceType = value;
      return this;
    }

    /** AWS's description. */
    public Builder description(String value) {
      description = value;
      return this;
    }

    /** The requester and whether AWS manages the ENI. */
    public Builder requester(String id, boolean managed) {
      requesterId = id;
      requesterManaged = managed;
      return this;
    }

    /** The owning account. */
    public Builder owner(String value) {
      ownerId = value;
      return this;
    }

    /** Attached to an instance at this device index. */
    public Builder attachedTo(String instanceId, int deviceIndex) {
      attachment = Attachment.toInstance(instanceId, deviceIndex);
      return this;
    }

    /** An attachment as AWS describes it. */
    public Builder attachment(Attachment value) {
      attachment = value;
      return this;
    }

    /** Adds a private address, IPv4 or IPv6 by its form. */
    public Builder address(String address) {
      return address(Cidr.parseAddress(address));
    }

    /** Adds a private address, IPv4 or IPv6 by its family. */
    public Builder address(Cidr address) {
      (address.isIpv4() ? privateIpv4 : ipv6).add(address);
      return this;
    }

    /** Adds several private addresses. */
    public Builder addresses(String... addresses) {
      for (String a : addresses) {
        address(a);
      }
      return this;
    }

    /** Adds a delegated prefix ({@code /28} IPv4, {@code /80} IPv6). */
    public Builder prefix(String cidr) {
      prefixes.add(Cidr.parse(cidr));
      return this;
    }

    /** Adds a delegated prefix. */
    public Builder prefix(Cidr cidr) {
      prefixes.add(cidr);
      return this;
    }

    /** Adds a public or Elastic IPv4 address. */
    public Builder publicIp(String address) {
      publicIpv4.add(Cidr.parseAddress(address));
      return this;
    }

    /**
     * Adds a public or Elastic IPv4 address associated with one of the ENI's private IPv4 addresses (add that private
     * address too).
     */
    public Builder publicIp(String publicAddress, String privateAddress) {
      Cidr pub = Cidr.parseAddress(publicAddress);
      if (!publicIpv4.contains(pub)) {
        publicIpv4.add(pub);
      }
      publicByPrivate.put(Cidr.parseAddress(privateAddress), pub);
      return this;
    }

    /** Attaches security groups, in order. */
    public Builder groups(String... groupIds) {
      groups.addAll(List.of(groupIds));
      return this;
    }

    /** Attaches security groups, in order. */
    public Builder groups(Iterable<String> groupIds) {
      groupIds.forEach(groups::add);
      return this;
    }

    /** Detaches every group. */
    public Builder clearGroups() {
      groups.clear();
      return this;
    }

    /** Adds or replaces a tag. */
    public Builder tag(String key, String value) {
      tags.put(key, value);
      return this;
    }

    /** The ENI. */
    public NetworkInterface build() {
      return new NetworkInterface(id, vpcId, subnetId, availabilityZone, interfaceType, description, requesterId,
          requesterManaged, ownerId, Optional.ofNullable(attachment), ImmutableList.copyOf(privateIpv4),
          ImmutableList.copyOf(ipv6), ImmutableList.copyOf(prefixes), ImmutableList.copyOf(publicIpv4),
          ImmutableList.copyOf(groups), ImmutableMap.copyOf(tags), ImmutableMap.copyOf(publicByPrivate));
    }
  }
}
