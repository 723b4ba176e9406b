package dev.sgreach.path;

import dev.sgreach.model.NetworkInterface;

/**
 * The ephemeral (source) port range a client opens connections from: the destination ports of the replies, which
 * network ACLs, being stateless, must admit on the way back (DOMAIN-PATH.md table 1d).
 *
 * <p>The constants are AWS's figures: Amazon Linux and many Linux kernels use 32768-61000; Windows Server 2008 and
 * later 49152-65535 (2003 and earlier 1025-5000); NAT gateways, Elastic Load Balancing and Lambda 1024-65535. When the
 * client's kind is not known sgreach assumes {@link #ANY_CLIENT}, 1024-65535, the range AWS advises public subnets
 * to open, so a reply is allowed only when every client's range would pass. Every verdict says which range it
 * assumed.
 *
 * @param name what the range stands for, e.g. {@code Linux}
 * @param from the first port
 * @param to the last port
 */
public record ClientPorts(String name, int from, int to) {
  /** Amazon Linux and many Linux kernels. */
  public static final ClientPorts LINUX = new ClientPorts("Linux", 32768, 61000);
  /** Windows Server 2008 and later. */
  public static final ClientPorts WINDOWS = new ClientPorts("Windows", 49152, 65535);
  /** Windows Server 2003 and earlier. */
  public static final ClientPorts WINDOWS_2003 = new ClientPorts("Windows Server 2003", 1025, 5000);
  /** A NAT gateway's source ports. */
  public static final ClientPorts NAT_GATEWAY = new ClientPorts("NAT gateway", 1024, 65535);
  /** Elastic Load Balancing, for the connections it opens to targets. */
  public static final ClientPorts ELASTIC_LOAD_BALANCING = new ClientPorts("Elastic Load Balancing", 1024, 65535);
  /** AWS Lambda. */
  public static final ClientPorts LAMBDA = new ClientPorts("Lambda", 1024, 65535);
  /** A client of unknown kind: every range above. */
  public static final ClientPorts ANY_CLIENT = new ClientPorts("any client", 1024, 65535);

  public ClientPorts {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("client port range needs a name saying whose it is");
    }
    if (from < 1 || to > 65535 || from > to) {
      throw new IllegalArgumentException("client port range " + from + "-" + to + " must lie in 1..65535, first"
          + " port not above the last");
    }
  }

  /** A custom range, e.g. {@code ClientPorts.of(10000, 20000)}. */
  public static ClientPorts of(int from, int to) {
    return new ClientPorts("custom", from, to);
  }

  /**
   * The range AWS documents for the kind of client this ENI is: a NAT gateway's, a load balancer's or a Lambda
   * function's interface gets theirs; any other interface (an instance, whose operating system the snapshot does
   * not record) is taken as {@link #LINUX}, the EKS node default.
   */
  public static ClientPorts defaultFor(NetworkInterface eni) {
    String type = eni.interfaceType();
    if (type.equals("nat_gateway") || type.equals("natGateway")) {
      return NAT_GATEWAY;
    }
    if (type.equals("network_load_balancer") || type.equals("gateway_load_balancer")
        || eni.requesterId().equals("amazon-elb") || eni.description().startsWith("ELB ")) {
      return ELASTIC_LOAD_BALANCING;
    }
    if (type.equals("lambda")) {
      return LAMBDA;
    }
    return LINUX;
  }

  /** The range as keys. */
  PortSet keys() {
    return PortSet.of(from, to);
  }

  /** {@code Linux 32768-61000}. */
  public String describe() {
    return name + " " + from + "-" + to;
  }

  @Override
  public String toString() {
    return describe();
  }
}
