package dev.sgreach.cli;

import com.google.common.collect.ImmutableList;
import dev.sgreach.model.Traffic;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;

/**
 * A queries file for {@code reach --queries}: one query {@code FROM TO SPEC} a line, fields separated by spaces or
 * tabs. Blank lines are skipped, and {@code #} starts a comment that runs to the end of the line, whether it fills
 * the line or follows a query ({@code #} cannot occur in an endpoint or a spec). Windows line ends and a leading
 * byte-order mark are accepted.
 */
final class QueryFile {
  /**
   * One query as written.
   *
   * @param line the 1-based line number
   * @param from the first field, exactly as written
   * @param to the second field, exactly as written
   * @param spec the third field, exactly as written
   * @param traffic the spec, parsed
   */
  record Query(int line, String from, String to, String spec, Traffic traffic) {}

  private QueryFile() {}

  /**
   * Reads and checks every line; endpoints are checked later, against the snapshot.
   *
   * @param name the file as the user named it, for messages ({@code <stdin>} for standard input)
   * @throws BadInputException {@code NAME:LINE: what is wrong}, for the first bad line
   */
  static ImmutableList<Query> read(Reader reader, String name) {
    ImmutableList.Builder<Query> queries = ImmutableList.builder();
    try (BufferedReader in = new BufferedReader(reader)) {
      int number = 0;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        number++;
        if (number == 1 && line.startsWith("\uFEFF")) {
          line = line.substring(1);
        }
        int hash = line.indexOf('#');
        String content = (hash >= 0 ? line.substring(0, hash) : line).strip();
        if (content.isEmpty()) {
          continue;
        }
        String[] fields = content.split("\\s+");
        if (fields.length != 3) {
          throw new BadInputException(name + ":" + number + ": expected FROM TO SPEC, found " + fields.length
              + " field" + (fields.length == 1 ? "" : "s") + " in '" + content + "'");
        }
        Traffic traffic;
        try {
          traffic = Traffic.parse(fields[2]);
        } catch (IllegalArgumentException e) {
          throw new BadInputException(name + ":" + number + ": " + e.getMessage(), e);
        }
        queries.add(new Query(number, fields[0], fields[1], fields[2], traffic));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read queries file " + name + ": " + e.getMessage(), e);
    }
    return queries.build();
  }
}
