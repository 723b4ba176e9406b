package dev.sgreach.benchmarks;

import dev.sgreach.aws.SdkMapping;
import dev.sgreach.model.Network;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.services.ec2.model.NetworkInterface;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;

/**
 * Issue 4: mapping a region's AWS SDK v2 responses (10,000 security groups, 100,000 ENIs, as the live loader receives
 * them from {@code DescribeSecurityGroups} and {@code DescribeNetworkInterfaces}) into a {@link Network}, through the
 * one mapping live loads and snapshot files share ({@link SdkMapping#toNetwork}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class SdkMappingBenchmark extends RegionState {
  List<SecurityGroup> groups;
  List<NetworkInterface> interfaces;

  @Override
  protected boolean buildEngine() {
    return false;
  }

  @Setup(Level.Trial)
  public void toSdk() {
    generateRegion();
    groups = SdkMapping.securityGroups(network);
    interfaces = SdkMapping.networkInterfaces(network);
    network = null;
    naive = null;
  }

  @Benchmark
  public Network mapSdkResponses() {
    return SdkMapping.toNetwork(groups, List.of(), interfaces);
  }
}
