package dev.sgreach.path;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sgreach.model.Cidr;
import dev.sgreach.model.Network;
import dev.sgreach.model.Traffic;

/**
 * Asks the path layer about one flow and checks, before the test looks at the verdict, that its fast answer, its
 * explained answer and the naive oracle's agree; every failure message carries the proof.
 */
final class Judge {
  private Judge() {}

  static PathVerdict verdict(Network n, PathEnd from, PathEnd to, Traffic t, ClientPorts ports) {
    PacketPaths paths = PacketPaths.of(n);
    PathVerdict v = paths.check(from, to, t, ports);
    assertThat(paths.outcome(from, to, t, ports)).as("fast answer, against the explained one:%n%s", v.explain())
        .isEqualTo(v.outcome());
    NaivePathOracle.Answer oracle = new NaivePathOracle(n).judge(from, to, t, ports);
    assertThat(PathAgreesWithOracleTest.answer(v)).as("the naive oracle's answer, against this proof:%n%s",
        v.explain()).isEqualTo(oracle.toString());
    return v;
  }

  static PathVerdict verdict(Network n, PathEnd from, PathEnd to, Traffic t) {
    return verdict(n, from, to, t, PacketPaths.defaultClientPorts(from));
  }

  /** An ENI of the network at its first private address. */
  static PathEnd eni(Network n, String id) {
    return PathEnd.of(n.networkInterface(id).orElseThrow());
  }

  /** An ENI of the network at one of its addresses. */
  static PathEnd eni(Network n, String id, String address) {
    return PathEnd.of(n.networkInterface(id).orElseThrow(), Cidr.parseAddress(address));
  }

  static PathEnd outside(String address) {
    return PathEnd.outside(address);
  }
}
