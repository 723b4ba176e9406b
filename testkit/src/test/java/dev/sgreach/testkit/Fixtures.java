package dev.sgreach.testkit;

import dev.sgreach.model.Network;
import dev.sgreach.model.NetworkInterface;
import dev.sgreach.model.Peer;
import dev.sgreach.model.Ports;
import dev.sgreach.model.SecurityGroup;

/**
 * A small three-tier network for the assertion tests.
 *
 * <pre>
 * eni-web  10.0.1.5  sg-web: in tcp 443 and 80 from 0.0.0.0/0, out all
 * eni-app  10.0.3.3  sg-app: in tcp 8080 from sg-web, out all
 * eni-app2 10.0.3.4  sg-app
 * eni-db   10.0.2.7  sg-db:  in tcp 5432 from sg-web, in tcp 5433 from sg-app, no egress
 * </pre>
 */
final class Fixtures {
  static final Peer ANY4 = Peer.cidr("0.0.0.0/0");

  private Fixtures() {}

  static SecurityGroup.Builder sg(String id) {
    return SecurityGroup.builder(id).name(id.substring(3)).vpc("vpc-1");
  }

  static NetworkInterface eni(String id, String addr, String... groups) {
    return NetworkInterface.builder(id).vpc("vpc-1").address(addr).groups(groups).build();
  }

  static Network threeTier() {
    return Network.builder()
        .add(sg("sg-web").allowOut(Ports.allTraffic(), ANY4)
            .allowIn(Ports.tcp(443), ANY4, "https").allowIn(Ports.tcp(80), ANY4, "http").build())
        .add(sg("sg-app").allowOut(Ports.allTraffic(), ANY4).allowIn(Ports.tcp(8080), Peer.group("sg-web")).build())
        .add(sg("sg-db").allowIn(Ports.tcp(5432), Peer.group("sg-web"), "from web")
            .allowIn(Ports.tcp(5433), Peer.group("sg-app")).build())
        .add(eni("eni-web", "10.0.1.5", "sg-web"))
        .add(eni("eni-app", "10.0.3.3", "sg-app"))
        .add(eni("eni-app2", "10.0.3.4", "sg-app"))
        .add(eni("eni-db", "10.0.2.7", "sg-db"))
        .build();
  }

  /** {@link #threeTier()} with an ENI carrying a group whose rules were not collected. */
  static Network withMissingGroup() {
    return threeTier().toBuilder().add(eni("eni-legacy", "10.0.4.4", "sg-0missing")).build();
  }

  /** {@link #threeTier()} with a rule on sg-db that references a deleted group. */
  static Network withStaleReference() {
    return threeTier().toBuilder()
        .replace(sg("sg-db").allowIn(Ports.tcp(5432), Peer.group("sg-web"), "from web")
            .allowIn(Ports.tcp(5433), Peer.group("sg-app"))
            .allowIn(Ports.tcp(22), Peer.group("sg-0deleted"), "old bastion").build())
        .build();
  }
}
