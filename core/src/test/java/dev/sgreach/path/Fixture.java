package dev.sgreach.path;

import dev.sgreach.model.InternetGateway;
import dev.sgreach.model.NatGateway;
import dev.sgreach.model.Network;
import dev.sgreach.model.NetworkAcl;
import dev.sgreach.model.NetworkInterface;
import dev.sgreach.model.PrefixList;
import dev.sgreach.model.RouteTable;
import dev.sgreach.model.RouteTarget;
import dev.sgreach.model.Subnet;
import dev.sgreach.model.TransitGateway;
import dev.sgreach.model.Vpc;
import dev.sgreach.model.VpcEndpoint;
import dev.sgreach.model.VpcPeering;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A small editable network for the path fact tests: each part is kept by id, so a test replaces one (an ACL, a route
 * table) and builds. {@link #standard()} is the usual shape of an EKS VPC:
 *
 * <pre>
 * vpc-a 10.0.0.0/16, 2600:1f18:a::/56                      igw-a attached; eigw-a attached
 *   subnet-pub  10.0.1.0/24 2600:1f18:a:1::/64  zone az1    rtb-pub: local, 0.0.0.0/0 -> igw-a, ::/0 -> igw-a
 *     eni-web 10.0.1.10 (public 54.10.0.10), 2600:1f18:a:1::10;  nat-a 10.0.1.100 (public 3.3.3.3)
 *   subnet-app  10.0.2.0/24 2600:1f18:a:2::/64  zone az1    rtb-main (main): local, 0.0.0.0/0 -> nat-a, ::/0 -> eigw-a
 *     eni-app 10.0.2.20, 2600:1f18:a:2::20
 *   subnet-db   10.0.3.0/24                     zone az2    rtb-main
 *     eni-db 10.0.3.30
 * acl-default (default, allow all both ways) serves every subnet
 * </pre>
 */
final class Fixture {
  final Map<String, Object> parts = new LinkedHashMap<>();

  static Fixture standard() {
    Fixture f = new Fixture();
    f.put(Vpc.of("vpc-a", "10.0.0.0/16", "2600:1f18:a::/56"));
    f.put(Subnet.of("subnet-pub", "vpc-a", "az1", "10.0.1.0/24", "2600:1f18:a:1::/64"));
    f.put(Subnet.of("subnet-app", "vpc-a", "az1", "10.0.2.0/24", "2600:1f18:a:2::/64"));
    f.put(Subnet.of("subnet-db", "vpc-a", "az2", "10.0.3.0/24"));
    f.put(InternetGateway.attached("igw-a", "vpc-a"));
    f.put(InternetGateway.egressOnly("eigw-a", "vpc-a"));
    f.put(NatGateway.publicNat("nat-a", "vpc-a", "subnet-pub", "10.0.1.100", "3.3.3.3"));
    f.put(RouteTable.builder("rtb-pub").vpc("vpc-a").subnets("subnet-pub")
        .route("10.0.0.0/16", RouteTarget.LOCAL).route("2600:1f18:a::/56", RouteTarget.LOCAL)
        .route("0.0.0.0/0", RouteTarget.of("igw-a")).route("::/0", RouteTarget.of("igw-a")).build());
    f.put(RouteTable.builder("rtb-main").vpc("vpc-a").main(true)
        .route("10.0.0.0/16", RouteTarget.LOCAL).route("2600:1f18:a::/56", RouteTarget.LOCAL)
        .route("0.0.0.0/0", RouteTarget.of("nat-a")).route("::/0", RouteTarget.of("eigw-a")).build());
    f.put(NetworkAcl.defaultAllowAll("acl-default", "vpc-a", "subnet-pub", "subnet-app", "subnet-db"));
    f.put(eni("eni-web", "vpc-a", "subnet-pub", "az1").addresses("10.0.1.10", "2600:1f18:a:1::10")
        .publicIp("54.10.0.10").build());
    f.put(eni("eni-app", "vpc-a", "subnet-app", "az1").addresses("10.0.2.20", "2600:1f18:a:2::20").build());
    f.put(eni("eni-db", "vpc-a", "subnet-db", "az2").addresses("10.0.3.30").build());
    f.put(eni("eni-nat", "vpc-a", "subnet-pub", "az1").interfaceType("nat_gateway").addresses("10.0.1.100")
        .publicIp("3.3.3.3").build());
    return f;
  }

  static NetworkInterface.Builder eni(String id, String vpc, String subnet, String zone) {
    return NetworkInterface.builder(id).vpc(vpc).subnet(subnet).availabilityZone(zone);
  }

  /** Adds or replaces the part with the same kind and id. */
  Fixture put(Object part) {
    parts.put(key(part), part);
    return this;
  }

  /** Removes the part with this id. */
  Fixture remove(String id) {
    parts.keySet().removeIf(k -> k.endsWith("/" + id));
    return this;
  }

  private static String key(Object p) {
    String id;
    if (p instanceof Vpc v) {
      id = v.id();
    } else if (p instanceof Subnet s) {
      id = s.id();
    } else if (p instanceof NetworkAcl a) {
      id = a.id();
    } else if (p instanceof RouteTable t) {
      id = t.id();
    } else if (p instanceof InternetGateway g) {
      id = g.id();
    } else if (p instanceof NatGateway n) {
      id = n.id();
    } else if (p instanceof NetworkInterface e) {
      id = e.id();
    } else if (p instanceof VpcPeering x) {
      id = x.id();
    } else if (p instanceof TransitGateway g) {
      id = g.id();
    } else if (p instanceof VpcEndpoint e) {
      id = e.id();
    } else if (p instanceof PrefixList l) {
      id = l.id();
    } else {
      throw new IllegalArgumentException("not a network part: " + p);
    }
    return p.getClass().getSimpleName() + "/" + id;
  }

  Network build() {
    Network.Builder b = Network.builder();
    for (Object p : parts.values()) {
      if (p instanceof Vpc v) {
        b.add(v);
      } else if (p instanceof Subnet s) {
        b.add(s);
      } else if (p instanceof NetworkAcl a) {
        b.add(a);
      } else if (p instanceof RouteTable t) {
        b.add(t);
      } else if (p instanceof InternetGateway g) {
        b.add(g);
      } else if (p instanceof NatGateway n) {
        b.add(n);
      } else if (p instanceof NetworkInterface e) {
        b.add(e);
      } else if (p instanceof VpcPeering x) {
        b.add(x);
      } else if (p instanceof TransitGateway g) {
        b.add(g);
      } else if (p instanceof VpcEndpoint e) {
        b.add(e);
      } else if (p instanceof PrefixList l) {
        b.add(l);
      }
    }
    return b.build();
  }
}
