package dev.sgreach.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import dev.sgreach.model.Cidr;
import dev.sgreach.model.Direction;
import dev.sgreach.model.Network;
import dev.sgreach.model.Listener;
import dev.sgreach.model.NetworkInterface;
import dev.sgreach.model.Peer;
import dev.sgreach.model.Ports;
import dev.sgreach.model.Rule;
import dev.sgreach.model.SecurityGroup;
import dev.sgreach.model.Traffic;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks the property test has teeth: each mutant below gets one semantic point wrong, and the agreement check over
 * the same seeds the property test uses must notice every one of them. A mutant that survives means the generator
 * no longer reaches that corner. Oracle mutants are wrong evaluators; engine mutants are the engine with a wrong
 * proof or fix, which the oracle's checks of proofs and fixes must catch.
 */
class OracleMutantsAreCaughtTest {

  static Stream<Arguments> mutants() {
    List<Arguments> m = new ArrayList<>();
    m.add(mutant("peering status on a reference ignored", n -> new NaiveEvaluator(n) {
      @Override
      protected NaiveOutcome groupMatches(Peer.GroupPeer g, NetworkInterface self, Party other) {
        return super.groupMatches(new Peer.GroupPeer(g.groupId(), null, null, null, null), self, other);
      }
    }));
    m.add(mutant("references match across any VPCs", n -> new NaiveEvaluator(n) {
      @Override
      protected boolean vpcsJoined(String a, String b) {
        return true;
      }
    }));
    m.add(mutant("non-active VPC peerings count", n -> new NaiveEvaluator(n) {
      @Override
      protected boolean vpcsJoined(String a, String b) {
        return a.isEmpty() || b.isEmpty() || a.equals(b) || network.peerings().values().stream()
            .anyMatch(p -> p.joins(a, b));
      }
    }));
    m.add(mutant("an empty VPC id is not the same VPC", n -> new NaiveEvaluator(n) {
      @Override
      protected boolean vpcsJoined(String a, String b) {
        return !a.isEmpty() && !b.isEmpty() && super.vpcsJoined(a, b);
      }
    }));
    m.add(mutant("unknown or absent prefix lists deny", n -> new NaiveEvaluator(n) {
      @Override
      protected NaiveOutcome prefixListMatches(String id, Addr at) {
        NaiveOutcome o = super.prefixListMatches(id, at);
        return o == NaiveOutcome.UNKNOWN ? NaiveOutcome.DENIED : o;
      }
    }));
    m.add(mutant("stand-in addresses are read as written", n -> new NaiveEvaluator(n) {
      @Override
      protected NaiveOutcome blockMatches(Cidr cidr, Addr at) {
        return block(cidr).contains(at) ? NaiveOutcome.ALLOWED : NaiveOutcome.DENIED;
      }
    }));
    m.add(mutant("an ENI's traffic to itself judged by its groups", n -> new NaiveEvaluator(n) {
      @Override
      protected boolean toItself(Party self, Party other) {
        return false;
      }
    }));
    m.add(mutant("security groups filter Amazon DNS, metadata, Time Sync and the VPC router",
        n -> new NaiveEvaluator(n) {
          @Override
          protected NaiveOutcome neverFiltered(NetworkInterface self, Addr at) {
            NaiveOutcome o = super.neverFiltered(self, at);
            return o == NaiveOutcome.ALLOWED ? NaiveOutcome.DENIED : o;
          }
        }));
    m.add(mutant("a possible DNS address of a VPC without blocks is filtered", n -> new NaiveEvaluator(n) {
      @Override
      protected NaiveOutcome neverFiltered(NetworkInterface self, Addr at) {
        NaiveOutcome o = super.neverFiltered(self, at);
        return o == NaiveOutcome.UNKNOWN ? NaiveOutcome.DENIED : o;
      }
    }));
    m.add(mutant("the VPC router (a subnet's base + 1) is filtered", n -> new NaiveEvaluator(n) {
      @Override
      protected NaiveOutcome neverFiltered(NetworkInterface self, Addr at) {
        NaiveOutcome o = super.neverFiltered(self, at);
        return o == NaiveOutcome.ALLOWED && at.toString().endsWith(".1") ? NaiveOutcome.DENIED : o;
      }
    }));
    m.add(mutant("inbound references never cross a Transit Gateway", n -> new NaiveEvaluator(n) {
      @Override
      protected NaiveOutcome acrossTransit(Peer.GroupPeer g, NetworkInterface self, Party other) {
        NaiveOutcome o = super.acrossTransit(g, self, other);
        return network.transitGateways().isEmpty() ? o : NaiveOutcome.DENIED;
      }
    }));
    m.add(mutant("a cross-VPC reference is denied when the snapshot holds no Transit Gateway data",
        n -> new NaiveEvaluator(n) {
          @Override
          protected NaiveOutcome acrossTransit(Peer.GroupPeer g, NetworkInterface self, Party other) {
            return network.transitGateways().isEmpty() ? NaiveOutcome.DENIED : super.acrossTransit(g, self, other);
          }
        }));
    m.add(mutant("a Transit Gateway option not captured counts as enabled", n -> new NaiveEvaluator(n) {
      @Override
      protected NaiveOutcome acrossTransit(Peer.GroupPeer g, NetworkInterface self, Party other) {
        NaiveOutcome o = super.acrossTransit(g, self, other);
        return o == NaiveOutcome.UNKNOWN && !network.transitGateways().isEmpty() ? NaiveOutcome.ALLOWED : o;
      }
    }));
    m.add(mutant("a reference through a peering the snapshot lacks, reporting no status, is denied",
        n -> new NaiveEvaluator(n) {
          @Override
          protected NaiveOutcome unreportedPeering() {
            return NaiveOutcome.DENIED;
          }
        }));
    m.add(mutant("an inter-Region peering carries group references", n -> new NaiveEvaluator(n) {
      @Override
      protected boolean vpcsJoined(String a, String b) {
        return a.isEmpty() || b.isEmpty() || a.equals(b) || network.peerings().values().stream()
            .anyMatch(p -> p.isActive() && p.joins(a, b));
      }
    }));
    m.add(mutant("NAT gateways and other forwarders without groups are exposed to anywhere",
        n -> new NaiveEvaluator(n) {
          @Override
          protected NaiveOutcome fromInternetUnfiltered(NetworkInterface eni, int protocol, int port) {
            return NaiveOutcome.ALLOWED;
          }
        }));
    m.add(mutant("an NLB without groups is not exposed", n -> new NaiveEvaluator(n) {
      @Override
      protected NaiveOutcome fromInternetUnfiltered(NetworkInterface eni, int protocol, int port) {
        return NaiveOutcome.DENIED;
      }
    }));
    m.add(mutant("an NLB without groups accepts on every port though its listeners are known",
        n -> new NaiveEvaluator(n) {
          @Override
          protected List<Listener> naiveListeners(NetworkInterface eni) {
            return null;
          }
        }));
    m.add(mutant("a public or Elastic IP is an outside party", n -> new NaiveEvaluator(n) {
      @Override
      protected Party publicOwner(Addr a) {
        return new Party(null, List.of(a));
      }
    }));
    m.add(mutant("an ENI's flow to another's public IP is judged as one to its private address",
        n -> new NaiveEvaluator(n) {
          @Override
          protected boolean throughPublic(Party from, Party to) {
            return false;
          }
        }));
    m.add(mutant("an Elastic IP on a secondary address stands for the primary address", n -> new NaiveEvaluator(n) {
      @Override
      protected Party publicOwner(Addr a) {
        Party p = super.publicOwner(a);
        return p.outside() ? p : new Party(p.eni(), List.of(addr(p.eni().privateIpv4().get(0))), p.publicAt());
      }
    }));
    m.add(mutant("exposure lists rules of a family their protocol cannot travel over", n -> new NaiveEvaluator(n) {
      @Override
      protected boolean listedFor(Rule r, int f) {
        return true;
      }
    }));
    m.add(mutant("group answers count an ENI's flow to itself", n -> new NaiveEvaluator(n) {
      @Override
      protected boolean leftOutOfGroups(Party a, Party b) {
        return false;
      }
    }));
    m.add(mutant("a group answer with no flow surely allowed, some unknown, labelled coverage none",
        n -> new NaiveEvaluator(n) {
          @Override
          public Answer verdict(String from, String to, dev.sgreach.model.Traffic t) {
            Answer a = super.verdict(from, to, t);
            return a.coverage().equals("unknown") ? new Answer(a.overall(), "none", a.members()) : a;
          }
        }));
    m.add(mutant("missing groups on an ENI ignored", n -> new NaiveEvaluator(n) {
      @Override
      protected NaiveOutcome missingGroup() {
        return NaiveOutcome.DENIED;
      }
    }));
    m.add(mutant("a missing group makes the side unknown even when a rule allows", n -> new NaiveEvaluator(n) {
      @Override
      protected NaiveOutcome side(SideRules rules, int protocol, int port, int type, int code) {
        NaiveOutcome o = super.side(rules, protocol, port, type, code);
        return rules.missing() ? NaiveOutcome.UNKNOWN : o;
      }
    }));
    m.add(mutant("references to groups absent from the network match nothing", n -> new NaiveEvaluator(n) {
      @Override
      protected NaiveOutcome groupMatches(Peer.GroupPeer g, NetworkInterface self, Party other) {
        return network.securityGroups().containsKey(g.groupId()) ? super.groupMatches(g, self, other)
            : NaiveOutcome.DENIED;
      }
    }));
    m.add(mutant("ICMP and ICMPv6 over either family", n -> new NaiveEvaluator(n) {
      @Override
      protected boolean familyCarries(int protocol, int family) {
        return true;
      }
    }));
    m.add(mutant("IPv6 pairs never considered", n -> new NaiveEvaluator(n) {
      @Override
      protected boolean familyCarries(int protocol, int family) {
        return family == 4 || protocol == 58;
      }
    }));
    m.add(mutant("TCP/UDP ranges exclusive at the top", n -> new NaiveEvaluator(n) {
      @Override
      protected boolean portsMatch(Rule rule, int protocol, int port, int type, int code) {
        boolean ok = super.portsMatch(rule, protocol, port, type, code);
        return ok && !(rule.ports().protocol().hasPorts() && port == rule.ports().to()
            && rule.ports().from() != rule.ports().to());
      }
    }));
    m.add(mutant("ICMP code ignored", n -> new NaiveEvaluator(n) {
      @Override
      protected boolean portsMatch(Rule rule, int protocol, int port, int type, int code) {
        return super.portsMatch(rule, protocol, port, type, rule.ports().to() == -1 ? code : rule.ports().to());
      }
    }));
    m.add(mutant("protocol -1 matches only TCP and UDP", n -> new NaiveEvaluator(n) {
      @Override
      protected boolean portsMatch(Rule rule, int protocol, int port, int type, int code) {
        return super.portsMatch(rule, protocol, port, type, code)
            && !(rule.ports().protocol().isAll() && protocol != 6 && protocol != 17);
      }
    }));
    m.add(mutant("a rule for one other protocol admits every other protocol", n ->
        new NaiveEvaluator(n) {
          @Override
          protected boolean portsMatch(Rule rule, int protocol, int port, int type, int code) {
            int rp = rule.ports().protocol().number();
            if (rp != -1 && rp != 1 && rp != 6 && rp != 17 && rp != 58) {
              return protocol != 1 && protocol != 6 && protocol != 17 && protocol != 58; // any "other" matches
            }
            return super.portsMatch(rule, protocol, port, type, code);
          }
        }));
    m.add(mutant("an ENI's address stands for the whole ENI", n -> new NaiveEvaluator(n) {
      @Override
      protected Party resolve(String text) {
        Party p = super.resolve(text);
        return p.outside() ? p : whole(p.eni());
      }
    }));
    m.add(mutant("addresses in delegated prefixes are outside parties", n -> new NaiveEvaluator(n) {
      @Override
      protected NetworkInterface owner(Addr a) {
        NetworkInterface e = super.owner(a);
        return e != null && whole(e).addresses().contains(a) ? e : null;
      }
    }));
    m.add(mutant("delegated prefixes are not addresses of their ENI", n -> new NaiveEvaluator(n) {
      @Override
      protected Party whole(NetworkInterface eni) {
        Party p = super.whole(eni);
        List<Addr> listed = new ArrayList<>();
        for (Addr a : p.addresses()) {
          if (a.length() == a.bits()) {
            listed.add(a);
          }
        }
        return new Party(eni, listed);
      }
    }));
    m.add(mutant("a delegated prefix matches only through its network address", n -> new NaiveEvaluator(n) {
      @Override
      protected Party whole(NetworkInterface eni) {
        Party p = super.whole(eni);
        List<Addr> firsts = new ArrayList<>();
        for (Addr a : p.addresses()) {
          firsts.add(new Addr(a.family(), a.value()));
        }
        return new Party(eni, firsts);
      }
    }));
    m.add(mutant("references also match outside parties", n -> new NaiveEvaluator(n) {
      @Override
      protected NaiveOutcome groupMatches(Peer.GroupPeer g, NetworkInterface self, Party other) {
        return other.outside() ? NaiveOutcome.ALLOWED : super.groupMatches(g, self, other);
      }
    }));
    m.add(mutant("CIDR peers match across families", n -> new NaiveEvaluator(n) {
      @Override
      protected NaiveOutcome peerMatches(Rule rule, NetworkInterface self, Party other, Addr at) {
        if (rule.peer() instanceof Peer.CidrPeer c && c.cidr().length() == 0) {
          return NaiveOutcome.ALLOWED;
        }
        return super.peerMatches(rule, self, other, at);
      }
    }));
    m.add(mutant("who-can-reach counts the target's own ENI", n -> new NaiveEvaluator(n) {
      @Override
      public Who whoCanReach(String to, dev.sgreach.model.Traffic t) {
        Who w = super.whoCanReach(to, t);
        Party target = resolve(to);
        if (!target.outside() && reach(whole(target.eni()), target, t) == NaiveOutcome.ALLOWED) {
          java.util.Set<String> a = new java.util.LinkedHashSet<>(w.allowed());
          a.add(target.eni().id());
          return new Who(a, w.unknown());
        }
        return w;
      }
    }));
    // ---- the properties added with the single side check
    m.add(mutant("the fast path reads unknown as denied", n -> new NaiveEvaluator(n) {
      @Override
      public NaiveOutcome outcome(String from, String to, Traffic t) {
        NaiveOutcome o = super.outcome(from, to, t);
        return o == NaiveOutcome.UNKNOWN ? NaiveOutcome.DENIED : o;
      }
    }));
    m.add(mutant("a group endpoint is allowed when any member pair is", n -> new NaiveEvaluator(n) {
      @Override
      protected NaiveOutcome combine(List<NaiveOutcome> members) {
        return members.stream().reduce(NaiveOutcome.DENIED, NaiveOutcome::or);
      }
    }));
    m.add(mutant("an instance stands for its first ENI only", n -> new NaiveEvaluator(n) {
      @Override
      protected List<Party> members(String text) {
        List<Party> all = super.members(text);
        return text.trim().startsWith("i-") ? all.subList(0, 1) : all;
      }
    }));
    m.add(mutant("a security group stands for the ENIs whose first group it is", n -> new NaiveEvaluator(n) {
      @Override
      protected List<Party> members(String text) {
        List<Party> all = super.members(text);
        if (!text.trim().startsWith("sg-")) {
          return all;
        }
        List<Party> first = all.stream().filter(p -> p.eni().securityGroupIds().get(0).equals(text.trim()))
            .toList();
        return first.isEmpty() ? all : first;
      }
    }));
    m.add(mutant("unfiltered interface types are filtered like any other", n -> new NaiveEvaluator(n) {
      @Override
      protected boolean unfiltered(NetworkInterface eni) {
        return false;
      }
    }));
    m.add(mutant("exposure counts 10.0.0.0/8 as the internet", n -> new NaiveEvaluator(n) {
      @Override
      protected List<java.math.BigInteger[]> reservedRanges() {
        java.math.BigInteger ten = range(4, "10.0.0.0/8")[0];
        return super.reservedRanges().stream().filter(r -> !(r[2].intValue() == 4 && r[0].equals(ten))).toList();
      }
    }));
    m.add(mutant("exposure counts the ENI's own VPC blocks as the internet", n -> new NaiveEvaluator(n) {
      @Override
      protected NaiveOutcome internetIn(NetworkInterface eni, Cidr block) {
        return holdsPublic(block) ? NaiveOutcome.ALLOWED : NaiveOutcome.DENIED;
      }
    }));
    m.add(mutant("exposure counts peered VPCs' blocks as the internet", n -> new NaiveEvaluator(n) {
      @Override
      protected java.util.Map<String, List<Cidr>> activePeersOf(String vpcId) {
        return java.util.Map.of();
      }
    }));
    m.add(mutant("a peering's record of the peer VPC's blocks is ignored", n -> new NaiveEvaluator(n) {
      @Override
      protected List<Cidr> knownBlocks(String vpcId, List<Cidr> peeringRecord) {
        return super.knownBlocks(vpcId, List.of());
      }
    }));
    m.add(mutant("a block that may be all an unrecorded VPC's is the internet", n -> new NaiveEvaluator(n) {
      @Override
      protected int largestVpcBlock(int family) {
        return 129;
      }
    }));
    m.add(mutant("a block larger than any VPC block meeting an unrecorded VPC is unknown", n -> new NaiveEvaluator(n) {
      @Override
      protected int largestVpcBlock(int family) {
        return 0;
      }
    }));
    m.add(mutant("standard mode judges a pod's traffic with its own node by the pod's groups", n -> new NaiveEvaluator(n) {
      @Override
      protected boolean onOneNode(Party self, Party other) {
        return false;
      }
    }));
    m.add(mutant("standard mode exempts a pod's traffic with every node", n -> new NaiveEvaluator(n) {
      @Override
      protected boolean onOneNode(Party self, Party other) {
        return podMode == PodSecurityGroupMode.STANDARD && !self.outside() && !other.outside()
            && !toItself(self, other) && (self.eni().interfaceType().equals("branch")
                || other.eni().interfaceType().equals("branch"))
            && self.eni().instanceId().isPresent() && other.eni().instanceId().isPresent();
      }
    }));
    m.add(mutant("standard mode: a pod's traffic leaving the VPC is judged by the pod's own groups (no SNAT)",
        n -> new NaiveEvaluator(n) {
          @Override
          protected String podSnat(Party from, Party to, Addr b) {
            return "itself";
          }
        }));
    m.add(mutant("standard mode: a pod's traffic is translated to its node even inside the VPC",
        n -> new NaiveEvaluator(n) {
          @Override
          protected String podSnat(Party from, Party to, Addr b) {
            String way = super.podSnat(from, to, b);
            return way.equals("itself") && !from.outside() && from.eni().interfaceType().equals("branch")
                && podMode == PodSecurityGroupMode.STANDARD && b.family() == 4 ? "node" : way;
          }
        }));
    m.add(mutant("standard mode: a pod whose VPC blocks are missing is taken as not translated",
        n -> new NaiveEvaluator(n) {
          @Override
          protected String podSnat(Party from, Party to, Addr b) {
            String way = super.podSnat(from, to, b);
            return way.equals("maybe") ? "itself" : way;
          }
        }));
    m.add(mutant("a client reaches an NLB without groups on every port, though its listeners are known",
        n -> new NaiveEvaluator(n) {
          @Override
          protected SideRules sideRules(Party self, boolean egress, Party other, Addr otherAt) {
            SideRules r = super.sideRules(self, egress, other, otherAt);
            return r.listenersOf() != null && naiveListeners(r.listenersOf()) != null
                ? new SideRules(List.of(), false, true) : r;
          }
        }));
    m.add(mutant("outside parties never take part in who-can-reach", n -> new NaiveEvaluator(n) {
      @Override
      public Outside outsideReachers(String endpoint, Traffic t, List<String> sample, boolean towards) {
        Outside o = super.outsideReachers(endpoint, t, sample, towards);
        return new Outside(java.util.Set.of(), o.unknown());
      }
    }));
    m.add(mutant("who-can-reach of a group needs every member", n -> new NaiveEvaluator(n) {
      @Override
      public Who whoCanReach(String to, Traffic t) {
        List<Party> members = members(to);
        Who any = super.whoCanReach(to, t);
        java.util.Set<String> all = new java.util.LinkedHashSet<>();
        for (String id : any.allowed()) {
          if (members.stream().allMatch(p -> p.outside() && reach(whole(network.interfaces().get(id)), p, t)
              == NaiveOutcome.ALLOWED || !p.outside() && (p.eni().id().equals(id)
              || reach(whole(network.interfaces().get(id)), p, t) == NaiveOutcome.ALLOWED))) {
            all.add(id);
          }
        }
        return new Who(all, any.unknown());
      }
    }));
    m.add(engineMutant("the proof of an allowed flow names the other side's rules", f -> {
      if (!f.isAllowed() || f.egress().isEmpty()) {
        return f;
      }
      SideCheck e = f.egress().get();
      SideCheck i = f.ingress().get();
      return withSides(f, withMatches(e, i.matches()), withMatches(i, e.matches()));
    }));
    m.add(engineMutant("the proof of an allowed flow leaves out the ingress rules", f -> {
      if (!f.isAllowed() || f.ingress().isEmpty()) {
        return f;
      }
      return withSides(f, f.egress().get(), withMatches(f.ingress().get(), ImmutableList.of()));
    }));
    m.add(engineMutant("a fix admits the whole protocol", f -> withFixes(f, f.fixes().stream().map(x -> new Fix(
        x.groupId(), x.groupLabel(), new Rule(x.rule().direction(), x.rule().ports().protocol().hasPorts()
            ? new Ports(x.rule().ports().protocol(), 0, 65535) : Ports.allTraffic(), x.rule().peer(),
            x.rule().description(), ""))).toList())));
    m.add(engineMutant("a fix goes in the other direction", f -> withFixes(f, f.fixes().stream().map(x -> new Fix(
        x.groupId(), x.groupLabel(), new Rule(x.rule().direction() == Direction.INGRESS ? Direction.EGRESS
            : Direction.INGRESS, x.rule().ports(), x.rule().peer(), x.rule().description(), ""))).toList())));
    m.add(mutantOf("a fix references the other ENI's first group, even one both carry", n -> new ProductionEvaluator(n) {
      @Override
      public Optional<Verdict> proof(String from, String to, Traffic t) {
        Verdict v = super.proof(from, to, t).orElseThrow();
        return Optional.of(withFlows(v, v.flows().stream().map(f -> withFixes(f, f.fixes().stream()
            .map(x -> naiveFix(network, f, x)).toList())).toList()));
      }
    }));
    return m.stream();
  }

  /** The fix before the single side check: the blocking ENI's first group, the other ENI's first group. */
  private static Fix naiveFix(Network n, Flow f, Fix x) {
    boolean ingress = x.rule().direction() == Direction.INGRESS;
    Member self = ingress ? f.destination() : f.source();
    Member other = ingress ? f.source() : f.destination();
    SecurityGroup target = self.eni().orElseThrow().securityGroupIds().stream().map(n.securityGroups()::get)
        .filter(g -> g != null).findFirst().orElseThrow();
    Peer peer = x.rule().peer();
    if (other.eni().isPresent() && !other.eni().get().securityGroupIds().isEmpty()
        && x.rule().peer() instanceof Peer.GroupPeer) {
      peer = Peer.group(other.eni().get().securityGroupIds().get(0));
    } else if (other.eni().isPresent() && !other.eni().get().securityGroupIds().isEmpty()
        && other.eni().get().vpcId().equals(self.eni().get().vpcId())
        && other.eni().get().securityGroupIds().stream().allMatch(n.securityGroups()::containsKey)) {
      peer = Peer.group(other.eni().get().securityGroupIds().get(0));
    }
    return new Fix(target.id(), target.label(), new Rule(x.rule().direction(), x.rule().ports(), peer,
        x.rule().description(), ""));
  }

  private static Arguments engineMutant(String name, UnaryOperator<Flow> corrupt) {
    return mutantOf(name, n -> new ProductionEvaluator(n) {
      @Override
      public Optional<Verdict> proof(String from, String to, Traffic t) {
        Verdict v = super.proof(from, to, t).orElseThrow();
        return Optional.of(withFlows(v, v.flows().stream().map(corrupt).toList()));
      }
    });
  }

  private static Verdict withFlows(Verdict v, List<Flow> flows) {
    return new Verdict(v.from(), v.to(), v.traffic(), v.outcome(), v.coverage(), ImmutableList.copyOf(flows),
        v.warnings());
  }

  private static Flow withSides(Flow f, SideCheck egress, SideCheck ingress) {
    return new Flow(f.source(), f.destination(), f.traffic(), f.outcome(), Optional.of(egress),
        Optional.of(ingress), f.fixes(), f.remark());
  }

  private static Flow withFixes(Flow f, List<Fix> fixes) {
    return new Flow(f.source(), f.destination(), f.traffic(), f.outcome(), f.egress(), f.ingress(),
        ImmutableList.copyOf(fixes), f.remark());
  }

  private static SideCheck withMatches(SideCheck s, ImmutableList<RuleMatch> matches) {
    return new SideCheck(s.direction(), s.member(), s.localAddress(), s.remoteAddress(), s.outcome(), matches,
        s.nearMisses(), s.missing(), s.note());
  }

  private static Arguments mutant(String name, Function<Network, Evaluator> factory) {
    return Arguments.of(name, factory);
  }

  private static Arguments mutantOf(String name, Function<Network, Evaluator> factory) {
    return Arguments.of(name, factory);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mutants")
  void the_property_test_catches(String name, Function<Network, Evaluator> mutant) {
    long caughtAt = -1;
    String how = "";
    for (long seed = 1; seed <= 250 && caughtAt < 0; seed++) {
      List<String> found = Agreement.disagreements(seed, mutant, 1);
      if (!found.isEmpty()) {
        caughtAt = seed;
        how = found.get(0).lines().findFirst().orElse("");
      }
    }
    System.out.println("mutant '" + name + "' caught at seed " + caughtAt + ": " + how);
    assertThat(caughtAt).as("first seed on which the mutant '%s' is caught", name).isPositive();
  }
}
