package dev.sgreach.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.sgreach.engine.Outcome;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * Writes the answers of {@code reach --queries} one at a time through a buffer: the text lines
 * {@code FROM<TAB>TO<TAB>SPEC<TAB>outcome}, or the {@code --json} array of {@link Json#query} objects, streamed
 * so that it reads exactly as the whole document would print. Closing flushes (the underlying writer stays open).
 */
abstract class QueryAnswers implements AutoCloseable {
  private static final int BUFFER = 1 << 16;

  /** One answer, with its fields as written. */
  abstract void write(int line, String from, String to, String spec, Outcome outcome) throws IOException;

  @Override
  public abstract void close() throws IOException;

  /**
   * The text lines, gathered in a buffer of characters of its own and handed on a buffer at a time: a hundred
   * thousand answers are nine hundred thousand small writes, each of which a {@link BufferedWriter} would lock.
   */
  static QueryAnswers text(Writer out) {
    return new QueryAnswers() {
      private final char[] buffer = new char[BUFFER];
      private int used;

      @Override
      void write(int line, String from, String to, String spec, Outcome outcome) throws IOException {
        put(from);
        put('\t');
        put(to);
        put('\t');
        put(spec);
        put('\t');
        put(outcome.word());
        put('\n');
      }

      private void put(String text) throws IOException {
        int length = text.length();
        if (used + length > buffer.length) {
          drain();
          if (length > buffer.length) {
            out.write(text);
            return;
          }
        }
        text.getChars(0, length, buffer, used);
        used += length;
      }

      private void put(char c) throws IOException {
        if (used == buffer.length) {
          drain();
        }
        buffer[used++] = c;
      }

      private void drain() throws IOException {
        out.write(buffer, 0, used);
        used = 0;
      }

      @Override
      public void close() throws IOException {
        drain();
        out.flush();
      }
    };
  }

  static QueryAnswers json(Writer out) throws IOException {
    BufferedWriter w = new BufferedWriter(out, BUFFER);
    JsonGenerator g = Json.streaming(w);
    g.writeStartArray();
    return new QueryAnswers() {
      @Override
      void write(int line, String from, String to, String spec, Outcome outcome) throws IOException {
        Json.writeTree(g, Json.query(line, from, to, spec, outcome));
      }

      @Override
      public void close() throws IOException {
        g.writeEndArray();
        g.flush();
        w.write('\n');
        w.flush();
      }
    };
  }
}
