package dev.sgreach.engine;

import com.google.common.collect.ImmutableRangeSet;
import com.google.common.collect.Range;
import java.util.Arrays;

/**
 * A set of ints as closed spans {@code [low, high]}, built by adding spans in any order: the engine's scratch form of
 * a key set (ports, ICMP keys, protocol numbers) while it unions and intersects what rules admit. Mutable and
 * single-threaded; {@link #toRangeSet()} gives the immutable form that results carry.
 */
final class Spans {
  private int[] lows = new int[4];
  private int[] highs = new int[4];
  private int size;
  private boolean normal = true;

  /** Adds {@code [low, high]}. */
  void add(int low, int high) {
    if (size == lows.length) {
      lows = Arrays.copyOf(lows, size * 2);
      highs = Arrays.copyOf(highs, size * 2);
    }
    if (size > 0 && low <= highs[size - 1] + 1) {
      normal = false; // not after the last span: sort and merge before reading
    }
    lows[size] = low;
    highs[size] = high;
    size++;
  }

  /** Adds every span of another set. */
  void addAll(Spans other) {
    other.normalize();
    for (int i = 0; i < other.size; i++) {
      add(other.lows[i], other.highs[i]);
    }
  }

  boolean isEmpty() {
    return size == 0;
  }

  /** True when {@code v} lies in a span. */
  boolean contains(int v) {
    normalize();
    int lo = 0;
    int hi = size;
    while (lo < hi) { // the first span starting above v
      int mid = (lo + hi) >>> 1;
      if (lows[mid] <= v) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo > 0 && v <= highs[lo - 1];
  }

  /** Sorts and merges touching or overlapping spans. */
  void normalize() {
    if (normal) {
      return; // reading a normal set writes nothing, so normal sets can be shared for reading
    }
    if (size < 2) {
      normal = true;
      return;
    }
    Integer[] order = new Integer[size];
    for (int i = 0; i < size; i++) {
      order[i] = i;
    }
    final int[] lo = lows;
    Arrays.sort(order, (a, b) -> Integer.compare(lo[a], lo[b]));
    int[] nl = new int[size];
    int[] nh = new int[size];
    int n = 0;
    for (int k = 0; k < size; k++) {
      int l = lows[order[k]];
      int h = highs[order[k]];
      if (n > 0 && l <= nh[n - 1] + 1) {
        nh[n - 1] = Math.max(nh[n - 1], h);
      } else {
        nl[n] = l;
        nh[n] = h;
        n++;
      }
    }
    lows = nl;
    highs = nh;
    size = n;
    normal = true;
  }

  /** The spans in both sets, added to {@code out}. */
  void intersectInto(Spans other, Spans out) {
    normalize();
    other.normalize();
    int i = 0;
    int j = 0;
    while (i < size && j < other.size) {
      int l = Math.max(lows[i], other.lows[j]);
      int h = Math.min(highs[i], other.highs[j]);
      if (l <= h) {
        out.add(l, h);
      }
      if (highs[i] < other.highs[j]) {
        i++;
      } else {
        j++;
      }
    }
  }

  /** Removes {@code [low, high]}. */
  void remove(int low, int high) {
    normalize();
    Spans kept = new Spans();
    for (int i = 0; i < size; i++) {
      if (highs[i] < low || lows[i] > high) {
        kept.add(lows[i], highs[i]);
        continue;
      }
      if (lows[i] < low) {
        kept.add(lows[i], low - 1);
      }
      if (highs[i] > high) {
        kept.add(high + 1, highs[i]);
      }
    }
    lows = kept.lows;
    highs = kept.highs;
    size = kept.size;
    normal = true;
  }

  /** Removes every span of another set. */
  void removeAll(Spans other) {
    other.normalize();
    for (int i = 0; i < other.size; i++) {
      remove(other.lows[i], other.highs[i]);
    }
  }

  /** The set as Guava's canonical closed-open ranges. */
  ImmutableRangeSet<Integer> toRangeSet() {
    normalize();
    ImmutableRangeSet.Builder<Integer> b = ImmutableRangeSet.builder();
    for (int i = 0; i < size; i++) {
      b.add(Range.closedOpen(lows[i], highs[i] + 1));
    }
    return b.build();
  }
}
