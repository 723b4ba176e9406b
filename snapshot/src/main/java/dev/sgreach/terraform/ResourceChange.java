package dev.sgreach.terraform;

import dev.sgreach.planned.InputNode;
import dev.sgreach.planned.PlannedResource.Action;

/**
 * One element of the plan's {@code resource_changes}: a resource instance, what happens to it, and its values before
 * and after.
 *
 * @param address the full instance address, e.g. {@code module.sg["k"].aws_security_group.bad}
 * @param moduleInstance the module instance prefix ({@code module.sg["k"].}, empty at the root)
 * @param type the resource type
 * @param local the resource within its module without instance key, e.g. {@code aws_security_group.bad}
 * @param index the instance key as written in the address ({@code [0]}, {@code ["a"]}), empty without
 * @param managed true for {@code mode: managed} (data sources own nothing)
 * @param action the change
 * @param before the values before ({@code null} for a create)
 * @param after the values after, with their unknowns
 * @param node the element itself, for errors
 */
record ResourceChange(String address, String moduleInstance, String type, String local, String index,
    boolean managed, Action action, InputNode before, Val after, InputNode node) {

  /** The attribute of the values after the change. */
  Val after(String attribute) {
    return after.get(attribute);
  }
}
