package dev.sgreach.benchmarks;

import dev.sgreach.engine.Endpoint;
import dev.sgreach.engine.Reachability;
import dev.sgreach.engine.Verdict;
import dev.sgreach.model.Network;
import dev.sgreach.model.NetworkInterface;
import dev.sgreach.model.Peer;
import dev.sgreach.model.Ports;
import dev.sgreach.model.SecurityGroup;
import dev.sgreach.model.Traffic;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A group x group {@code reach}: a node group of {@code nodes} ENIs (two ENI classes: every third node also carries a
 * second group) to itself on tcp/443, admitted by a self-referencing group; {@code nodes * (nodes - 1)} member flows
 * (8,997,000 at 3,000 nodes, 399,980,000 at 20,000), decided per ENI class pair.
 *
 * <ul>
 *   <li>{@code reach}: {@code Reachability.reach(sg, sg, tcp/443)}, the verdict with its groups and counts;</li>
 *   <li>{@code reachAndExplain}: the same and its text, as {@code ./sgreach reach} prints it.</li>
 * </ul>
 *
 * <p>Run: {@code ./mvnw -B -ntp -pl benchmarks -am package -DskipTests && java -jar benchmarks/target/benchmarks.jar
 * GroupReachBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class GroupReachBenchmark {
  @Param({"3000", "20000"})
  public int nodes;

  Reachability engine;
  final Endpoint group = Endpoint.securityGroup("sg-nodes");
  final Traffic https = Traffic.tcp(443);

  @Setup(Level.Trial)
  public void buildNodeGroup() {
    Network.Builder b = Network.builder()
        .add(SecurityGroup.builder("sg-nodes").name("nodes").vpc("vpc-1")
            .allowOut(Ports.allTraffic(), Peer.cidr("0.0.0.0/0"))
            .allowIn(Ports.tcp(443), Peer.group("sg-nodes"), "nodes").build())
        .add(SecurityGroup.builder("sg-extra").name("extra").vpc("vpc-1")
            .allowIn(Ports.tcp(22), Peer.cidr("192.0.2.0/24")).build());
    for (int i = 0; i < nodes; i++) {
      b.add(NetworkInterface.builder(String.format("eni-%017x", i)).vpc("vpc-1")
          .address("10." + (i / 65536) + "." + (i / 256 % 256) + "." + (i % 256))
          .groups(i % 3 == 0 ? new String[] {"sg-nodes", "sg-extra"} : new String[] {"sg-nodes"}).build());
    }
    engine = Reachability.of(b.build());
  }

  @Benchmark
  public Verdict reach() {
    return engine.reach(group, group, https);
  }

  @Benchmark
  public String reachAndExplain() {
    return engine.reach(group, group, https).explain();
  }
}
