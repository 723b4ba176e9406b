package dev.sgreach.snapshot;

import java.util.ArrayList;
import java.util.List;

/**
 * The fields an item of an AWS response always holds: lists AWS returns even when empty ({@code IpPermissions},
 * {@code Groups}, {@code Entries}, ...) and values it always sets ({@code FromPort} of a rules entry). An item without
 * one, or with one set to null, comes from a broken, cut or hand-edited file; reading it as if the list were empty
 * would make a definite answer ("denied", "not exposed") out of missing data, so it is an error naming the file, the
 * path and the field.
 *
 * <p>This is the one required-field check: item readers ({@link ResponseItems}) declare each shape's fields once as a
 * constant, {@link JsonIn#requiredObject(Location, Required, JsonIn.Fields)} enforces them while reading, and the live
 * loader asks {@link AwsValues#requireList} for the same fields of SDK objects.
 */
final class Required {
  private final String response;
  private final List<String> names = new ArrayList<>();
  private final List<Boolean> isList = new ArrayList<>();

  private Required(String response) {
    this.response = response;
  }

  /**
   * The required fields of one shape.
   *
   * @param response the AWS call whose items these are, for messages ({@code describe-security-groups})
   * @param lists the fields that are lists
   */
  static Required lists(String response, String... lists) {
    Required r = new Required(response);
    for (String name : lists) {
      r.add(name, true);
    }
    return r;
  }

  /** These fields, and {@code values} (fields that are not lists) too. */
  Required values(String... values) {
    Required r = new Required(response);
    for (int i = 0; i < names.size(); i++) {
      r.add(names.get(i), isList.get(i));
    }
    for (String name : values) {
      r.add(name, false);
    }
    return r;
  }

  private void add(String name, boolean list) {
    if (names.size() == Long.SIZE) {
      throw new IllegalStateException("at most " + Long.SIZE + " required fields");
    }
    names.add(name);
    isList.add(list);
  }

  /** The index of a required field, or -1. */
  int indexOf(String name) {
    return names.indexOf(name);
  }

  /** The error for a required field that is JSON null. */
  SnapshotException nullValue(Location at, int i) {
    return at.fail("null", isList.get(i) ? "is not a JSON array: " + response + " always returns " + names.get(i)
        + " as a list (empty when there is nothing)" : "is not a value: " + response + " always returns "
        + names.get(i));
  }

  /** Checks that every required field was seen ({@code seen} has bit {@code i} for field {@code i}). */
  void checkAll(Location item, long seen) {
    for (int i = 0; i < names.size(); i++) {
      if ((seen & 1L << i) == 0) {
        throw missing(item.field(names.get(i)), response, isList.get(i));
      }
    }
  }

  /** The error for a required field that is absent ({@code at} is the field). */
  static SnapshotException missing(Location at, String response, boolean list) {
    return at.fail(null, at.name() + " is missing: " + response + " always returns it" + (list ? " (an empty list"
        + " when there is nothing)" : "") + ", so this item is incomplete");
  }
}
