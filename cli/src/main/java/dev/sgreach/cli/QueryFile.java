package dev.sgreach.cli;

import dev.sgreach.model.Traffic;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A queries file for {@code reach --queries}: one query {@code FROM TO SPEC} a line, fields separated by spaces or
 * tabs. Blank lines are skipped, and {@code #} starts a comment that runs to the end of the line, whether it fills
 * the line or follows a query ({@code #} cannot occur in an endpoint or a spec). Lines end with LF, CR LF or CR; a
 * leading byte-order mark is accepted; the text is UTF-8.
 *
 * <p>Read compactly and in one pass over a fixed buffer, so that a million-line file costs little beside the
 * snapshot: each query is four ints (its line and the numbers of its endpoint and spec texts), and each distinct
 * endpoint and spec text is kept once, as written; a line makes no object unless it brings a new text.
 */
final class QueryFile {
  /** The queries of one file, in input order. */
  static final class Queries {
    private int[] data = new int[64]; // line, from, to, spec per query
    private int size;
    private final Texts endpoints = new Texts();
    private final Texts specs = new Texts();
    private final List<Traffic> traffic = new ArrayList<>();

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
      return endpoints.list;
    }

    /** Each distinct spec text, exactly as written, in order of first use. */
    List<String> specs() {
      return specs.list;
    }

    /** The traffic of each spec text. */
    List<Traffic> traffic() {
      return traffic;
    }
  }

  /** Distinct texts numbered in order of first use, found by their UTF-8 bytes without making a string. */
  private static final class Texts {
    final List<String> list = new ArrayList<>();
    private byte[][] keys = new byte[1024][];
    private int[] numbers = new int[1024];

    /** The number of the text in {@code b[from..to)}, or -1 when it is new. */
    int find(byte[] b, int from, int to) {
      int mask = keys.length - 1;
      for (int slot = hash(b, from, to) & mask; keys[slot] != null; slot = (slot + 1) & mask) {
        if (Arrays.equals(keys[slot], 0, keys[slot].length, b, from, to)) {
          return numbers[slot];
        }
      }
      return -1;
    }

    /** Adds a new text; returns its number. */
    int add(byte[] b, int from, int to, String text) {
      if ((list.size() + 1) * 2 > keys.length) {
        grow();
      }
      int n = list.size();
      list.add(text);
      put(Arrays.copyOfRange(b, from, to), n);
      return n;
    }

    private void put(byte[] key, int n) {
      int mask = keys.length - 1;
      int slot = hash(key, 0, key.length) & mask;
      while (keys[slot] != null) {
        slot = (slot + 1) & mask;
      }
      keys[slot] = key;
      numbers[slot] = n;
    }

    private void grow() {
      byte[][] oldKeys = keys;
      int[] oldNumbers = numbers;
      keys = new byte[oldKeys.length * 2][];
      numbers = new int[oldKeys.length * 2];
      for (int i = 0; i < oldKeys.length; i++) {
        if (oldKeys[i] != null) {
          put(oldKeys[i], oldNumbers[i]);
        }
      }
    }

    private static int hash(byte[] b, int from, int to) {
      int h = 0x811C9DC5;
      for (int i = from; i < to; i++) {
        h = (h ^ b[i]) * 0x01000193;
      }
      return h ^ (h >>> 16);
    }
  }

  private QueryFile() {}

  /**
   * Reads and checks every line; endpoints are checked later, against the snapshot.
   *
   * @param in the file's bytes (closed by the caller)
   * @param name the file as the user named it, for messages ({@code <stdin>} for standard input)
   * @param strict true to refuse bytes that are not UTF-8 (a file), false to read them as U+FFFD (standard input)
   * @throws BadInputException {@code NAME:LINE: what is wrong}, for the first bad line
   */
  static Queries read(InputStream in, String name, boolean strict) {
    Queries queries = new Queries();
    CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(strict ? CodingErrorAction.REPORT : CodingErrorAction.REPLACE)
        .onUnmappableCharacter(strict ? CodingErrorAction.REPORT : CodingErrorAction.REPLACE);
    byte[] buf = new byte[1 << 16];
    int len = 0; // bytes in buf
    int start = 0; // where the current line starts
    int number = 0;
    boolean eof = false;
    boolean skipLf = false; // the last line ended with CR: an LF right after belongs to it
    try {
      while (true) {
        int end = start;
        while (end < len && buf[end] != '\n' && buf[end] != '\r') {
          end++;
        }
        if (end == len && !eof) { // no line end in the buffer: keep the partial line, read more
          if (start > 0) {
            System.arraycopy(buf, start, buf, 0, len - start);
            len -= start;
            start = 0;
          } else if (len == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
          }
          int n = in.read(buf, len, buf.length - len);
          if (n < 0) {
            eof = true;
          } else {
            len += n;
          }
          continue;
        }
        if (skipLf && end == start && end < len && buf[end] == '\n') { // the LF of a CR LF
          skipLf = false;
          start = end + 1;
          continue;
        }
        skipLf = false;
        if (end == len && start == len) {
          break; // eof, nothing left
        }
        number++;
        line(buf, start, end, number, name, utf8, queries);
        if (end < len) {
          skipLf = buf[end] == '\r';
          start = end + 1;
        } else {
          break;
        }
      }
    } catch (IOException e) {
      throw Errors.cannotRead("queries file", name, number, e);
    }
    return queries;
  }

  /** One line, {@code b[from..to)} without its line end. */
  private static void line(byte[] b, int from, int to, int number, String name, CharsetDecoder utf8, Queries q) {
    if (number == 1 && to - from >= 3 && (b[from] & 0xFF) == 0xEF && (b[from + 1] & 0xFF) == 0xBB
        && (b[from + 2] & 0xFF) == 0xBF) {
      from += 3; // a byte-order mark
    }
    for (int i = from; i < to; i++) {
      if (b[i] < 0) { // a byte of a multi-byte character: read this line as text
        textLine(decode(b, from, to, number, name, utf8), number, name, q);
        return;
      }
    }
    int end = from;
    while (end < to && b[end] != '#') {
      end++;
    }
    while (from < end && Character.isWhitespace(b[from])) {
      from++;
    }
    while (end > from && Character.isWhitespace(b[end - 1])) {
      end--;
    }
    if (from == end) {
      return; // blank, or only a comment
    }
    int[] fields = new int[6];
    int count = 0;
    for (int i = from; i < end; ) {
      while (i < end && separator(b[i])) {
        i++;
      }
      if (i == end) {
        break;
      }
      int s = i;
      while (i < end && !separator(b[i])) {
        i++;
      }
      if (count < 3) {
        fields[count * 2] = s;
        fields[count * 2 + 1] = i;
      }
      count++;
    }
    if (count != 3) {
      throw wrongFields(name, number, count, new String(b, from, end - from, StandardCharsets.US_ASCII));
    }
    int spec = q.specs.find(b, fields[4], fields[5]);
    if (spec < 0) {
      spec = newSpec(new String(b, fields[4], fields[5] - fields[4], StandardCharsets.US_ASCII), b, fields[4],
          fields[5], number, name, q);
    }
    q.add(number, endpoint(b, fields[0], fields[1], q), endpoint(b, fields[2], fields[3], q), spec);
  }

  private static int endpoint(byte[] b, int from, int to, Queries q) {
    int n = q.endpoints.find(b, from, to);
    return n >= 0 ? n : q.endpoints.add(b, from, to, new String(b, from, to - from, StandardCharsets.US_ASCII));
  }

  private static int newSpec(String text, byte[] b, int from, int to, int number, String name, Queries q) {
    Traffic traffic;
    try {
      traffic = Traffic.parse(text);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(name + ":" + number + ": " + e.getMessage(), e);
    }
    q.traffic.add(traffic);
    return q.specs.add(b, from, to, text);
  }

  /** A line with characters beyond ASCII, read as text with the same rules (Unicode whitespace stripped). */
  private static void textLine(String line, int number, String name, Queries q) {
    int hash = line.indexOf('#');
    String content = (hash >= 0 ? line.substring(0, hash) : line).strip();
    if (content.isEmpty()) {
      return;
    }
    String[] fields = content.split("[ \\t\\n\\x0B\\f\\r]+");
    if (fields.length != 3) {
      throw wrongFields(name, number, fields.length, content);
    }
    byte[][] bytes = new byte[3][];
    for (int i = 0; i < 3; i++) {
      bytes[i] = fields[i].getBytes(StandardCharsets.UTF_8);
    }
    int spec = q.specs.find(bytes[2], 0, bytes[2].length);
    if (spec < 0) {
      spec = newSpec(fields[2], bytes[2], 0, bytes[2].length, number, name, q);
    }
    int from = q.endpoints.find(bytes[0], 0, bytes[0].length);
    if (from < 0) {
      from = q.endpoints.add(bytes[0], 0, bytes[0].length, fields[0]);
    }
    int to = q.endpoints.find(bytes[1], 0, bytes[1].length);
    if (to < 0) {
      to = q.endpoints.add(bytes[1], 0, bytes[1].length, fields[1]);
    }
    q.add(number, from, to, spec);
  }

  private static String decode(byte[] b, int from, int to, int number, String name, CharsetDecoder utf8) {
    try {
      return utf8.reset().decode(ByteBuffer.wrap(b, from, to - from)).toString();
    } catch (CharacterCodingException e) {
      throw new BadInputException(name + ":" + number + ": the line is not UTF-8 text", e);
    }
  }

  private static BadInputException wrongFields(String name, int number, int count, String content) {
    return new BadInputException(name + ":" + number + ": expected FROM TO SPEC, found " + count + " field"
        + (count == 1 ? "" : "s") + " in '" + content + "'");
  }

  /** True for the separators of fields: the whitespace of {@code \s} (space, tab, line feed, vertical tab, form feed, carriage return). */
  private static boolean separator(byte c) {
    return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
  }
}
