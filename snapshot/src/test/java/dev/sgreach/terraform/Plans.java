package dev.sgreach.terraform;

import java.util.ArrayList;
import java.util.List;

/**
 * Small {@code terraform show -json} documents for tests, written in JSON with single quotes for readability (they
 * become double quotes): {@code change("aws_security_group.web", "create", null, "{'name': 'web'}", "{'id': true}")}
 * and a {@code configuration.root_module} body.
 */
final class Plans {
  private final List<String> changes = new ArrayList<>();
  private String rootModule = "{}";
  private String extra = "";

  static Plans plan() {
    return new Plans();
  }

  /** A resource change; {@code actions} is comma-separated ({@code delete,create}); null JSON parts are omitted. */
  Plans change(String address, String actions, String before, String after, String afterUnknown) {
    int dot = address.lastIndexOf('.');
    String last = address.substring(dot + 1).replaceAll("\\[.*$", "");
    String head = address.substring(0, dot);
    int typeDot = head.lastIndexOf('.');
    String type = head.substring(typeDot + 1);
    String module = "";
    String prefix = typeDot < 0 ? "" : head.substring(0, typeDot);
    boolean data = prefix.endsWith("data") && (prefix.equals("data") || prefix.endsWith(".data"));
    if (data) {
      prefix = prefix.equals("data") ? "" : prefix.substring(0, prefix.length() - 5);
    }
    if (!prefix.isEmpty()) {
      module = ", 'module_address': '" + prefix.replace("\"", "\\\"") + "'";
    }
    StringBuilder b = new StringBuilder("{'address': '" + address.replace("\"", "\\\"") + "'" + module
        + ", 'mode': '" + (data ? "data" : "managed") + "', 'type': '" + type + "', 'name': '" + last + "'"
        + ", 'change': {'actions': [");
    String[] a = actions.split(",");
    for (int i = 0; i < a.length; i++) {
      b.append(i == 0 ? "" : ", ").append("'").append(a[i]).append("'");
    }
    b.append("], 'before': ").append(before == null ? "null" : before)
        .append(", 'after': ").append(after == null ? "null" : after)
        .append(", 'after_unknown': ").append(afterUnknown == null ? "{}" : afterUnknown).append("}}");
    changes.add(b.toString());
    return this;
  }

  /** The configuration's root module (resources, module_calls, outputs). */
  Plans config(String root) {
    rootModule = root;
    return this;
  }

  /** More top-level members, e.g. {@code 'complete': false}. */
  Plans top(String members) {
    extra = ", " + members;
    return this;
  }

  String json() {
    String text = "{'format_version': '1.2', 'terraform_version': '1.9.5', 'resource_changes': ["
        + String.join(", ", changes) + "], 'configuration': {'root_module': " + rootModule + "}" + extra + "}";
    return text.replace('\'', '"');
  }

  TerraformPlan parse() {
    return TerraformPlan.parse("plan.json", json());
  }
}
