package dev.sgreach.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.Optional;

/**
 * Standard output as the commands print to it: a {@link PrintWriter} that, unlike {@code System.out}, keeps the
 * first error the operating system gave when writing ({@code No space left on device}, {@code Broken pipe}), so that
 * the command line can report it and exit 2 instead of claiming an answer it never delivered. {@link Errors} checks
 * it once, after every command.
 */
final class StandardOutput extends PrintWriter {
  private final Recorder recorder;

  private StandardOutput(Recorder recorder, Charset charset) {
    super(new OutputStreamWriter(recorder, charset));
    this.recorder = recorder;
  }

  /** The process's standard output (file descriptor 1), in the encoding {@code System.out} uses. */
  static StandardOutput system() {
    String name = System.getProperty("sun.stdout.encoding");
    Charset charset = name != null && Charset.isSupported(name) ? Charset.forName(name) : Charset.defaultCharset();
    return over(new FileOutputStream(FileDescriptor.out), charset);
  }

  /** Standard output over this stream (tests pass a stream that fails). */
  static StandardOutput over(OutputStream stream, Charset charset) {
    return new StandardOutput(new Recorder(stream), charset);
  }

  /** The first write or flush error, if any happened. */
  Optional<IOException> failure() {
    return Optional.ofNullable(recorder.failure);
  }

  /** Passes bytes on and remembers the first failure, which {@link PrintWriter} would otherwise swallow. */
  private static final class Recorder extends FilterOutputStream {
    private IOException failure;

    Recorder(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      try {
        out.write(b);
      } catch (IOException e) {
        throw remember(e);
      }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      try {
        out.write(b, off, len);
      } catch (IOException e) {
        throw remember(e);
      }
    }

    @Override
    public void flush() throws IOException {
      try {
        out.flush();
      } catch (IOException e) {
        throw remember(e);
      }
    }

    private IOException remember(IOException e) {
      if (failure == null) {
        failure = e;
      }
      return e;
    }
  }
}
