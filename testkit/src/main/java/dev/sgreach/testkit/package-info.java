/**
 * AssertJ assertions about reachability under AWS security groups, and a JUnit 5 extension that gives a test its
 * network. Start from {@link dev.sgreach.testkit.SgreachAssertions} (one static import) and, for a whole test class,
 * {@link dev.sgreach.testkit.SgreachSnapshot}:
 *
 * <pre>{@code
 * import static dev.sgreach.testkit.SgreachAssertions.*;
 *
 * @SgreachSnapshot("examples/three-tier")
 * class ThreeTierTest {
 *   @SgreachSnapshot Network network;
 *
 *   @Test
 *   void web_reaches_the_database_and_nothing_else_does() {
 *     assertThat(network).endpoint(securityGroup("sg-web")).canReach(securityGroup("sg-db")).on(tcp(5432));
 *     assertThat(network).endpoint(securityGroup("sg-db")).isReachableOnlyFrom(securityGroup("sg-web")).on(tcp(5432));
 *     assertThat(network).endpoint(securityGroup("sg-db")).isNotExposedToInternet();
 *   }
 * }
 * }</pre>
 *
 * <h2>Vocabulary</h2>
 *
 * <ul>
 *   <li>{@code assertThat(network).endpoint(x).canReach(y).on(tcp(443), udp(53))}: every traffic is allowed;
 *   <li>{@code ...canReach(y).onlyOn(tcp(443))}, or {@code endpoint(x).canReachOnlyOn(y, tcp(443))}: exactly that
 *       traffic gets through, nothing else (unknown counts as getting through);
 *   <li>{@code ...cannotReach(y).on(tcp(22))} and {@code ...cannotReach(y).onAnyPort()}: denied (unknown fails);
 *   <li>{@code endpoint(x).isReachableOnlyFrom(sources...).on(tcp(5432))}: every ENI and outside block the engine
 *       finds can open the flow is covered by a source;
 *   <li>{@code endpoint(x).isNotExposedToInternet()}, {@code endpoint(x).exposesToInternetOnly(tcp(80), tcp(443))};
 *       {@code assertThat(network).isNotExposedToInternet()}, {@code assertThat(network).hasNoStaleReferences()};
 *   <li>{@code assertThat(verdict)}: {@code isAllowed()}, {@code isDenied()}, {@code isUnknown()},
 *       {@code isAllowedForAll()}, {@code isAllowedForSome()}, {@code isAllowedForNone()},
 *       {@code isBlockedAtIngress()}, {@code isBlockedAtEgress()};
 *   <li>{@code assertThat(openPorts)}: {@code allows(...)}, {@code allowsOnly(...)}, {@code allowsNothing()}.
 * </ul>
 *
 * <p>Endpoints: {@code eni("eni-...")}, {@code address("10.0.1.5")}, {@code instance("i-...")},
 * {@code securityGroup("sg-...")} (every ENI carrying it), {@code endpoint("...")} (the command line's forms), and
 * {@code cidr("10.0.0.0/16")} as a source of {@code isReachableOnlyFrom}. A group-valued endpoint passes only when
 * every member pair passes; its failure gives the coverage ({@code all}, {@code some}, {@code none}) and the outcome
 * of every member flow, with the proof of those that fail. Traffic: {@code tcp(443)}, {@code udp(53)}, {@code icmp(8, 0)}, {@code icmpv6(128, 0)},
 * {@code protocol(50)}.
 *
 * <h2>EKS clusters</h2>
 *
 * <p>{@code assertThat(cluster)} takes an {@link dev.sgreach.eks.EksCluster} (injected with
 * {@code @SgreachSnapshot(value = "examples/ekscluster1", cluster = "ekscluster1") EksCluster cluster;}, or
 * {@code EksCluster.of(network, name)}):
 *
 * <ul>
 *   <li>{@code passesEksChecks()}: the cluster's EKS checks find no error; the failure lists each error with the
 *       blocked member flows, the side that blocks them and the fix command. {@code hasNoEksWarnings()} likewise;
 *   <li>{@code controlPlane()}, {@code nodes()}, {@code nodegroup("ng1")}, {@code managedNodes()},
 *       {@code selfManagedNodes()}, {@code fargatePods()}, {@code podsWithSecurityGroups()}, {@code loadBalancers()},
 *       {@code vpcEndpoints()}, {@code bastions()}, {@code role(...)}, {@code endpoint(...)}: the
 *       {@link dev.sgreach.testkit.EndpointAssert} of that role, whose checks also take roles as targets or sources
 *       ({@link dev.sgreach.testkit.EksRole}: the same names as static helpers of
 *       {@link dev.sgreach.testkit.SgreachAssertions}), resolved against the cluster:
 *       {@code assertThat(cluster).nodegroup("ng1").canReach(controlPlane()).on(tcp(443))}.
 * </ul>
 *
 * <h2>From rule-level matchers to flows</h2>
 *
 * <p>InSpec's {@code aws_security_group} and awspec's {@code security_group} check one group's rules in isolation.
 * sgreach asks whether the traffic actually gets through: the sender's egress and the receiver's ingress, every group
 * on each ENI, group references resolved against the ENIs that carry them.
 *
 * <table>
 *   <caption>Rule-level matcher and its flow-level equivalent</caption>
 *   <tr><th>InSpec / awspec</th><th>sgreach</th></tr>
 *   <tr><td>InSpec {@code it { should allow_in(port: 22, ipv4_range: '10.0.0.0/8') }}</td>
 *       <td>{@code endpoint(address("10.1.2.3")).canReach(securityGroup(sg)).on(tcp(22))}</td></tr>
 *   <tr><td>InSpec {@code it { should_not allow_in(port: 22, ipv4_range: '0.0.0.0/0') }}</td>
 *       <td>{@code endpoint(securityGroup(sg)).exposesToInternetOnly(...)} or {@code isNotExposedToInternet()}, or
 *       {@code endpoint(address("203.0.113.9")).cannotReach(securityGroup(sg)).on(tcp(22))}</td></tr>
 *   <tr><td>InSpec {@code it { should allow_in_only(port: 443, ipv4_range: '10.0.0.0/16') }}</td>
 *       <td>{@code endpoint(securityGroup(sg)).isReachableOnlyFrom(cidr("10.0.0.0/16")).on(tcp(443))}</td></tr>
 *   <tr><td>InSpec {@code it { should allow_out(port: 5432, security_group: db) }}</td>
 *       <td>{@code endpoint(securityGroup(sg)).canReach(securityGroup(db)).on(tcp(5432))}</td></tr>
 *   <tr><td>InSpec {@code it { should allow_out_only(...) }}</td>
 *       <td>{@code endpoint(securityGroup(sg)).canReachOnlyOn(y, tcp(5432))}</td></tr>
 *   <tr><td>awspec {@code it { should be_opened(80).protocol('tcp').for('203.0.113.1') }}</td>
 *       <td>{@code endpoint(address("203.0.113.1")).canReach(securityGroup(sg)).on(tcp(80))}</td></tr>
 *   <tr><td>awspec {@code it { should be_inbound_opened(443).for(sg_lb) }}</td>
 *       <td>{@code endpoint(securityGroup(sgLb)).canReach(securityGroup(sg)).on(tcp(443))}</td></tr>
 *   <tr><td>awspec {@code it { should be_outbound_opened(53).protocol('udp').for('10.0.0.2') }}</td>
 *       <td>{@code endpoint(securityGroup(sg)).canReach(address("10.0.0.2")).on(udp(53))}</td></tr>
 *   <tr><td>awspec {@code it { should_not be_opened(22) }}</td>
 *       <td>{@code endpoint(x).cannotReach(securityGroup(sg)).on(tcp(22))} for the sources that matter, or
 *       {@code endpoint(securityGroup(sg)).isReachableOnlyFrom(...).on(tcp(22))}</td></tr>
 *   <tr><td>awspec {@code its(:inbound_rule_count) { should eq 3 }}</td>
 *       <td>no equivalent on purpose: rule counts say nothing about flows</td></tr>
 * </table>
 *
 * <h2>Failure messages</h2>
 *
 * <p>Each failure names what was expected and what the engine found, with its proof: the egress and ingress rules
 * that match (group id and name, description, rule id), or the side that blocks and the near misses, and the rule to
 * add as an {@code aws ec2 authorize-security-group-*} command. The message factories are in
 * {@link dev.sgreach.testkit.error}. {@link dev.sgreach.testkit.SgreachSoftAssertions} collects every failure of a
 * test.
 *
 * <p>No assertion evaluates a rule: each asks the engine ({@link dev.sgreach.engine.Reachability}) and reads its
 * verdicts, open ports, reachers and exposure.
 */
package dev.sgreach.testkit;
