package dev.sgreach.cli;

import dev.sgreach.model.Echo;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;
import jdk.jshell.UnresolvedReferenceException;

/**
 * Runs a jshell script for {@code sgreach shell SCRIPT}, in a JVM of its own that {@link ShellCommand} starts: the
 * snippets run in this JVM (jshell's local execution), so {@code System.exit(5)} in the script ends it with status 5.
 *
 * <p>The script is split into snippets the way jshell splits what it is given, and run in order after the shell's
 * imports (and, with a snapshot, {@code network} and {@code reachability}). Only what the script prints is printed:
 * no banner, no prompt, no {@code $1 ==> ...} feedback. A snippet that does not compile or that throws stops the
 * script with one line on standard error naming the script's line, the snippet and jshell's message, and exit status
 * 2. Of jshell's commands, {@code /exit [STATUS]} works (STATUS is an int expression, 0 when left out); any other
 * {@code /command} is an error, since a script runs Java, not the interactive tool.
 *
 * <p>Arguments: {@code [--debug] [--snapshot FOLDER] SCRIPT NAME}, NAME being the script as the user wrote it.
 */
final class ShellScript {
  private final JShell shell;
  private final PrintStream err;
  private final boolean debug;
  private final String name;
  /** Where each snippet starts in the script (0-based character offset), by snippet id; absent for the startup. */
  private final Map<String, Integer> starts = new HashMap<>();
  private String source = "";

  private ShellScript(JShell shell, PrintStream err, boolean debug, String name) {
    this.shell = shell;
    this.err = err;
    this.debug = debug;
    this.name = name;
  }

  public static void main(String[] args) {
    int status;
    try {
      status = run(args);
    } catch (BadInputException e) {
      System.err.println("sgreach: " + Errors.oneLine(e.getMessage()));
      status = ExitCodes.BAD_INPUT;
    }
    System.out.flush();
    System.err.flush();
    System.exit(status);
  }

  private static int run(String[] args) {
    boolean debug = false;
    String snapshot = null;
    List<String> rest = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--debug" -> debug = true;
        case "--snapshot" -> snapshot = args[++i];
        default -> rest.add(args[i]);
      }
    }
    if (rest.size() != 2) {
      throw new BadInputException("internal error: ShellScript takes [--debug] [--snapshot FOLDER] SCRIPT NAME");
    }
    String name = rest.get(1);
    String script;
    try {
      script = Errors.utf8(Files.readAllBytes(Path.of(rest.get(0))), "jshell script", name);
    } catch (IOException e) {
      throw Errors.cannotRead("jshell script", name, e);
    }
    try (JShell shell = JShell.builder().executionEngine("local").out(System.out).err(System.err).in(System.in)
        .build()) {
      shell.addToClasspath(System.getProperty("java.class.path"));
      ShellScript runner = new ShellScript(shell, System.err, debug, name);
      Optional<Integer> failed = runner.runStartup(ShellCommand.scriptStartup(snapshot));
      return failed.orElseGet(() -> runner.runScript(script));
    }
  }

  private Optional<Integer> runStartup(List<String> snippets) {
    for (String s : snippets) {
      Optional<String> problem = eval(s, -1);
      if (problem.isPresent()) {
        err.println("sgreach: the shell's startup failed: " + problem.get());
        return Optional.of(ExitCodes.BAD_INPUT);
      }
    }
    return Optional.empty();
  }

  /** Runs the script's snippets in order; the exit status. */
  private int runScript(String script) {
    source = script.startsWith("\uFEFF") ? script.substring(1) : script;
    SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
    int pos = 0;
    while (true) {
      while (pos < source.length() && Character.isWhitespace(source.charAt(pos))) {
        pos++;
      }
      if (pos >= source.length()) {
        return ExitCodes.OK;
      }
      if (isCommand(pos)) {
        int end = source.indexOf('\n', pos);
        end = end < 0 ? source.length() : end;
        String command = source.substring(pos, end).strip();
        Optional<Integer> exit = command(command, pos);
        if (exit.isPresent()) {
          return exit.get();
        }
        pos = end;
        continue;
      }
      String rest = source.substring(pos);
      CompletionInfo info = analysis.analyzeCompletion(rest);
      switch (info.completeness()) {
        case EMPTY -> {
          return ExitCodes.OK; // only comments are left
        }
        case DEFINITELY_INCOMPLETE, CONSIDERED_INCOMPLETE -> {
          int code = codeStart(pos);
          return fail(code, "the script ends inside this snippet, which is not finished: "
              + Echo.quote(lineAt(code)));
        }
        default -> {
          Optional<String> problem = eval(info.source(), pos);
          if (problem.isPresent()) {
            return fail(-1, problem.get());
          }
          pos += rest.length() - info.remaining().length();
        }
      }
    }
  }

  /** A jshell command at the start of a line: {@code /exit}, {@code /list} ... (not a {@code //} or {@code /*}). */
  private boolean isCommand(int pos) {
    return source.startsWith("/", pos) && !source.startsWith("//", pos) && !source.startsWith("/*", pos);
  }

  /** {@code /exit [STATUS]} ends the script with that status; every other command is an error. */
  private Optional<Integer> command(String command, int pos) {
    String[] words = command.split("\\s+", 2);
    if (!words[0].equals("/exit")) {
      return Optional.of(fail(pos, "jshell command " + Echo.quote(words[0]) + " cannot run in a script: sgreach shell "
          + "SCRIPT runs Java snippets and /exit [STATUS]; start 'sgreach shell' without SCRIPT for the others"));
    }
    if (words.length == 1 || words[1].isBlank()) {
      return Optional.of(ExitCodes.OK);
    }
    List<SnippetEvent> events = shell.eval(words[1]);
    for (SnippetEvent e : events) {
      if (e.causeSnippet() == null) {
        starts.put(e.snippet().id(), pos + command.indexOf(words[1]));
      }
    }
    Optional<String> problem = problem(events);
    if (problem.isPresent()) {
      return Optional.of(fail(-1, problem.get()));
    }
    String value = events.isEmpty() ? null : events.get(events.size() - 1).value();
    try {
      return Optional.of(Integer.parseInt(value == null ? "" : value.strip()));
    } catch (NumberFormatException e) {
      return Optional.of(fail(pos, "/exit takes an int status, and " + Echo.quote(words[1]) + " is "
          + Echo.quote(String.valueOf(value))));
    }
  }

  /** Evaluates one snippet starting at {@code start} in the script (-1: the startup); what went wrong, if anything. */
  private Optional<String> eval(String snippet, int start) {
    List<SnippetEvent> events = shell.eval(snippet);
    if (start >= 0) {
      for (SnippetEvent e : events) {
        if (e.causeSnippet() == null) {
          starts.put(e.snippet().id(), start);
        }
      }
    }
    return problem(events);
  }

  private Optional<String> problem(List<SnippetEvent> events) {
    for (SnippetEvent e : events) {
      if (e.causeSnippet() != null) {
        continue; // another snippet updated by this one
      }
      if (e.status() == Snippet.Status.REJECTED) {
        return Optional.of(rejected(e.snippet()));
      }
      if (e.exception() != null) {
        return Optional.of(threw(e.snippet(), e.exception()));
      }
    }
    return Optional.empty();
  }

  private String rejected(Snippet snippet) {
    List<Diag> errors = shell.diagnostics(snippet).filter(Diag::isError).toList();
    int start = starts.getOrDefault(snippet.id(), -1);
    if (errors.isEmpty()) {
      return where(codeStart(start)) + code(snippet, start) + " does not compile";
    }
    Diag d = errors.get(0);
    int at = start < 0 ? -1 : start + (int) Math.max(0, d.getPosition());
    String code = at < 0 ? firstLine(snippet.source()) : lineAt(at);
    return where(at < 0 ? start : at) + Echo.quote(code) + " does not compile: " + diagnostic(d)
        + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more error" + (errors.size() > 2 ? "s" : "")
        + ")" : "");
  }

  private String threw(Snippet snippet, JShellException ex) {
    int start = starts.getOrDefault(snippet.id(), -1);
    String code = code(snippet, start);
    if (ex instanceof UnresolvedReferenceException u) {
      List<String> missing = shell.unresolvedDependencies(u.getSnippet()).toList();
      return where(codeStart(start)) + code + " calls " + u.getSnippet().name() + ", which cannot run until "
          + String.join(" and ", missing) + " is declared";
    }
    if (debug) {
      ex.printStackTrace(err);
    }
    String type = ex instanceof EvalException e ? e.getExceptionClassName() : ex.getClass().getName();
    int at = codeStart(start);
    String thrownAt = thrownAt(ex).filter(l -> at < 0 || !l.equals(name + ":" + lineOf(at)))
        .map(l -> " (thrown at " + l + ")").orElse("");
    return where(at) + code + " threw " + type + (ex.getMessage() == null ? "" : ": " + ex.getMessage())
        + thrownAt + (type.endsWith("OutOfMemoryError") || type.endsWith("StackOverflowError")
        ? "; give the script's JVM more through SGREACH_JAVA_OPTS (e.g. -Xmx4g or -Xss64m)" : "");
  }

  /** The script line of the innermost snippet frame, when it is not the snippet's own first line. */
  private Optional<String> thrownAt(JShellException ex) {
    for (StackTraceElement frame : ex.getStackTrace()) {
      String file = frame.getFileName();
      if (file != null && file.startsWith("#") && starts.containsKey(file.substring(1))) {
        int line = lineOf(starts.get(file.substring(1))) + Math.max(0, frame.getLineNumber() - 1);
        return Optional.of(name + ":" + line);
      }
    }
    return Optional.empty();
  }

  /** jshell's message on one line: {@code cannot find symbol (symbol: variable foo)}. */
  private static String diagnostic(Diag d) {
    List<String> lines = d.getMessage(Locale.ROOT).lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    if (lines.isEmpty()) {
      return "error";
    }
    List<String> details = lines.subList(1, lines.size()).stream()
        .filter(l -> !l.matches("location: class\\s*")).map(l -> l.replaceAll("\\s+", " ")).toList();
    return lines.get(0) + (details.isEmpty() ? "" : " (" + String.join(", ", details) + ")");
  }

  private int fail(int pos, String message) {
    err.println("sgreach: " + Errors.oneLine(pos < 0 ? message : where(pos) + message));
    err.flush();
    return ExitCodes.BAD_INPUT;
  }

  private String where(int pos) {
    return pos < 0 ? name + ": " : name + ":" + lineOf(pos) + ": ";
  }

  private int lineOf(int pos) {
    int line = 1;
    for (int i = 0; i < pos && i < source.length(); i++) {
      if (source.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  private String lineAt(int pos) {
    int from = pos == 0 ? 0 : source.lastIndexOf('\n', pos - 1) + 1;
    int to = source.indexOf('\n', pos);
    return source.substring(from, to < 0 ? source.length() : to).strip();
  }

  /** The snippet as the message shows it: its first line of code, quoted. */
  private String code(Snippet snippet, int start) {
    return Echo.quote(start < 0 ? firstLine(snippet.source()) : lineAt(codeStart(start)));
  }

  /** Where the code of a snippet starting at {@code pos} starts: past blanks and comments (-1 stays -1). */
  private int codeStart(int pos) {
    int p = pos;
    while (p >= 0 && p < source.length()) {
      if (Character.isWhitespace(source.charAt(p))) {
        p++;
      } else if (source.startsWith("//", p)) {
        int nl = source.indexOf('\n', p);
        p = nl < 0 ? source.length() : nl + 1;
      } else if (source.startsWith("/*", p)) {
        int end = source.indexOf("*/", p + 2);
        p = end < 0 ? source.length() : end + 2;
      } else {
        return p;
      }
    }
    return pos;
  }

  private static String firstLine(String text) {
    String t = text.strip();
    int nl = t.indexOf('\n');
    return nl < 0 ? t : t.substring(0, nl).strip();
  }
}
