package dev.sgreach.testkit;

import static dev.sgreach.testkit.error.ShouldBeReachableOnlyFrom.shouldBeReachableOnlyFrom;

import com.google.common.collect.Lists;
import dev.sgreach.engine.Endpoint;
import dev.sgreach.engine.Flow;
import dev.sgreach.engine.Reachability;
import dev.sgreach.engine.Reachers;
import dev.sgreach.model.Cidr;
import dev.sgreach.model.NetworkInterface;
import dev.sgreach.model.Traffic;
import dev.sgreach.testkit.error.ReachersFinding;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Asserts that only the given sources can open flows to a destination: {@code isReachableOnlyFrom(web).on(tcp(5432))}
 * asks the engine's {@code whoCanReach} for each traffic and checks that every ENI and outside block it names is
 * covered by a source. An ENI whose verdict is unknown and is not covered fails too.
 */
public class ReachableOnlyFromAssert extends AbstractAssert<ReachableOnlyFromAssert, Endpoint> {
  private static final int MAX_PROOFS = 3;
  private final List<Endpoint> sources;
  private final Scope scope;

  ReachableOnlyFromAssert(Endpoint to, List<Endpoint> sources, Scope scope) {
    super(to, ReachableOnlyFromAssert.class);
    this.sources = List.copyOf(sources);
    this.scope = scope;
    scope.describe(this);
  }

  private void fail(ErrorMessageFactory factory) {
    scope.fail(assertionError(factory));
  }

  /**
   * Verifies, for each given traffic, that nothing but the sources can open it to the destination. On failure the
   * message lists every reacher, the uncovered ones, and the rules that let the first few through.
   *
   * @param first the first traffic
   * @param more more traffic
   * @return this assertion
   */
  public ReachableOnlyFromAssert on(Traffic first, Traffic... more) {
    Reachability r = scope.reachability();
    Set<String> coveredEnis = new HashSet<>();
    List<Cidr> coveredBlocks = new ArrayList<>();
    for (Endpoint s : sources) {
      if (s instanceof Endpoint.Address a) {
        coveredBlocks.add(a.address());
      }
      if (!(s instanceof Endpoint.Address a && !a.address().isSingleAddress())) {
        r.resolve(s).forEach(m -> m.eni().ifPresent(e -> coveredEnis.add(e.id())));
      }
    }
    List<ReachersFinding> findings = new ArrayList<>();
    for (Traffic t : Lists.asList(first, more)) {
      Reachers reachers = r.whoCanReach(actual, t);
      List<String> unexpected = new ArrayList<>();
      List<Flow> proof = new ArrayList<>();
      for (NetworkInterface e : reachers.allowedInterfaces()) {
        if (!coveredEnis.contains(e.id())) {
          unexpected.add(e.label());
          addProof(proof, r.reach(Endpoint.eni(e.id()), actual, t));
        }
      }
      for (Cidr c : reachers.outsideBlocks()) {
        if (coveredBlocks.stream().noneMatch(b -> b.contains(c))) {
          unexpected.add(c.toCidrString());
          if (r.network().interfaceOwning(c.networkAddress()).isEmpty()) {
            addProof(proof, r.reach(new Endpoint.Address(c.networkAddress()), actual, t));
          }
        }
      }
      for (NetworkInterface e : reachers.unknownInterfaces()) {
        if (!coveredEnis.contains(e.id())) {
          unexpected.add(e.label() + " (unknown)");
        }
      }
      reachers.outsideUnknown().forEach(u -> unexpected.add(u + " (unknown)"));
      if (!unexpected.isEmpty()) {
        findings.add(new ReachersFinding(reachers, unexpected, proof));
      }
    }
    if (!findings.isEmpty()) {
      fail(shouldBeReachableOnlyFrom(actual, sources, findings));
    }
    return myself;
  }

  /** The verdict's first allowed member flow: the proof of its first group that gets through. */
  private static void addProof(List<Flow> proof, dev.sgreach.engine.Verdict v) {
    if (proof.size() < MAX_PROOFS) {
      v.groups().stream().map(dev.sgreach.engine.FlowGroup::proof).filter(Flow::isAllowed).findFirst()
          .ifPresent(proof::add);
    }
  }

}
