package dev.sgreach.aws;

import java.io.PrintWriter;

/**
 * Progress of a live load: one call per page received and one per finished operation. Operations are named by
 * their IAM action ({@code ec2:DescribeSecurityGroups}). Methods are called on the loading thread; an exception
 * thrown here aborts the load.
 */
public interface LoadListener {
  /** A listener that ignores everything. */
  LoadListener NONE = new LoadListener() {};

  /**
   * A page of results arrived.
   *
   * @param action the IAM action of the operation, e.g. {@code ec2:DescribeNetworkInterfaces}
   * @param page the page number, from 1
   * @param items the items on this page
   * @param total the items of this operation so far
   */
  default void page(String action, int page, int items, int total) {}

  /** An operation was followed to its last page. */
  default void finished(String action, int pages, int items) {}

  /**
   * A listener printing one line per finished operation, and one per page for operations of more than one page,
   * e.g. {@code ec2:DescribeSecurityGroups: 12 items in 3 pages}. For a command line's standard error.
   */
  static LoadListener printingTo(PrintWriter out) {
    return new LoadListener() {
      @Override
      public void page(String action, int page, int items, int total) {
        if (page > 1) {
          out.println(action + ": page " + page + ", " + total + " items so far");
          out.flush();
        }
      }

      @Override
      public void finished(String action, int pages, int items) {
        out.println(action + ": " + items + (items == 1 ? " item" : " items") + " in " + pages
            + (pages == 1 ? " page" : " pages"));
        out.flush();
      }
    };
  }
}
