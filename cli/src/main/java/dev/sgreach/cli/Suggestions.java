package dev.sgreach.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * "Did you mean ...?" for a mistyped command or option name: the names closest to what was typed, when they are
 * close.
 *
 * <p>Close means few edits apart (insertions, deletions, substitutions and swaps of neighbours, ignoring case): one
 * edit for names up to five characters, two for longer ones; or what was typed starts exactly one name
 * ({@code who} for {@code who-can-reach}). Only the nearest names are offered, so {@code --form} suggests
 * {@code --from}, not {@code --format}.
 */
final class Suggestions {
  private Suggestions() {}

  /** The candidates closest to {@code typed}, in the candidates' order; empty when none is close. */
  static List<String> closest(String typed, Collection<String> candidates) {
    String t = typed.toLowerCase(Locale.ROOT);
    int allowed = t.length() <= 5 ? 1 : 2;
    int best = Integer.MAX_VALUE;
    List<String> nearest = new ArrayList<>();
    for (String c : candidates) {
      if (Math.abs(c.length() - t.length()) > allowed) {
        continue; // at least that many edits apart (and a 5 MB argument costs nothing)
      }
      int d = distance(t, c.toLowerCase(Locale.ROOT));
      if (d > allowed) {
        continue;
      }
      if (d < best) {
        best = d;
        nearest.clear();
      }
      if (d == best && !nearest.contains(c)) {
        nearest.add(c);
      }
    }
    if (!nearest.isEmpty() || t.length() < 2) {
      return nearest;
    }
    List<String> extending = candidates.stream().filter(c -> c.toLowerCase(Locale.ROOT).startsWith(t)).distinct()
        .toList();
    return extending.size() == 1 ? extending : List.of();
  }

  /** {@code 'a'}, {@code 'a' or 'b'}, {@code 'a', 'b' or 'c'}: each name formatted by {@code quote}. */
  static String alternatives(List<String> names, java.util.function.UnaryOperator<String> quote) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < names.size(); i++) {
      if (i > 0) {
        b.append(i == names.size() - 1 ? " or " : ", ");
      }
      b.append(quote.apply(names.get(i)));
    }
    return b.toString();
  }

  /** The optimal string alignment distance: edits, counting a swap of two neighbours as one. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          v = Math.min(v, d[i - 2][j - 2] + 1);
        }
        d[i][j] = v;
      }
    }
    return d[a.length()][b.length()];
  }
}
