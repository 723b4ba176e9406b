package dev.sgreach.cli;

import dev.sgreach.model.Echo;
import dev.sgreach.snapshot.SnapshotException;
import java.io.EOFException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionStrategy;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * How failures reach the user, in one place: one line on standard error starting {@code sgreach: }, exit status 2,
 * never a stack trace unless {@code --debug} is given. Picocli's default would exit 1 for an exception, which the
 * contract reserves for "denied".
 *
 * <ul>
 *   <li>Mistyped commands and options get the closest names ({@link Suggestions}), or the list to choose from.</li>
 *   <li>I/O errors are said in words ({@code no such file or folder}, {@code permission denied},
 *       {@code is a folder, not a file}, {@code not UTF-8 at line N}), never as Java exception names;
 *       {@link #cannotRead} is the function readers of user files call.</li>
 *   <li>Running out of memory or stack is one line saying what ran out and what to do, exit 2.</li>
 *   <li>An error writing standard output is exit 2 with the operating system's reason, checked once after every
 *       command ({@link #guard}).</li>
 *   <li>Every line is escaped and bounded ({@link Echo}): a value echoed from the input is shown with
 *       {@link Echo#quote}, and no line is longer than {@value #LINE_LIMIT} characters.</li>
 * </ul>
 */
final class Errors {
  /** The longest line of an error message; anything past it is cut and counted. */
  static final int LINE_LIMIT = 500;

  /** I/O errors that Java names by class, in words (for the rest, the operating system's reason is the words). */
  private static final Map<Class<? extends IOException>, String> WORDS = wordsByClass();

  private static Map<Class<? extends IOException>, String> wordsByClass() {
    Map<Class<? extends IOException>, String> m = new LinkedHashMap<>();
    m.put(NoSuchFileException.class, "no such file or folder");
    m.put(AccessDeniedException.class, "permission denied");
    m.put(NotDirectoryException.class, "not a folder");
    m.put(FileAlreadyExistsException.class, "already exists");
    m.put(DirectoryNotEmptyException.class, "the folder is not empty");
    m.put(FileSystemLoopException.class, "its symbolic links form a loop");
    m.put(CharacterCodingException.class, "not UTF-8"); // MalformedInputException, UnmappableCharacterException
    m.put(EOFException.class, "it ends early");
    return java.util.Collections.unmodifiableMap(m);
  }

  private Errors() {}

  /** Bad options or option values: one line naming the problem and where to find help. */
  static int handleParameterException(ParameterException ex, String[] args) {
    CommandLine cl = ex.getCommandLine();
    PrintWriter err = cl.getErr();
    String message = ex.getMessage();
    List<String> unmatched = ex instanceof UnmatchedArgumentException u ? u.getUnmatched() : List.of();
    if (ex instanceof MissingParameterException) {
      // picocli checks required options first; an unknown option (here or before the command) is more useful
      for (CommandLine c = cl; c != null && unmatched.isEmpty(); c = c.getParent()) {
        if (!c.getUnmatchedArguments().isEmpty()) {
          unmatched = c.getUnmatchedArguments();
          cl = c;
        }
      }
    }
    if (!unmatched.isEmpty()) {
      message = unmatched(cl, unmatched.get(0));
    } else if (ex.getArgSpec() == null && ex.getValue() != null && message != null
        && message.startsWith("Unknown subcommand")) {
      message = unknownCommand(cl, ex.getValue()); // sgreach help NAME
    }
    err.print("sgreach: " + oneLine(message) + " (see '" + cl.getCommandSpec().qualifiedName() + " --help')\n");
    if (debug(cl.getParseResult())) {
      ex.printStackTrace(err);
    }
    err.flush();
    return ExitCodes.BAD_INPUT;
  }

  /** An argument no option or parameter of {@code cl}'s command takes: a mistyped command or option, or one more. */
  private static String unmatched(CommandLine cl, String arg) {
    CommandSpec spec = cl.getCommandSpec();
    if (arg.startsWith("-") && arg.length() > 1) {
      return unknownOption(spec, arg);
    }
    if (!cl.getSubcommands().isEmpty()) {
      return unknownCommand(cl, arg);
    }
    return "unexpected argument " + Echo.quote(arg) + ": " + spec.qualifiedName() + " takes "
        + (spec.positionalParameters().isEmpty() ? "options only" : "at most " + positionals(spec));
  }

  private static String positionals(CommandSpec spec) {
    return String.join(" ", spec.positionalParameters().stream().map(p -> p.paramLabel()).toList());
  }

  private static String unknownCommand(CommandLine cl, String typed) {
    List<String> commands = new ArrayList<>(cl.getSubcommands().keySet());
    List<String> close = Suggestions.closest(typed, commands);
    String what = "unknown command " + Echo.quote(typed);
    return close.isEmpty() ? what + "; commands: " + String.join(", ", commands)
        : what + "; did you mean " + Suggestions.alternatives(close, n -> "'" + n + "'") + "?";
  }

  private static String unknownOption(CommandSpec spec, String arg) {
    int eq = arg.indexOf('=');
    String name = eq > 0 ? arg.substring(0, eq) : arg;
    List<String> names = new ArrayList<>();
    for (OptionSpec o : spec.options()) {
      names.addAll(List.of(o.names()));
    }
    String what = "unknown option " + Echo.quote(name) + " for " + spec.qualifiedName();
    List<String> close = Suggestions.closest(name, names);
    if (!close.isEmpty()) {
      return what + "; did you mean " + Suggestions.alternatives(close, n -> n) + "?";
    }
    Set<String> elsewhere = new LinkedHashSet<>();
    CommandSpec root = spec.root();
    for (CommandLine sub : root.subcommands().values()) {
      if (sub.getCommandSpec() != spec && sub.getCommandSpec().findOption(name) != null) {
        elsewhere.add(sub.getCommandName());
      }
    }
    if (!elsewhere.isEmpty()) {
      return what + ": it is an option of " + Suggestions.alternatives(List.copyOf(elsewhere), n -> n)
          + (spec == root ? ", given after the command's name" : "");
    }
    return what;
  }

  /** Anything a command throws: bad input found while running, or an internal error. */
  static int handleExecutionException(Exception ex, CommandLine cl, ParseResult parseResult) {
    Optional<VirtualMachineError> exhausted = causes(ex).stream().filter(VirtualMachineError.class::isInstance)
        .map(VirtualMachineError.class::cast).findFirst();
    if (exhausted.isPresent()) {
      return exhausted(cl, exhausted.get());
    }
    PrintWriter err = cl.getErr();
    err.print("sgreach: " + message(ex) + "\n");
    if (debug(parseResult)) {
      ex.printStackTrace(err);
    }
    err.flush();
    return ExitCodes.BAD_INPUT;
  }

  /**
   * The execution strategy around {@code inner}: what no exception handler sees. Out of memory or stack while a
   * command runs is one line and exit 2 (not Java's stack trace and exit 1, which would read as "denied"); and once
   * the command is done, standard output is flushed and checked, so an answer that could not be written is exit 2
   * with the reason, never a silent success.
   */
  static IExecutionStrategy guard(IExecutionStrategy inner) {
    return parseResult -> {
      CommandLine cl = parseResult.commandSpec().commandLine();
      int status;
      try {
        status = inner.execute(parseResult);
      } catch (OutOfMemoryError | StackOverflowError e) {
        return exhausted(cl, e);
      }
      PrintWriter out = cl.getOut();
      out.flush();
      if (out.checkError()) {
        Optional<IOException> why = out instanceof StandardOutput s ? s.failure() : Optional.empty();
        PrintWriter err = cl.getErr();
        err.print("sgreach: cannot write the answer to standard output"
            + why.map(e -> ": " + oneLine(words(e))).orElse("") + "\n");
        err.flush();
        return ExitCodes.BAD_INPUT;
      }
      return status;
    };
  }

  /** Out of memory or stack: what ran out, and what to change. */
  static int exhausted(CommandLine cl, VirtualMachineError e) {
    String line;
    try {
      line = exhaustedLine(e, Runtime.getRuntime().maxMemory());
    } catch (OutOfMemoryError again) {
      line = "sgreach: out of memory: raise the heap limit with SGREACH_JAVA_OPTS=-Xmx4g, or ask a narrower question";
    }
    PrintWriter err = cl.getErr();
    err.print(line + "\n");
    err.flush();
    return ExitCodes.BAD_INPUT;
  }

  /**
   * The line for an error that ended a thread no command waits for: out of memory or stack as {@link #exhaustedLine},
   * anything else an internal error naming the thread.
   */
  static String uncaughtLine(String thread, Throwable e) {
    Optional<VirtualMachineError> exhausted = causes(e).stream().filter(VirtualMachineError.class::isInstance)
        .map(VirtualMachineError.class::cast).findFirst();
    if (exhausted.isPresent()) {
      try {
        return exhaustedLine(exhausted.get(), Runtime.getRuntime().maxMemory());
      } catch (OutOfMemoryError again) {
        return "sgreach: out of memory: raise the heap limit with SGREACH_JAVA_OPTS=-Xmx4g, or ask a narrower"
            + " question";
      }
    }
    return oneLine("sgreach: internal error in thread '" + thread + "': " + e.getClass().getName()
        + (e.getMessage() == null ? "" : ": " + e.getMessage()));
  }

  static String exhaustedLine(VirtualMachineError e, long maxHeap) {
    String narrower = "or ask a narrower question (one --cluster, fewer ENIs or queries, a smaller snapshot)";
    if (e instanceof StackOverflowError) {
      return "sgreach: out of stack space (a thread's stack ran out on deeply nested input): raise it with "
          + "SGREACH_JAVA_OPTS=-Xss64m (or JAVA_OPTS), " + narrower;
    }
    String reason = e.getMessage() == null ? "" : e.getMessage();
    if (reason.isEmpty() || reason.contains("Java heap space") || reason.contains("GC overhead")
        || reason.contains("array size")) {
      long mb = maxHeap / (1024 * 1024);
      return "sgreach: out of memory (the Java heap, at most " + mb + " MB, is full): raise it with "
          + "SGREACH_JAVA_OPTS=-Xmx" + Math.max(2, 2 * ((mb + 1023) / 1024)) + "g (or JAVA_OPTS), " + narrower;
    }
    return "sgreach: out of memory (" + oneLine(reason) + "): give the JVM more through SGREACH_JAVA_OPTS (or "
        + "JAVA_OPTS), " + narrower;
  }

  /**
   * Failures of a live load that are the user's to fix (denied, unreachable, no region), known by class name so that
   * offline commands never load an AWS SDK or adapter class, not even to test an exception's type.
   */
  private static final java.util.Set<String> LIVE_FAILURES = java.util.Set.of("dev.sgreach.aws.LiveLoadException",
      "software.amazon.awssdk.core.exception.SdkClientException");

  /** The user-facing text of an exception; unexpected ones are marked as internal errors. */
  static String message(Throwable ex) {
    Optional<IOException> io = causes(ex).stream().filter(IOException.class::isInstance)
        .map(IOException.class::cast).findFirst();
    boolean expected = ex instanceof IllegalArgumentException || ex instanceof BadInputException
        || ex instanceof UncheckedIOException || ex instanceof IOException
        || ex instanceof SnapshotException || ex instanceof dev.sgreach.planned.InputException || isLiveFailure(ex.getClass());
    String text = ex.getMessage() == null || ex.getMessage().isBlank() ? "" : ex.getMessage();
    if (io.isPresent() && expected && !(ex instanceof BadInputException)) {
      text = inWords(text, io.get());
    } else if (text.isEmpty()) {
      text = ex.getClass().getSimpleName();
    }
    return oneLine(expected ? text : "internal error: " + ex.getClass().getName() + ": " + text
        + " (run with --debug for the stack trace)");
  }

  private static boolean isLiveFailure(Class<?> type) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      if (LIVE_FAILURES.contains(c.getName())) {
        return true;
      }
    }
    return false;
  }

  /**
   * A message that carried an I/O error, with the error in words: where the message is or ends with Java's text of
   * the error ({@code java.nio.file.NoSuchFileException: /x}, or just {@code /x}), the words replace it; where it
   * leaves the cause out ({@code cannot read X}), they are added. Messages sgreach words itself
   * ({@link BadInputException}) are left as they are.
   */
  static String inWords(String message, IOException e) {
    String words = words(e);
    String raw = e.toString();
    String bare = e.getMessage() == null ? "" : e.getMessage();
    if (message.isEmpty() || message.equals(raw) || message.equals(bare)) {
      return where(e).map(w -> w + ": ").orElse("") + words;
    }
    if (message.contains(words)) {
      return message;
    }
    if (message.contains(raw)) {
      return message.replace(raw, where(e).filter(p -> !message.contains(p + ": " + raw)).map(p -> p + ": ")
          .orElse("") + words);
    }
    if (!bare.isEmpty() && message.endsWith(": " + bare)) {
      return message.substring(0, message.length() - bare.length()) + words;
    }
    return message + ": " + words;
  }

  /**
   * The error in words, as a user reads it: {@code no such file or folder}, {@code permission denied},
   * {@code is a folder, not a file}, {@code not UTF-8}, or the operating system's own reason
   * ({@code No space left on device}).
   */
  static String words(IOException e) {
    for (Map.Entry<Class<? extends IOException>, String> w : WORDS.entrySet()) {
      if (w.getKey().isInstance(e)) {
        return w.getValue();
      }
    }
    String reason = e instanceof FileSystemException f ? f.getReason() : e.getMessage();
    if (reason == null || reason.isBlank()) {
      return "input/output error";
    }
    if (reason.equalsIgnoreCase("Is a directory")) {
      return "is a folder, not a file";
    }
    if (reason.equalsIgnoreCase("Not a directory")) {
      return "not a folder";
    }
    return reason;
  }

  /** The file an I/O error is about, when it names one. */
  private static Optional<String> where(IOException e) {
    return e instanceof FileSystemException f && f.getFile() != null ? Optional.of(f.getFile()) : Optional.empty();
  }

  /**
   * The bad-input error for a user's file that could not be read: {@code cannot read WHAT NAME: CAUSE IN WORDS}.
   * For readers of user files (the queries file, a jshell script, a plan): call it with the exception the read
   * threw.
   *
   * @param what the kind of file, e.g. {@code queries file}
   * @param name the file as the user named it ({@code <stdin>} for standard input)
   */
  static BadInputException cannotRead(String what, String name, IOException e) {
    return new BadInputException("cannot read " + what + " " + name + ": " + words(e), e);
  }

  /**
   * As {@link #cannotRead(String, String, IOException)}, for a reader that goes line by line and knows where it
   * stopped: an encoding error becomes {@code not UTF-8 at line N}.
   *
   * @param line the 1-based number of the line being read when the error came
   */
  static BadInputException cannotRead(String what, String name, int line, IOException e) {
    String words = words(e);
    return new BadInputException("cannot read " + what + " " + name + ": " + words
        + (e instanceof CharacterCodingException ? " at line " + line : ""), e);
  }

  /**
   * The bytes of a user's file as text, strictly UTF-8 (a leading byte-order mark is dropped).
   *
   * @throws BadInputException {@code cannot read WHAT NAME: not UTF-8 at line N} for the first bad byte
   */
  static String utf8(byte[] bytes, String what, String name) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      int line = 1;
      for (int i = 0; i < in.position(); i++) {
        line += bytes[i] == '\n' ? 1 : 0;
      }
      throw new BadInputException("cannot read " + what + " " + name + ": not UTF-8 at line " + line);
    }
    String text = out.flip().toString();
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  /**
   * The message as one line: line breaks become spaces, every other character that could forge output is escaped
   * ({@link Echo#visible}), and the line is cut after {@value #LINE_LIMIT} characters.
   */
  static String oneLine(String text) {
    if (text == null) {
      return "";
    }
    String single = text.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ').trim();
    return Echo.shorten(single, LINE_LIMIT);
  }

  private static List<Throwable> causes(Throwable ex) {
    List<Throwable> chain = new ArrayList<>();
    for (Throwable t = ex; t != null && !chain.contains(t); t = t.getCause()) {
      chain.add(t);
    }
    return chain;
  }

  private static boolean debug(ParseResult pr) {
    for (ParseResult p = pr; p != null; p = p.subcommand()) {
      if (p.hasMatchedOption("--debug")) {
        return true;
      }
    }
    return false;
  }
}
