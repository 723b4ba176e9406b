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

  static QueryAnswers text(Writer out) {
    BufferedWriter w = new BufferedWriter(out, BUFFER);
    return new QueryAnswers() {
      @Override
      void write(int line, String from, String to, String spec, Outcome outcome) throws IOException {
        w.write(from);
        w.write('\t');
        w.write(to);
        w.write('\t');
        w.write(spec);
        w.write('\t');
        w.write(outcome.word());
        w.write('\n');
      }

      @Override
      public void close() throws IOException {
        w.flush();
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
