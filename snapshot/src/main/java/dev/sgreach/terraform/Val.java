package dev.sgreach.terraform;

import dev.sgreach.planned.InputNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A value of a planned resource's {@code change.after} together with its {@code change.after_unknown} twin: Terraform
 * leaves an unknown value out of {@code after} (or {@code null} at its list position) and marks it {@code true} in
 * {@code after_unknown} (DOMAIN-CHANGE.md table 1c). A value under an unknown object is unknown.
 */
final class Val {
  private final InputNode value;
  private final InputNode unknown;
  private final boolean unknownAbove;

  private Val(InputNode value, InputNode unknown, boolean unknownAbove) {
    this.value = value;
    this.unknown = unknown;
    this.unknownAbove = unknownAbove;
  }

  static Val of(InputNode after, InputNode afterUnknown) {
    return new Val(after, afterUnknown, false);
  }

  /** The member {@code name}. */
  Val get(String name) {
    return new Val(value.get(name), unknown.get(name), isUnknown());
  }

  /** Element {@code i}. */
  Val at(int i) {
    return new Val(value.at(i), unknown.at(i), isUnknown());
  }

  /** True when the plan does not know the value yet. */
  boolean isUnknown() {
    return unknownAbove || unknown.isTrue();
  }

  /** True when the value is known and absent or null. */
  boolean isAbsent() {
    return !isUnknown() && value.isAbsent();
  }

  /** True when the value is known and present. */
  boolean isKnown() {
    return !isUnknown() && value.isPresent();
  }

  /** The value as read from {@code after}, for reading and for errors. */
  InputNode node() {
    return value;
  }

  /** A known string, empty when unknown or absent. */
  Optional<String> text() {
    return isKnown() ? Optional.of(value.text()) : Optional.empty();
  }

  /** A known string, number or boolean as text. */
  Optional<String> scalar() {
    return isKnown() ? value.optScalarText() : Optional.empty();
  }

  /** A known whole number. */
  Optional<Integer> integer() {
    return isKnown() ? Optional.of(value.integer()) : Optional.empty();
  }

  /** A known boolean. */
  Optional<Boolean> bool() {
    return isKnown() ? Optional.of(value.bool()) : Optional.empty();
  }

  /** The elements of a known list (each may itself be unknown); empty when the list is unknown or absent. */
  List<Val> list() {
    List<Val> out = new ArrayList<>();
    if (!isKnown()) {
      return out;
    }
    int size = value.list().size();
    for (int i = 0; i < size; i++) {
      out.add(at(i));
    }
    return out;
  }

  /** The first element of a block list ({@code vpc_config[0]}); absent when the list is empty. */
  Val first() {
    return at(0);
  }
}
