package dev.sgreach.terraform;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.sgreach.planned.InputException;
import dev.sgreach.planned.InputNode;
import dev.sgreach.planned.PlannedResource.Action;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the output of {@code terraform show -json PLANFILE} (format 0.1 to 1.x, DOMAIN-CHANGE.md tables 1a-1b): its
 * format version, {@code resource_changes}, {@code deferred_changes}, whether the plan is complete, and the
 * {@code configuration} section. Any JSON that is not such a plan is refused naming the path and the value.
 */
final class PlanReader {
  /** What the reader takes from a plan. */
  record Plan(String formatVersion, Optional<String> terraformVersion, List<ResourceChange> changes,
      List<ResourceChange> deferred, boolean errored, boolean incomplete, InputNode configuration) {}

  private PlanReader() {}

  static Plan read(String file, String json) {
    JsonNode tree;
    try {
      tree = JsonMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build().readTree(json);
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
          + e.getLocation().getColumnNr() + ")";
      throw new InputException(file, "$", null, "is not valid JSON" + where + ": " + e.getOriginalMessage(), e);
    }
    InputNode root = InputNode.root(file, tree);
    if (!root.isObject()) {
      throw root.error("is not a Terraform plan: give the output of terraform show -json PLANFILE");
    }
    InputNode fv = root.get("format_version");
    if (fv.isAbsent()) {
      throw fv.error("is missing: this is not the output of terraform show -json PLANFILE");
    }
    String format = fv.text();
    if (!format.matches("[01]\\.\\d+")) {
      throw fv.error("is a plan format this version of sgreach does not read (0.1 to 1.x)");
    }
    if (root.get("resource_changes").isAbsent() && root.get("planned_values").isAbsent()) {
      throw root.get("resource_changes").error("is missing: this JSON is Terraform state, not a plan (run terraform"
          + " show -json on a plan file)");
    }
    List<ResourceChange> changes = new ArrayList<>();
    for (InputNode c : root.get("resource_changes").list()) {
      changes.add(change(c));
    }
    List<ResourceChange> deferred = new ArrayList<>();
    for (InputNode d : root.get("deferred_changes").list()) {
      deferred.add(change(d.object().get("resource_change").object()));
    }
    boolean errored = root.get("errored").optBool().orElse(false);
    boolean incomplete = !root.get("complete").optBool().orElse(true);
    return new Plan(format, root.get("terraform_version").optText(), changes, deferred, errored, incomplete,
        root.get("configuration").object());
  }

  private static ResourceChange change(InputNode c) {
    if (!c.isObject()) {
      throw c.error("is not a resource change");
    }
    String address = c.get("address").text();
    List<Address.Step> steps;
    try {
      steps = Address.steps(address);
    } catch (IllegalArgumentException e) {
      throw c.get("address").error("is not a Terraform address: " + e.getMessage());
    }
    String mode = c.get("mode").optText().orElse("managed");
    String type = c.get("type").text();
    String name = c.get("name").text();
    String moduleInstance = Address.moduleInstance(address);
    String local = (mode.equals("data") ? "data." : "") + type + "." + name;
    String index = steps.isEmpty() ? "" : steps.get(steps.size() - 1).key().orElse("");
    InputNode change = c.get("change").object();
    Action action = action(change.get("actions"));
    InputNode after = change.get("after");
    InputNode unknown = change.get("after_unknown");
    if (after.isPresent() && !after.isObject()) {
      throw after.error("is not an object of attribute values");
    }
    return new ResourceChange(address, moduleInstance, type, local, index, mode.equals("managed"), action,
        change.get("before"), Val.of(after, unknown), c);
  }

  private static Action action(InputNode actions) {
    List<String> a = actions.texts();
    String joined = String.join(",", a);
    return switch (joined) {
      case "no-op" -> Action.NO_OP;
      case "create", "create,forget" -> Action.CREATE;
      case "read" -> Action.READ;
      case "update" -> Action.UPDATE;
      case "delete" -> Action.DELETE;
      case "delete,create" -> Action.DELETE_THEN_CREATE;
      case "create,delete" -> Action.CREATE_THEN_DELETE;
      case "forget" -> Action.FORGET;
      default -> throw actions.error("is not a Terraform change action (no-op, create, read, update, delete,"
          + " delete+create, create+delete, forget)");
    };
  }
}
