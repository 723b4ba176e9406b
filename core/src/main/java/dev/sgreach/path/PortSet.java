package dev.sgreach.path;

import com.google.common.collect.ImmutableRangeSet;
import com.google.common.collect.Range;
import java.util.Arrays;

/**
 * An immutable set of keys (ports, or ICMP type*256+code) as sorted, disjoint, non-adjacent inclusive intervals: the
 * packet's destination ports while a network ACL judges them. Small on purpose: a flow has one key, a reply one
 * ephemeral range.
 */
final class PortSet {
  static final PortSet EMPTY = new PortSet(new int[0]);

  /** lo0, hi0, lo1, hi1, ... */
  private final int[] bounds;

  private PortSet(int[] bounds) {
    this.bounds = bounds;
  }

  static PortSet of(int lo, int hi) {
    return lo > hi ? EMPTY : new PortSet(new int[] {lo, hi});
  }

  static PortSet single(int key) {
    return new PortSet(new int[] {key, key});
  }

  boolean isEmpty() {
    return bounds.length == 0;
  }

  boolean contains(int key) {
    for (int i = 0; i < bounds.length; i += 2) {
      if (bounds[i] <= key && key <= bounds[i + 1]) {
        return true;
      }
    }
    return false;
  }

  /** The keys of this set inside {@code lo..hi}. */
  PortSet intersect(int lo, int hi) {
    if (bounds.length == 2) {
      if (bounds[0] >= lo && bounds[1] <= hi) {
        return this;
      }
      int a = Math.max(bounds[0], lo);
      int b = Math.min(bounds[1], hi);
      return a > b ? EMPTY : new PortSet(new int[] {a, b});
    }
    int[] out = new int[bounds.length];
    int n = 0;
    for (int i = 0; i < bounds.length; i += 2) {
      int a = Math.max(bounds[i], lo);
      int b = Math.min(bounds[i + 1], hi);
      if (a <= b) {
        out[n++] = a;
        out[n++] = b;
      }
    }
    return n == 0 ? EMPTY : n == bounds.length && Arrays.equals(out, bounds) ? this : new PortSet(Arrays.copyOf(out, n));
  }

  /** The keys of this set that are not in {@code other}. */
  PortSet minus(PortSet other) {
    PortSet result = this;
    for (int i = 0; i < other.bounds.length && !result.isEmpty(); i += 2) {
      result = result.minus(other.bounds[i], other.bounds[i + 1]);
    }
    return result;
  }

  private PortSet minus(int lo, int hi) {
    int[] out = new int[bounds.length + 2];
    int n = 0;
    for (int i = 0; i < bounds.length; i += 2) {
      int a = bounds[i];
      int b = bounds[i + 1];
      if (b < lo || a > hi) {
        out[n++] = a;
        out[n++] = b;
        continue;
      }
      if (a < lo) {
        out[n++] = a;
        out[n++] = lo - 1;
      }
      if (b > hi) {
        out[n++] = hi + 1;
        out[n++] = b;
      }
    }
    return n == 0 ? EMPTY : new PortSet(Arrays.copyOf(out, n));
  }

  /** Every key in either set. */
  PortSet union(PortSet other) {
    if (isEmpty()) {
      return other;
    }
    if (other.isEmpty()) {
      return this;
    }
    int[] all = new int[bounds.length + other.bounds.length];
    System.arraycopy(bounds, 0, all, 0, bounds.length);
    System.arraycopy(other.bounds, 0, all, bounds.length, other.bounds.length);
    // sort intervals by start (few of them: insertion sort on pairs)
    for (int i = 2; i < all.length; i += 2) {
      int a = all[i];
      int b = all[i + 1];
      int j = i - 2;
      while (j >= 0 && all[j] > a) {
        all[j + 2] = all[j];
        all[j + 3] = all[j + 1];
        j -= 2;
      }
      all[j + 2] = a;
      all[j + 3] = b;
    }
    int[] out = new int[all.length];
    int n = 0;
    for (int i = 0; i < all.length; i += 2) {
      if (n > 0 && all[i] <= out[n - 1] + 1) {
        out[n - 1] = Math.max(out[n - 1], all[i + 1]);
      } else {
        out[n++] = all[i];
        out[n++] = all[i + 1];
      }
    }
    return new PortSet(Arrays.copyOf(out, n));
  }

  /** The number of intervals. */
  int intervals() {
    return bounds.length / 2;
  }

  int low(int interval) {
    return bounds[2 * interval];
  }

  int high(int interval) {
    return bounds[2 * interval + 1];
  }

  /** The same keys as a Guava range set of closed ranges. */
  ImmutableRangeSet<Integer> toRangeSet() {
    ImmutableRangeSet.Builder<Integer> b = ImmutableRangeSet.builder();
    for (int i = 0; i < bounds.length; i += 2) {
      b.add(Range.closed(bounds[i], bounds[i + 1]));
    }
    return b.build();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PortSet p && Arrays.equals(p.bounds, bounds);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bounds);
  }

  /** {@code 32768-49151, 50000}. */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < bounds.length; i += 2) {
      if (s.length() > 0) {
        s.append(", ");
      }
      s.append(bounds[i] == bounds[i + 1] ? Integer.toString(bounds[i]) : bounds[i] + "-" + bounds[i + 1]);
    }
    return s.toString();
  }
}
