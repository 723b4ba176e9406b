package dev.sgreach.terraform;

import dev.sgreach.planned.InputNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The plan's {@code configuration} section: per module, its resources' expressions, its module calls and its outputs
 * (DOMAIN-CHANGE.md table 1d); and how a reference in an expression leads to the planned resource instances it names,
 * through {@code var.*} (the module call's arguments in the parent), {@code module.*.<output>} (the child's output
 * expression) and {@code <type>.<name>[<key>]} (the resource instances of the module instance). Locals and data
 * sources are not in the plan, so a reference through them does not resolve.
 */
final class Configuration {
  /** One module of the configuration. */
  record Module(Map<String, InputNode> resources, Map<String, InputNode> calls, Map<String, InputNode> outputs) {}

  /** A planned resource instance a reference leads to, and the attribute it reads ({@code id}, {@code vpc_config
   *  .cluster_security_group_id}; empty for the whole resource, as Terraform 0.12 lists references). */
  record Target(ResourceChange change, String attribute) {}

  private static final int MAX_DEPTH = 32;

  private final Map<List<String>, Module> modules = new HashMap<>();
  private final Map<String, List<ResourceChange>> instances = new HashMap<>();
  private final Set<String> moduleInstances = new LinkedHashSet<>();

  Configuration(InputNode configuration, List<ResourceChange> changes) {
    read(configuration.get("root_module").object(), List.of());
    for (ResourceChange c : changes) {
      instances.computeIfAbsent(c.moduleInstance() + c.local(), k -> new ArrayList<>()).add(c);
      String mi = c.moduleInstance();
      while (!mi.isEmpty()) {
        moduleInstances.add(mi);
        mi = Address.parentModule(mi);
      }
    }
  }

  private void read(InputNode module, List<String> path) {
    Map<String, InputNode> resources = new LinkedHashMap<>();
    for (InputNode r : module.get("resources").list()) {
      r.get("address").optText().ifPresent(a -> resources.put(a, r));
    }
    Map<String, InputNode> calls = new LinkedHashMap<>();
    for (Map.Entry<String, InputNode> call : module.get("module_calls").members()) {
      calls.put(call.getKey(), call.getValue());
      List<String> child = new ArrayList<>(path);
      child.add(call.getKey());
      read(call.getValue().get("module").object(), child);
    }
    Map<String, InputNode> outputs = new LinkedHashMap<>();
    for (Map.Entry<String, InputNode> o : module.get("outputs").members()) {
      outputs.put(o.getKey(), o.getValue());
    }
    modules.put(List.copyOf(path), new Module(resources, calls, outputs));
  }

  private Optional<Module> module(String moduleInstance) {
    return Optional.ofNullable(modules.get(Address.modulePath(moduleInstance)));
  }

  /** The configuration block of a resource instance's resource, if the plan has one. */
  Optional<InputNode> resource(ResourceChange c) {
    return module(c.moduleInstance()).map(m -> m.resources().get(c.local()));
  }

  /** The expression of a resource's argument, following nested blocks ({@code vpc_config}, {@code 0}, ...). */
  Optional<InputNode> expression(ResourceChange c, Object... path) {
    Optional<InputNode> r = resource(c);
    if (r.isEmpty()) {
      return Optional.empty();
    }
    InputNode n = r.get().get("expressions");
    for (Object step : path) {
      n = step instanceof Integer i ? n.at(i) : n.get((String) step);
    }
    return n.isPresent() ? Optional.of(n) : Optional.empty();
  }

  /** True when the configuration sets this argument of the resource (rather than leaving it to the provider). */
  boolean configured(ResourceChange c, Object... path) {
    return expression(c, path).isPresent();
  }

  /**
   * The resource instances an expression of {@code from} refers to, or empty when some reference does not lead to
   * planned resources (a local, a data source, a root variable, a function of several values the plan does not show).
   */
  Optional<List<Target>> resolve(ResourceChange from, InputNode expression) {
    return resolveExpression(expression, from.moduleInstance(), from.index(), 0);
  }

  private Optional<List<Target>> resolveExpression(InputNode expression, String scope, String selfKey, int depth) {
    if (depth > MAX_DEPTH) {
      return Optional.empty();
    }
    if (!expression.get("references").isPresent()) {
      return Optional.of(List.of());
    }
    List<String> refs = expression.get("references").texts();
    List<Target> out = new ArrayList<>();
    for (String ref : refs) {
      if (refs.stream().anyMatch(other -> !other.equals(ref) && other.startsWith(ref)
          && (other.charAt(ref.length()) == '.' || other.charAt(ref.length()) == '['))) {
        continue; // Terraform lists a reference and its prefixes; the longest says the most
      }
      Optional<List<Target>> r = resolveReference(ref, scope, selfKey, depth);
      if (r.isEmpty()) {
        return Optional.empty();
      }
      for (Target t : r.get()) {
        if (!out.contains(t)) {
          out.add(t);
        }
      }
    }
    return Optional.of(out);
  }

  private Optional<List<Target>> resolveReference(String ref, String scope, String selfKey, int depth) {
    List<Address.Step> steps;
    try {
      steps = Address.steps(ref);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (steps.isEmpty()) {
      return Optional.empty();
    }
    String head = steps.get(0).name();
    switch (head) {
      case "count", "each", "path", "terraform", "self":
        return Optional.of(List.of());
      case "local", "data":
        return Optional.empty();
      case "var":
        return variable(steps, scope, depth);
      case "module":
        return moduleOutput(steps, scope, selfKey, depth);
      default:
        return resourceReference(steps, scope, selfKey);
    }
  }

  private Optional<List<Target>> variable(List<Address.Step> steps, String scope, int depth) {
    Optional<Address.Step> call = Address.lastCall(scope);
    if (call.isEmpty() || steps.size() < 2) {
      return Optional.empty(); // a root variable holds a value the plan already knows
    }
    String parent = Address.parentModule(scope);
    Optional<InputNode> callNode = module(parent).map(m -> m.calls().get(call.get().name()));
    if (callNode.isEmpty()) {
      return Optional.empty();
    }
    InputNode argument = callNode.get().get("expressions").get(steps.get(1).name());
    if (argument.isAbsent()) {
      return Optional.empty();
    }
    return resolveExpression(argument, parent, call.get().key().orElse(""), depth + 1);
  }

  private Optional<List<Target>> moduleOutput(List<Address.Step> steps, String scope, String selfKey, int depth) {
    if (steps.size() < 3) {
      return Optional.empty();
    }
    Address.Step call = steps.get(1);
    String output = steps.get(2).name();
    String base = scope + "module." + call.name();
    List<String> children = new ArrayList<>();
    if (call.key().isPresent()) {
      String key = literal(call.key().get()) ? call.key().get() : selfKey;
      children.add(base + key + ".");
    } else {
      for (String mi : moduleInstances) {
        if (mi.startsWith(base) && mi.length() > base.length() && (mi.charAt(base.length()) == '.'
            || mi.charAt(base.length()) == '[') && Address.parentModule(mi).equals(scope)) {
          children.add(mi);
        }
      }
      if (children.isEmpty()) {
        children.add(base + ".");
      }
    }
    List<String> childPath = new ArrayList<>(Address.modulePath(scope));
    childPath.add(call.name());
    Module child = modules.get(childPath);
    if (child == null || !child.outputs().containsKey(output)) {
      return Optional.empty();
    }
    InputNode expression = child.outputs().get(output).get("expression");
    List<Target> out = new ArrayList<>();
    for (String c : children) {
      Optional<List<Target>> r = resolveExpression(expression, c,
          Address.lastCall(c).flatMap(Address.Step::key).orElse(""), depth + 1);
      if (r.isEmpty()) {
        return Optional.empty();
      }
      out.addAll(r.get());
    }
    return Optional.of(out);
  }

  private Optional<List<Target>> resourceReference(List<Address.Step> steps, String scope, String selfKey) {
    if (steps.size() < 2) {
      return Optional.empty();
    }
    String local = steps.get(0).name() + "." + steps.get(1).name();
    List<ResourceChange> all = instances.getOrDefault(scope + local, List.of());
    if (all.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> key = steps.get(1).key();
    List<ResourceChange> chosen = new ArrayList<>();
    for (ResourceChange c : all) {
      if (key.isEmpty() || c.index().equals(literal(key.get()) ? key.get() : selfKey)) {
        chosen.add(c);
      }
    }
    if (chosen.isEmpty()) {
      return Optional.empty();
    }
    StringBuilder attribute = new StringBuilder();
    for (int i = 2; i < steps.size(); i++) {
      attribute.append(attribute.length() == 0 ? "" : ".").append(steps.get(i).name());
    }
    List<Target> out = new ArrayList<>();
    chosen.forEach(c -> out.add(new Target(c, attribute.toString())));
    return Optional.of(out);
  }

  /** True for an instance key written as a literal ({@code [0]}, {@code ["a"]}), not an expression. */
  private static boolean literal(String key) {
    String inner = key.substring(1, key.length() - 1);
    return inner.matches("\\d+") || inner.startsWith("\"") && inner.endsWith("\"");
  }
}
