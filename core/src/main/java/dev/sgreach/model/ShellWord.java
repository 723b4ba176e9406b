package dev.sgreach.model;

import java.util.regex.Pattern;

/**
 * How sgreach writes a value into a command it prints for people to paste (the {@code aws ec2 authorize-...},
 * {@code revoke-...}, {@code create-route} and {@code create-network-acl-entry} commands of fixes, lint, exposure
 * and the testkit's messages): the one place that decides it.
 *
 * <ul>
 *   <li>{@link #quote} makes any value one POSIX shell word: bare when it holds only characters no shell treats
 *       specially ({@code A-Z a-z 0-9 _ . / : = , + @ -}), else in single quotes, inside which a shell expands
 *       nothing ({@code $(...)}, backquotes, globs and {@code ;} stay text); a single quote in the value is written
 *       {@code '\''}.</li>
 *   <li>{@link #id} first checks that the value has the form of an AWS resource id or ARN (a letter or digit, then
 *       up to 254 letters, digits and {@code . _ : / -}) and refuses anything else, so that a snapshot whose
 *       {@code GroupId} is {@code sg-0a1b$(touch X)} never yields a command, even quoted.</li>
 * </ul>
 *
 * <p>A command that cannot be printed because a value is not an id is printed as a shell comment saying why
 * ({@link #notPrinted}), which is harmless when pasted.
 */
public final class ShellWord {
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_./:=,+@-]+");
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]{0,254}");

  private ShellWord() {}

  /** The value as one shell word: bare when it holds only safe characters, else single-quoted. */
  public static String quote(String value) {
    if (value == null) {
      throw new IllegalArgumentException("a command value is missing");
    }
    if (SAFE.matcher(value).matches()) {
      return value;
    }
    return "'" + value.replace("'", "'\\''") + "'";
  }

  /** True when the value has the form of an AWS resource id or ARN ({@code sg-0a1}, {@code tgw-rtb-0b2}). */
  public static boolean isId(String value) {
    return value != null && ID.matcher(value).matches();
  }

  /**
   * An AWS resource id checked and quoted as one shell word.
   *
   * @throws IllegalArgumentException when the value is not an id's form, naming it (escaped and shortened)
   */
  public static String id(String value) {
    if (!isId(value)) {
      throw new IllegalArgumentException(Echo.quote(String.valueOf(value)) + " is not an AWS resource id");
    }
    return quote(value);
  }

  /**
   * The line printed instead of a command that {@link #id} refused: a shell comment naming why, e.g.
   * {@code # no command: 'sg-0a1b$(touch X)' is not an AWS resource id}.
   */
  public static String notPrinted(IllegalArgumentException why) {
    return "# no command: " + Echo.visible(why.getMessage());
  }
}
