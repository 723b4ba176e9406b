package dev.sgreach.model;

import com.google.common.collect.ImmutableList;

/**
 * One listener of an Elastic Load Balancing v2 load balancer, as {@code elbv2 describe-listeners} returns it: the
 * protocol and port on which the load balancer accepts connections. A Network Load Balancer created without security
 * groups accepts connections on its listeners' ports only (elbv2 user guide, "Listeners for your Network Load
 * Balancers").
 *
 * @param arn the listener ARN
 * @param loadBalancerArn the load balancer it belongs to
 * @param protocol {@code TCP}, {@code TLS}, {@code UDP}, {@code TCP_UDP}, {@code QUIC}, {@code TCP_QUIC},
 *     {@code HTTP}, {@code HTTPS} or {@code GENEVE}
 * @param port the port it listens on, 1 to 65535
 */
public record Listener(String arn, String loadBalancerArn, String protocol, int port) {
  public Listener {
    if (arn == null || arn.isBlank()) {
      throw new IllegalArgumentException("listener needs a ListenerArn");
    }
    if (loadBalancerArn == null || loadBalancerArn.isBlank()) {
      throw new IllegalArgumentException("listener " + arn + " needs a LoadBalancerArn");
    }
    protocol = protocol == null ? "" : protocol;
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("listener " + arn + " has Port " + port + ": a port is 1 to 65535");
    }
  }

  /**
   * The traffic the listener accepts, by its protocol: tcp for TCP, TLS, HTTP and HTTPS; udp for UDP and QUIC; both
   * for TCP_UDP and TCP_QUIC; udp for GENEVE (a Gateway Load Balancer's 6081). An unknown protocol is taken as both
   * tcp and udp, so that nothing the listener may accept is left out.
   */
  public ImmutableList<Ports> ports() {
    return ports(protocol, port);
  }

  /** The ports of a protocol name of ELBv2 (listener or target group) on one port; see {@link #ports()}. */
  static ImmutableList<Ports> ports(String protocol, int port) {
    return switch (protocol.toUpperCase(java.util.Locale.ROOT)) {
      case "TCP", "TLS", "HTTP", "HTTPS" -> ImmutableList.of(Ports.tcp(port));
      case "UDP", "QUIC", "GENEVE" -> ImmutableList.of(Ports.udp(port));
      default -> ImmutableList.of(Ports.tcp(port), Ports.udp(port));
    };
  }
}
