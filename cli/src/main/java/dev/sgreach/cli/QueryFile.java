package dev.sgreach.cli;

import dev.sgreach.model.Traffic;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A queries file for {@code reach --queries}: one query {@code FROM TO SPEC} a line, fields separated by spaces or
 * tabs. Blank lines are skipped, and {@code #} starts a comment that runs to the end of the line, whether it fills
 * the line or follows a query ({@code #} cannot occur in an endpoint or a spec). Windows line ends and a leading
 * byte-order mark are accepted.
 *
 * <p>Read compactly, so that a million-line file costs little beside the snapshot: each query is four ints (its line
 * and the numbers of its endpoint and spec texts), and each distinct endpoint and spec text is kept once, as written.
 */
final class QueryFile {
  /** The queries of one file, in input order. */
  static final class Queries {
    private int[] data = new int[64]; // line, from, to, spec per query
    private int size;
    private final List<String> endpoints = new ArrayList<>();
    private final Map<String, Integer> endpointNumbers = new HashMap<>();
    private final List<String> specs = new ArrayList<>();
    private final List<Traffic> traffic = new ArrayList<>();
    private final Map<String, Integer> specNumbers = new HashMap<>();

    private void add(int line, int from, int to, int spec) {
      if (data.length < (size + 1) * 4) {
        data = Arrays.copyOf(data, data.length * 2);
      }
      int at = size * 4;
      data[at] = line;
      data[at + 1] = from;
      data[at + 2] = to;
      data[at + 3] = spec;
      size++;
    }

    private int endpoint(String text) {
      Integer n = endpointNumbers.get(text);
      if (n == null) {
        n = endpoints.size();
        endpoints.add(text);
        endpointNumbers.put(text, n);
      }
      return n;
    }

    /** How many queries. */
    int size() {
      return size;
    }

    /** The 1-based line of query {@code i}. */
    int line(int i) {
      return data[i * 4];
    }

    /** The number of query {@code i}'s first field among {@link #endpoints()}. */
    int from(int i) {
      return data[i * 4 + 1];
    }

    /** The number of query {@code i}'s second field among {@link #endpoints()}. */
    int to(int i) {
      return data[i * 4 + 2];
    }

    /** The number of query {@code i}'s third field among {@link #specs()} and {@link #traffic()}. */
    int spec(int i) {
      return data[i * 4 + 3];
    }

    /** Each distinct endpoint text, exactly as written, in order of first use. */
    List<String> endpoints() {
      return endpoints;
    }

    /** Each distinct spec text, exactly as written, in order of first use. */
    List<String> specs() {
      return specs;
    }

    /** The traffic of each spec text. */
    List<Traffic> traffic() {
      return traffic;
    }
  }

  private QueryFile() {}

  /**
   * Reads and checks every line; endpoints are checked later, against the snapshot.
   *
   * @param name the file as the user named it, for messages ({@code <stdin>} for standard input)
   * @throws BadInputException {@code NAME:LINE: what is wrong}, for the first bad line
   */
  static Queries read(Reader reader, String name) {
    Queries queries = new Queries();
    String[] fields = new String[3];
    try (BufferedReader in = new BufferedReader(reader, 1 << 16)) {
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
        int count = split(content, fields);
        if (count != 3) {
          throw new BadInputException(name + ":" + number + ": expected FROM TO SPEC, found " + count
              + " field" + (count == 1 ? "" : "s") + " in '" + content + "'");
        }
        Integer spec = queries.specNumbers.get(fields[2]);
        if (spec == null) {
          Traffic traffic;
          try {
            traffic = Traffic.parse(fields[2]);
          } catch (IllegalArgumentException e) {
            throw new BadInputException(name + ":" + number + ": " + e.getMessage(), e);
          }
          spec = queries.specs.size();
          queries.specs.add(fields[2]);
          queries.traffic.add(traffic);
          queries.specNumbers.put(fields[2], spec);
        }
        queries.add(number, queries.endpoint(fields[0]), queries.endpoint(fields[1]), spec);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read queries file " + name + ": " + e.getMessage(), e);
    }
    return queries;
  }

  /** True for the separators of fields: the whitespace of {@code \s} (space, tab, line feed, vertical tab, form feed, carriage return). */
  private static boolean separator(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }

  /** Splits a stripped line into at most three fields; returns how many fields it has. */
  private static int split(String content, String[] out) {
    int count = 0;
    int i = 0;
    int n = content.length();
    while (i < n) {
      while (i < n && separator(content.charAt(i))) {
        i++;
      }
      if (i == n) {
        break;
      }
      int start = i;
      while (i < n && !separator(content.charAt(i))) {
        i++;
      }
      if (count < out.length) {
        out[count] = content.substring(start, i);
      }
      count++;
    }
    return count;
  }
}
