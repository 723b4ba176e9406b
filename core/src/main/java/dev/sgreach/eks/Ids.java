package dev.sgreach.eks;

import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;

/** Deterministic, realistic-looking AWS ids derived from names, so that a topology builds the same every time. */
final class Ids {
  private Ids() {}

  /** The first {@code n} hex digits of SHA-256 of the seed. */
  static String hex(String seed, int n) {
    String h = Hashing.sha256().hashString(seed, StandardCharsets.UTF_8).toString();
    while (h.length() < n) {
      h = h + Hashing.sha256().hashString(h, StandardCharsets.UTF_8);
    }
    return h.substring(0, n);
  }

  /** {@code prefix-} and 17 hex digits, e.g. {@code sg-0a1b...}. */
  static String id(String prefix, String seed) {
    return prefix + "-" + hex(prefix + ":" + seed, 17);
  }

  /** A 17-hex id that starts with the given (shortened) id, e.g. the seed's {@code sg-07bb}. */
  static String extend(String shortId, String seed) {
    int dash = shortId.indexOf('-');
    int have = shortId.length() - dash - 1;
    return have >= 17 ? shortId : shortId + hex(shortId + ":" + seed, 17 - have);
  }

  /** {@code n} decimal digits. */
  static String digits(String seed, int n) {
    StringBuilder b = new StringBuilder();
    for (char c : hex(seed, n).toCharArray()) {
      b.append(Character.digit(c, 16) % 10);
    }
    if (b.charAt(0) == '0') {
      b.setCharAt(0, '1');
    }
    return b.toString();
  }

  /** {@code n} upper-case letters and digits, as CloudFormation appends to generated names. */
  static String cfnSuffix(String seed, int n) {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    StringBuilder b = new StringBuilder();
    String h = hex(seed, n * 2);
    for (int i = 0; i < n; i++) {
      b.append(alphabet.charAt(Integer.parseInt(h.substring(2 * i, 2 * i + 2), 16) % alphabet.length()));
    }
    return b.toString();
  }
}
