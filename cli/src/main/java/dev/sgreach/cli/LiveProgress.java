package dev.sgreach.cli;

import dev.sgreach.aws.LoadListener;
import java.util.Locale;

/**
 * A live load's pages and finished operations shown as {@link Progress}. It is a class of its own, loaded only when
 * {@code snapshot} collects from AWS: {@code Progress} and every command class are loaded by offline commands too,
 * and the JVM's verifier would load the adapter's {@link LoadListener} to check an anonymous listener made there.
 */
final class LiveProgress {
  private LiveProgress() {}

  /** A listener that shows each page and each finished operation as the progress line. */
  static LoadListener of(Progress progress) {
    return new LoadListener() {
      @Override
      public void page(String action, int page, int items, int total) {
        progress.show(action + ": page " + page + ", " + String.format(Locale.ROOT, "%,d", total)
            + " items so far");
      }

      @Override
      public void finished(String action, int pages, int items) {
        progress.show(action + ": " + String.format(Locale.ROOT, "%,d", items) + (items == 1 ? " item" : " items"));
      }
    };
  }
}
