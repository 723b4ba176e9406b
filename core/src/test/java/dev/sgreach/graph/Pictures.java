package dev.sgreach.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sgreach.model.Network;
import dev.sgreach.model.NetworkInterface;
import dev.sgreach.model.Peer;
import dev.sgreach.model.Ports;
import dev.sgreach.model.PrefixList;
import dev.sgreach.model.SecurityGroup;
import java.util.List;

/** Networks and lookups the graph tests share. */
final class Pictures {
  private Pictures() {}

  /** The node standing for this snapshot id (group, CIDR, prefix list). */
  static GraphNode node(SecurityGroupGraph g, String resource) {
    List<GraphNode> found = g.nodes().stream().filter(n -> n.kind() != GraphNode.Kind.ENI_CLASS
        && n.resources().contains(resource)).toList();
    assertThat(found).as("nodes standing for %s in %s", resource, g.nodes()).hasSize(1);
    return found.get(0);
  }

  /** The arrows between two nodes. */
  static List<GraphEdge> edges(SecurityGroupGraph g, GraphNode from, GraphNode to) {
    return g.edges().stream().filter(e -> e.from().equals(from.id()) && e.to().equals(to.id())).toList();
  }

  /**
   * Three tiers in one VPC: web admits the internet on 443 and egresses everywhere; app admits web on 8080 and 8443
   * and a prefix list on 22; db admits app on 5432, a partner block on 5432 and a group missing from the snapshot,
   * and egresses tcp 443 to 10.0.0.0/8 only; two web ENIs, one app ENI, one db ENI carrying a missing group too.
   */
  static Network threeTiers() {
    SecurityGroup web = SecurityGroup.builder("sg-web").name("web").vpc("vpc-1")
        .allowIn(Ports.tcp(443), Peer.cidr("0.0.0.0/0"), "https from anywhere")
        .allowIn(Ports.tcp(443), Peer.cidr("::/0"))
        .allowOut(Ports.allTraffic(), Peer.cidr("0.0.0.0/0")).build();
    SecurityGroup app = SecurityGroup.builder("sg-app").name("app").vpc("vpc-1")
        .allowIn(Ports.tcp(8080), Peer.group("sg-web"), "from web")
        .allowIn(Ports.tcp(8443), Peer.group("sg-web"), "from web, tls")
        .allowIn(Ports.tcp(22), Peer.prefixList("pl-corp"))
        .allowOut(Ports.allTraffic(), Peer.cidr("0.0.0.0/0")).build();
    SecurityGroup db = SecurityGroup.builder("sg-db").name("db").vpc("vpc-1")
        .allowIn(Ports.tcp(5432), Peer.group("sg-app"))
        .allowIn(Ports.tcp(5432), Peer.cidr("198.51.100.0/24"))
        .allowIn(Ports.tcp(5432), Peer.group("sg-gone"))
        .allowOut(Ports.tcp(443), Peer.cidr("10.0.0.0/8")).build();
    return Network.builder().add(web).add(app).add(db)
        .add(PrefixList.withUnknownEntries("pl-corp", "corp"))
        .add(NetworkInterface.builder("eni-web1").vpc("vpc-1").address("10.0.0.5").groups("sg-web").build())
        .add(NetworkInterface.builder("eni-web2").vpc("vpc-1").address("10.0.0.6").groups("sg-web").build())
        .add(NetworkInterface.builder("eni-app").vpc("vpc-1").address("10.0.1.5").groups("sg-app").build())
        .add(NetworkInterface.builder("eni-db").vpc("vpc-1").address("10.0.2.5").groups("sg-db", "sg-lost")
            .attachedTo("i-db", 0).build())
        .build();
  }

  /** Names and descriptions with every character a renderer must escape. */
  static final String NASTY_NAME = "we\"b\\N <script>&amp;</script> #35; |x| `md` %%{init}%%\nline2\u0007";

  /** Two groups whose names and rule descriptions need escaping in every format. */
  static Network nastyNames() {
    SecurityGroup a = SecurityGroup.builder("sg-nasty").name(NASTY_NAME).vpc("vpc-1")
        .allowIn(Ports.tcp(443), Peer.group("sg-plain"), "desc with \"quotes\" and\nnewline & <tags>")
        .build();
    SecurityGroup b = SecurityGroup.builder("sg-plain").name("plain").vpc("vpc-1").build();
    return Network.builder().add(a).add(b)
        .add(NetworkInterface.builder("eni-1").vpc("vpc-1").address("10.0.0.5").groups("sg-nasty")
            .interfaceType("weird\"type").build())
        .build();
  }
}
