package dev.sgreach.engine;

import dev.sgreach.model.Cidr;
import dev.sgreach.model.NetworkInterface;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The ENIs' addresses sorted for "which ENIs have an address in this block": every private IPv4 and IPv6 address in
 * one sorted array with the ENI owning it, so that a block is one contiguous run of it, and the delegated prefixes
 * beside it (a prefix is in a block's run when they overlap).
 */
final class AddressIndex {
  private final Cidr[] sorted;
  private final int[] owner;
  /** Per ENI, the positions of its private addresses in {@link #sorted}. */
  private final int[][] positions;
  private final Cidr[] prefixes;
  private final int[] prefixOwner;
  /** Per ENI, its delegated prefixes (shared empty array when none). */
  private final Cidr[][] eniPrefixes;

  AddressIndex(NetworkInterface[] enis) {
    List<Cidr> addresses = new ArrayList<>();
    List<Integer> owners = new ArrayList<>();
    List<Cidr> pBlocks = new ArrayList<>();
    List<Integer> pOwners = new ArrayList<>();
    eniPrefixes = new Cidr[enis.length][];
    Cidr[] none = new Cidr[0];
    for (int i = 0; i < enis.length; i++) {
      for (Cidr a : enis[i].privateAddresses()) {
        addresses.add(a);
        owners.add(i);
      }
      eniPrefixes[i] = enis[i].prefixes().isEmpty() ? none : enis[i].prefixes().toArray(none);
      for (Cidr p : enis[i].prefixes()) {
        pBlocks.add(p);
        pOwners.add(i);
      }
    }
    Integer[] order = new Integer[addresses.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> addresses.get(a).compareTo(addresses.get(b)));
    sorted = new Cidr[order.length];
    owner = new int[order.length];
    int[] count = new int[enis.length];
    for (int i = 0; i < order.length; i++) {
      sorted[i] = addresses.get(order[i]);
      owner[i] = owners.get(order[i]);
      count[owner[i]]++;
    }
    positions = new int[enis.length][];
    for (int e = 0; e < enis.length; e++) {
      positions[e] = new int[count[e]];
      count[e] = 0;
    }
    for (int i = 0; i < order.length; i++) {
      positions[owner[i]][count[owner[i]]++] = i;
    }
    prefixes = pBlocks.toArray(none);
    prefixOwner = pOwners.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The first position whose address is not below the block's network address. */
  int start(Cidr block) {
    Cidr key = block.networkAddress();
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid].compareTo(key) < 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** One past the last position whose address lies inside the block, counting from {@link #start(Cidr)}. */
  int end(Cidr block, int start) {
    int lo = start;
    int hi = sorted.length;
    while (lo < hi) { // addresses inside the block are contiguous from start
      int mid = (lo + hi) >>> 1;
      if (block.contains(sorted[mid])) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** The ENI owning the address at a position. */
  int owner(int position) {
    return owner[position];
  }

  /** The positions of an ENI's private addresses. */
  int[] positions(int eni) {
    return positions[eni];
  }

  /** The delegated prefixes of an ENI. */
  Cidr[] prefixes(int eni) {
    return eniPrefixes[eni];
  }

  /** How many delegated prefixes there are. */
  int prefixCount() {
    return prefixes.length;
  }

  /** The delegated prefix at {@code i}, and its owner. */
  Cidr prefix(int i) {
    return prefixes[i];
  }

  int prefixOwner(int i) {
    return prefixOwner[i];
  }
}
