package dev.sgreach.aws;

import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Where a value sits: the file (or AWS call) shown to the user and the JSON path inside it. Passed down while
 * mapping so that every error names file, path and value.
 */
record Loc(String file, String path) {

  /** The root of a document. */
  static Loc root(String file) {
    return new Loc(file, "$");
  }

  /** A field of the object here. */
  Loc field(String name) {
    return new Loc(file, path + "." + name);
  }

  /** An element of the array here. */
  Loc index(int i) {
    return new Loc(file, path + "[" + i + "]");
  }

  /** The last field name of the path, e.g. {@code GroupId}. */
  String name() {
    int dot = path.lastIndexOf('.');
    String last = dot < 0 ? path : path.substring(dot + 1);
    int bracket = last.indexOf('[');
    return bracket < 0 ? last : last.substring(0, bracket);
  }

  /** An error about the value here. */
  SnapshotException fail(Object value, String reason) {
    return new SnapshotException(file, path, value == null ? null : String.valueOf(value), reason);
  }

  /** The value here, which must be present and not blank. */
  String require(String value) {
    if (value == null || value.isBlank()) {
      throw fail(value, name() + " is missing");
    }
    return value;
  }

  /** The value here parsed by a model factory; its {@link IllegalArgumentException} becomes a located error. */
  <T> T parse(String value, Function<String, T> parser) {
    try {
      return parser.apply(require(value));
    } catch (IllegalArgumentException e) {
      throw fail(value, e.getMessage());
    }
  }

  /** Builds a model value; an {@link IllegalArgumentException} from it becomes an error about the object here. */
  <T> T build(Supplier<T> builder) {
    try {
      return builder.get();
    } catch (IllegalArgumentException e) {
      throw fail(null, e.getMessage());
    }
  }
}
