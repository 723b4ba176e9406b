package dev.sgreach.engine;

import com.google.common.collect.ImmutableList;
import dev.sgreach.model.Cidr;
import java.util.List;

/**
 * One side of a question: an ENI, an address (an ENI's, or an outside party's), an instance (all its ENIs), a
 * security group (every ENI carrying it), or a named group of endpoints (how EKS roles such as "the control plane" or
 * "nodegroup ng1" are expressed). Group-valued endpoints are answered per member.
 *
 * <p>{@link #parse(String)} reads the command line's forms: {@code eni-...}, {@code i-...}, {@code sg-...}, an IPv4
 * or IPv6 address.
 */
public sealed interface Endpoint
    permits Endpoint.Eni, Endpoint.Address, Endpoint.Instance, Endpoint.SecurityGroup, Endpoint.Group {

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
   * An address in one VPC ({@code vpc-.../ADDRESS}): as {@link #address(String)}, looked up among that VPC's ENIs
   * only. Private addresses are unique within a VPC, not across VPCs; an address that ENIs of two VPCs both hold
   * needs the VPC.
   */
  static Endpoint address(String vpcId, String address) {
    return new Address(Cidr.parseAddress(address), java.util.Optional.of(vpcId));
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
   * Parses {@code eni-...}, {@code i-...}, {@code sg-...}, or an IPv4/IPv6 address.
   *
   * @throws IllegalArgumentException naming the text and the accepted forms
   */
  static Endpoint parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("endpoint is empty: give an ENI id (eni-...), an instance id (i-...), "
          + "a security group id (sg-...) or an IPv4/IPv6 address");
    }
    String t = text.trim();
    if (t.startsWith("eni-")) {
      return eni(t);
    }
    if (t.startsWith("i-")) {
      return instance(t);
    }
    if (t.startsWith("sg-")) {
      return securityGroup(t);
    }
    try {
      return address(t);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("endpoint '" + text + "' is not an ENI id (eni-...), an instance id "
          + "(i-...), a security group id (sg-...) or an IPv4/IPv6 address");
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
   * An address; an ENI's or an outside party's; with the VPC to look it up in, when given.
   *
   * @param address the address
   * @param vpcId the VPC whose ENIs the address is looked up among, or empty for every VPC of the snapshot (then an
   *     address that ENIs of two VPCs hold is ambiguous)
   */
  record Address(Cidr address, java.util.Optional<String> vpcId) implements Endpoint {
    public Address {
      vpcId = vpcId == null ? java.util.Optional.empty() : vpcId.filter(v -> !v.isBlank());
    }

    /** An address looked up in every VPC. */
    public Address(Cidr address) {
      this(address, java.util.Optional.empty());
    }

    @Override
    public String label() {
      return vpcId.map(v -> v + "/" + address).orElse(address.toString());
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
