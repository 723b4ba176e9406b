package dev.sgreach.engine;

import static dev.sgreach.engine.Tri.T;

import com.google.common.collect.ImmutableList;
import dev.sgreach.model.Cidr;
import dev.sgreach.model.Direction;
import dev.sgreach.model.NetworkInterface;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the internet can open to ENIs: for each ENI, its ingress side towards an outside party anywhere in the
 * public address space of each family it can be reached in ({@link SideJudge#keys} with
 * {@link SideJudge#internet} as the peer), with the rules that admit it. ENIs of one class with the same reachable
 * families are exposed alike, so each such kind is judged once.
 */
final class ExposureQuery {
  private final Index index;
  private final SideJudge sides;

  ExposureQuery(Index index, SideJudge sides) {
    this.index = index;
    this.sides = sides;
  }

  /** Every exposed ENI of the snapshot, in snapshot order. */
  Exposure all() {
    ImmutableList.Builder<Exposure.Exposed> out = ImmutableList.builder();
    Map<Long, Optional<Exposure.Exposed>> byKind = new HashMap<>();
    for (int i = 0; i < index.enis.length; i++) {
      NetworkInterface e = index.enis[i];
      int families = reachableFamilies(e);
      long kind = (long) index.eniClass[i] << 2 | families;
      int eni = i;
      Optional<Exposure.Exposed> x = byKind.computeIfAbsent(kind, k -> exposed(eni));
      if (x.isPresent()) {
        Exposure.Exposed t = x.get();
        out.add(t.eni() == e ? t : new Exposure.Exposed(e, t.open(), t.rules(), t.fromAnywhere(),
            hasPublicAddress(e, families)));
      }
    }
    return new Exposure(out.build());
  }

  /**
   * The families an outside party can reach an ENI in: bit 1 IPv4 (a private or public IPv4 address, or an IPv4
   * prefix), bit 2 IPv6.
   */
  static int reachableFamilies(NetworkInterface e) {
    int bits = e.publicIpv4().isEmpty() ? 0 : 1;
    for (Cidr a : e.addressBlocks()) {
      bits |= Index.familyBit(a.family());
    }
    return bits;
  }

  private static boolean hasPublicAddress(NetworkInterface e, int families) {
    return !e.publicIpv4().isEmpty() || (families & 2) != 0;
  }

  /** What the internet can open to one ENI, if anything (or anything unknown). */
  Optional<Exposure.Exposed> exposed(int eni) {
    NetworkInterface e = index.enis[eni];
    int families = reachableFamilies(e);
    if (families == 0) {
      return Optional.empty();
    }
    Spans[] allowed = FlowJudge.spans();
    Spans[] unknown = FlowJudge.spans();
    for (int f = 4; f <= 6; f += 2) {
      if ((families & Index.familyBit(f)) == 0) {
        continue;
      }
      int family = f;
      SideJudge.Keys keys = sides.keys(Direction.INGRESS, eni, r -> sides.internet(r, family));
      for (int space = 0; space < SideJudge.SPACES; space++) {
        if (space < SideJudge.OTHER_PROTOCOLS && !FlowJudge.carries(space, f)) {
          continue;
        }
        allowed[space].addAll(keys.sure[space]);
        unknown[space].addAll(keys.possible[space]);
      }
    }
    OpenPorts open = OpenPorts.of(allowed, unknown);
    boolean unfiltered = sides.party(eni) == T;
    ImmutableList.Builder<RuleMatch> rules = ImmutableList.builder();
    boolean anywhere = unfiltered;
    boolean any = unfiltered;
    for (int g : index.eniGroups[eni]) {
      CompiledRule[] rs = index.rules(g, Direction.INGRESS);
      if (rs == null) {
        continue;
      }
      for (CompiledRule r : rs) {
        if (!admitsInternet(r, families)) {
          continue;
        }
        for (Cidr b : sides.internetBlocks(r, families)) {
          any = true;
          anywhere |= b.isAnywhere();
          rules.add(new RuleMatch(r.group, r.rule, b));
        }
      }
    }
    if (!any && !open.hasUnknown()) {
      return Optional.empty();
    }
    return Optional.of(new Exposure.Exposed(e, open, rules.build(), anywhere, hasPublicAddress(e, families)));
  }

  private boolean admitsInternet(CompiledRule r, int families) {
    return (families & 1) != 0 && sides.internet(r, 4) == T || (families & 2) != 0 && sides.internet(r, 6) == T;
  }
}
