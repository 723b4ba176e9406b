package dev.sgreach.engine;

import com.google.common.collect.ImmutableList;
import dev.sgreach.model.Traffic;
import java.util.Locale;

/**
 * Which endpoints reach which, on which traffic: one {@link Cell} per row endpoint, column endpoint and traffic, each
 * saying whether all, some or none of the member flows from the row's members to the column's get through (or that
 * none surely does and some depend on missing data), with the counts. A platform team's first question about an EKS
 * cluster ("which roles reach which, on tcp/443, tcp/10250, udp/53?") in one answer; each cell is what
 * {@link Reachability#reach} would say for that row, column and traffic, without the proof.
 *
 * @param rows the sources, in the order asked
 * @param columns the destinations, in the order asked
 * @param traffic the flows asked about, in the order asked
 * @param cells every cell, rows outermost, then columns, then traffic ({@link #cell(int, int, int)})
 */
public record Matrix(ImmutableList<Endpoint> rows, ImmutableList<Endpoint> columns, ImmutableList<Traffic> traffic,
    ImmutableList<Cell> cells) {

  public Matrix {
    if ((long) rows.size() * columns.size() * traffic.size() != cells.size()) {
      throw new IllegalArgumentException("a matrix of " + rows.size() + " x " + columns.size() + " x "
          + traffic.size() + " needs as many cells, got " + cells.size());
    }
  }

  /** The cell of row {@code r}, column {@code c} and traffic {@code t} (positions in the lists). */
  public Cell cell(int r, int c, int t) {
    return cells.get((r * columns.size() + c) * traffic.size() + t);
  }

  /** What a cell says of its member flows. */
  public enum Value {
    /** Every member flow is allowed ({@link Reachability#reach} says allowed). */
    ALL,
    /** Some member flows are allowed, others are denied or unknown. */
    SOME,
    /** Every member flow is denied. */
    NONE,
    /** No member flow is surely allowed, and some depend on data missing from the snapshot. */
    UNKNOWN;

    /** {@code all}, {@code some}, {@code none} or {@code unknown}. */
    public String word() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The value of a cell with these counts of member flows. */
    static Value of(int allowed, int denied, int unknown) {
      int total = allowed + denied + unknown;
      return allowed == total ? ALL : allowed > 0 ? SOME : unknown > 0 ? UNKNOWN : NONE;
    }
  }

  /**
   * One cell: the member flows from the row's members to the column's on one traffic, counted by outcome.
   *
   * @param row the source endpoint
   * @param column the destination endpoint
   * @param traffic the flow asked about
   * @param value all, some, none or unknown
   * @param allowed how many member flows are allowed
   * @param denied how many are denied
   * @param unknown how many depend on missing data
   */
  public record Cell(Endpoint row, Endpoint column, Traffic traffic, Value value, int allowed, int denied,
      int unknown) {

    /** How many member flows the cell stands for. */
    public int total() {
      return allowed + denied + unknown;
    }

    /** The overall outcome {@link Reachability#reach} gives: allowed for all, denied when one is denied. */
    public Outcome outcome() {
      return Reachability.combined(allowed, denied, total());
    }
  }
}
