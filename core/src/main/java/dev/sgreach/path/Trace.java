package dev.sgreach.path;

import java.util.ArrayList;
import java.util.List;

/**
 * What a {@link Walk} records while it decides: the hops of the forward packet and of the reply, and the fixes for the
 * hops that deny. {@link #OFF} records nothing, for the fast three-valued answer; the decisions are the same.
 */
final class Trace {
  static final Trace OFF = new Trace(false);

  final boolean on;
  final List<Hop> forward;
  final List<Hop> reply;
  final List<PathFix> fixes;

  private Trace(boolean on) {
    this.on = on;
    this.forward = on ? new ArrayList<>() : List.of();
    this.reply = on ? new ArrayList<>() : List.of();
    this.fixes = on ? new ArrayList<>() : List.of();
  }

  static Trace recording() {
    return new Trace(true);
  }

  void add(boolean replyHop, Hop hop) {
    (replyHop ? reply : forward).add(hop);
  }

  void fix(PathFix fix) {
    if (fix != null && !fixes.contains(fix)) {
      fixes.add(fix);
    }
  }
}
