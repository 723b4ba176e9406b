package dev.sgreach.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sgreach.model.Cidr;
import dev.sgreach.model.Network;
import dev.sgreach.model.NetworkInterface;
import dev.sgreach.model.Peer;
import dev.sgreach.model.Rule;
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
 * no longer reaches that corner.
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
    return m.stream();
  }

  private static Arguments mutant(String name, Function<Network, Evaluator> factory) {
    return Arguments.of(name, factory);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mutants")
  void the_property_test_catches(String name, Function<Network, Evaluator> mutant) {
    long caughtAt = -1;
    for (long seed = 1; seed <= 250 && caughtAt < 0; seed++) {
      if (!Agreement.disagreements(seed, mutant, 1).isEmpty()) {
        caughtAt = seed;
      }
    }
    System.out.println("mutant '" + name + "' caught at seed " + caughtAt);
    assertThat(caughtAt).as("first seed on which the mutant '%s' is caught", name).isPositive();
  }
}
