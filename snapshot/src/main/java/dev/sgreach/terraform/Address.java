package dev.sgreach.terraform;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A Terraform address cut into its steps: {@code module.sg["k"].aws_security_group.bad[0]} is the module instance
 * {@code module.sg["k"]}, the resource {@code aws_security_group.bad} and the instance key {@code [0]}. References in
 * the plan's {@code configuration} ({@code aws_security_group.web.id}, {@code module.eks.node_sg},
 * {@code var.vpc_id}) are cut the same way.
 */
final class Address {
  private Address() {}

  /** One step: a name with its instance key as written ({@code ["k"]}, {@code [0]}), or none. */
  record Step(String name, Optional<String> key) {
    @Override
    public String toString() {
      return name + key.orElse("");
    }
  }

  /**
   * The steps of an address or reference: names separated by dots, each optionally followed by one bracketed key
   * (a number, a quoted string with backslash escapes, or an expression such as {@code count.index}).
   *
   * @throws IllegalArgumentException naming the text when the brackets or quotes do not close
   */
  static List<Step> steps(String text) {
    List<Step> out = new ArrayList<>();
    int i = 0;
    int n = text.length();
    while (i < n) {
      int start = i;
      while (i < n && text.charAt(i) != '.' && text.charAt(i) != '[') {
        i++;
      }
      String name = text.substring(start, i);
      String key = null;
      if (i < n && text.charAt(i) == '[') {
        int open = i;
        i++;
        boolean quoted = false;
        while (i < n && (quoted || text.charAt(i) != ']')) {
          char ch = text.charAt(i);
          if (ch == '\\' && quoted) {
            i++;
          } else if (ch == '"') {
            quoted = !quoted;
          }
          i++;
        }
        if (i >= n) {
          throw new IllegalArgumentException("'" + text + "' has a '[' that does not close");
        }
        i++;
        key = text.substring(open, i);
        // a second index ([0][1]) belongs to an attribute path: keep it with the key
        while (i < n && text.charAt(i) == '[') {
          int close = text.indexOf(']', i);
          if (close < 0) {
            throw new IllegalArgumentException("'" + text + "' has a '[' that does not close");
          }
          key = key + text.substring(i, close + 1);
          i = close + 1;
        }
      }
      out.add(new Step(name, Optional.ofNullable(key)));
      if (i < n && text.charAt(i) == '.') {
        i++;
      }
    }
    return out;
  }

  /** The module instance of a resource address: everything before the resource, e.g. {@code module.a["x"].}. */
  static String moduleInstance(String address) {
    List<Step> s = steps(address);
    StringBuilder b = new StringBuilder();
    for (int i = 0; i + 1 < s.size() && s.get(i).name().equals("module"); i += 2) {
      b.append("module.").append(s.get(i + 1)).append('.');
    }
    return b.toString();
  }

  /** The module call names of a module instance prefix, without keys: {@code module.a["x"].module.b.} is [a, b]. */
  static List<String> modulePath(String moduleInstance) {
    List<String> out = new ArrayList<>();
    List<Step> s = steps(moduleInstance);
    for (int i = 0; i + 1 < s.size(); i += 2) {
      out.add(s.get(i + 1).name());
    }
    return out;
  }

  /** The parent of a module instance prefix: {@code module.a["x"].module.b.} is {@code module.a["x"].}. */
  static String parentModule(String moduleInstance) {
    List<Step> s = steps(moduleInstance);
    StringBuilder b = new StringBuilder();
    for (int i = 0; i + 1 < s.size() - 2; i += 2) {
      b.append("module.").append(s.get(i + 1)).append('.');
    }
    return b.toString();
  }

  /** The last module call of a module instance prefix ({@code a["x"]}), or empty at the root. */
  static Optional<Step> lastCall(String moduleInstance) {
    List<Step> s = steps(moduleInstance);
    return s.size() >= 2 ? Optional.of(s.get(s.size() - 1)) : Optional.empty();
  }
}
