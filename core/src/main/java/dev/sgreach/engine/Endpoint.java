package dev.sgreach.engine;

import com.google.common.collect.ImmutableList;
import dev.sgreach.model.Cidr;
import dev.sgreach.model.Echo;
import java.util.List;

/**
 * One side of a question: an ENI, an address (an ENI's, or an outside party's), an instance (all its ENIs), a
 * security group (every ENI carrying it), an EKS role, a planned resource, or a named group of endpoints (how EKS
 * roles such as "the control plane" or "nodegroup ng1" are expressed once resolved). Group-valued endpoints are
 * answered per member.
 *
 * <p>{@link #parse(String)} is the one reader of the written forms, used by the library, the command line, queries
 * files and the testkit alike; every endpoint sgreach prints ({@link #label()}) parses back to one that stands for
 * the same ENIs.
 */
public sealed interface Endpoint
    permits Endpoint.Eni, Endpoint.Address, Endpoint.Instance, Endpoint.SecurityGroup, Endpoint.Group,
        Endpoint.EksRole, Endpoint.Planned {

  /** What {@link #parse} accepts, for messages. */
  String FORMS = "an ENI id (eni-...), an instance id (i-...), a security group id (sg-...), an IPv4/IPv6 address, "
      + "vpc-.../ADDRESS (an address in one VPC), an EKS role (eks:CLUSTER/ROLE[:NAME]) or a planned resource "
      + "(tf:ADDRESS)";

  /** The ENI with this id, with all its private addresses and delegated prefixes. */
  static Endpoint eni(String id) {
    return new Eni(id);
  }

  /**
   * An address: if an ENI of the snapshot owns it (a private address or one inside a delegated prefix), that ENI
   * restricted to this address; if it is an ENI's public or Elastic IPv4 address, that ENI reached through it (at
   * the private address the internet gateway translates it to: {@link Member#throughPublic}); otherwise an outside
   * party.
   */
  static Endpoint address(String address) {
    return new Address(Cidr.parseAddress(address));
  }

  /**
   * An address within one VPC ({@code vpc-.../ADDRESS}): the ENI of that VPC that owns it, for an address used in
   * two VPCs; an outside party when no ENI of that VPC owns it.
   */
  static Endpoint address(String vpcId, String address) {
    return new Address(Cidr.parseAddress(address), vpcId);
  }

  /** Every ENI attached to this instance. */
  static Endpoint instance(String id) {
    return new Instance(id);
  }

  /** Every ENI carrying this security group. */
  static Endpoint securityGroup(String id) {
    return new SecurityGroup(id);
  }

  /** A named group of endpoints, answered per member. */
  static Endpoint group(String label, List<? extends Endpoint> members) {
    return new Group(label, ImmutableList.copyOf(members));
  }

  /**
   * Reads the written forms: {@code eni-...}, {@code i-...}, {@code sg-...}, an IPv4/IPv6 address,
   * {@code vpc-.../ADDRESS}, {@code eks:CLUSTER/ROLE[:NAME]} (see {@link dev.sgreach.eks.EksEndpoints} for the
   * roles) and {@code tf:ADDRESS}. Syntax only: what an EKS role or a planned resource stands for is found when the
   * endpoint is resolved against a network ({@link Reachability#resolve}) or a plan.
   *
   * @throws IllegalArgumentException naming the text and what is wrong with it (an address with an IPv6 zone, a block
   *     where an address belongs, an unknown EKS role, ...), or the accepted forms
   */
  static Endpoint parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("endpoint is empty: give " + FORMS);
    }
    String t = text.trim();
    if (t.startsWith(dev.sgreach.eks.EksEndpoints.PREFIX)) {
      return dev.sgreach.eks.EksEndpoints.role(t);
    }
    if (t.startsWith(Planned.PREFIX)) {
      String address = t.substring(Planned.PREFIX.length());
      if (address.isEmpty() || !address.chars().allMatch(c -> c > ' ' && c < 127)) {
        throw new IllegalArgumentException("endpoint " + Echo.quote(text) + " is not tf:ADDRESS with a Terraform "
            + "address such as tf:aws_network_interface.db or tf:module.eks.aws_security_group.node");
      }
      return new Planned(address);
    }
    if (t.startsWith("eni-")) {
      return eni(t);
    }
    if (t.startsWith("i-")) {
      return instance(t);
    }
    if (t.startsWith("sg-")) {
      return securityGroup(t);
    }
    int slash = t.indexOf('/');
    if (t.startsWith("vpc-")) {
      if (slash < 0 || !t.substring(0, slash).matches("vpc-[0-9a-zA-Z]+")) {
        throw new IllegalArgumentException("endpoint " + Echo.quote(text) + " is not vpc-.../ADDRESS: a VPC stands "
            + "for no ENIs by itself; give an address in it, e.g. " + (slash < 0 ? t : t.substring(0, slash))
            + "/10.0.1.5");
      }
      return new Address(addressIn(text, t.substring(slash + 1)), t.substring(0, slash));
    }
    if (t.startsWith("subnet-")) {
      throw new IllegalArgumentException("endpoint " + Echo.quote(text) + " is a subnet, which stands for no ENIs: "
          + "give an ENI or an address in it");
    }
    if (t.indexOf('.') < 0 && t.indexOf(':') < 0) {
      throw new IllegalArgumentException("endpoint " + Echo.quote(text) + " is not " + FORMS);
    }
    return new Address(addressIn(text, t));
  }

  /** The address of a written endpoint, or an error keeping the address parser's reason. */
  private static Cidr addressIn(String text, String address) {
    try {
      return Cidr.parseAddress(address);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("endpoint " + Echo.quote(text) + ": " + e.getMessage()
          + (address.contains("/") ? "; an endpoint is one address (or an ENI, instance or security group)" : ""));
    }
  }

  /** How the endpoint is written, e.g. {@code eni-0a1}, {@code 10.0.0.5}, {@code eks:c1/control-plane}. */
  String label();

  /** An ENI by id. */
  record Eni(String id) implements Endpoint {
    @Override
    public String label() {
      return id;
    }
  }

  /**
   * An address; an ENI's or an outside party's.
   *
   * @param address the address
   * @param vpcId the VPC it is looked up in, empty for any (the semantics of an address several VPCs use are
   *     {@link Reachability#resolve}'s)
   */
  record Address(Cidr address, String vpcId) implements Endpoint {
    public Address {
      vpcId = vpcId == null ? "" : vpcId;
    }

    /** An address looked up in every VPC. */
    public Address(Cidr address) {
      this(address, "");
    }

    @Override
    public String label() {
      return vpcId.isEmpty() ? address.toString() : vpcId + "/" + address;
    }
  }

  /**
   * An EKS role of a cluster, as written ({@code eks:CLUSTER/ROLE[:NAME]}); resolved against a network into the
   * role's ENIs (see {@link dev.sgreach.eks.EksEndpoints}).
   *
   * @param cluster the cluster name
   * @param role the role ({@code control-plane}, {@code nodegroup}, ...)
   * @param name the role's name part ({@code ng1} in {@code nodegroup:ng1}), empty when the role takes none
   */
  record EksRole(String cluster, String role, String name) implements Endpoint {
    public EksRole {
      name = name == null ? "" : name;
    }

    @Override
    public String label() {
      return dev.sgreach.eks.EksEndpoints.PREFIX + cluster + "/" + role + (name.isEmpty() ? "" : ":" + name);
    }
  }

  /**
   * A resource a change plans, by its address ({@code tf:aws_network_interface.db}): the planned ENI, or the ENIs
   * that carry the planned group. Only the change knows what it stands for, so it is resolved by the planned network
   * ({@code dev.sgreach.planned.PlannedNetwork#endpoint}), not by {@link Reachability#resolve}.
   *
   * @param address the Terraform address (or, for eksctl, the prediction's address)
   */
  record Planned(String address) implements Endpoint {
    /** The prefix that marks a planned resource. */
    public static final String PREFIX = "tf:";

    @Override
    public String label() {
      return PREFIX + address;
    }
  }

  /** Every ENI of an instance. */
  record Instance(String id) implements Endpoint {
    @Override
    public String label() {
      return id;
    }
  }

  /** Every ENI carrying a security group. */
  record SecurityGroup(String id) implements Endpoint {
    @Override
    public String label() {
      return id;
    }
  }

  /** A named group of endpoints. */
  record Group(String label, ImmutableList<Endpoint> members) implements Endpoint {}
}
