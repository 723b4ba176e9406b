package dev.sgreach.snapshot;

import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Where a value of an AWS response sits: the file (or AWS call) shown to the user and the JSON path inside it, such
 * as {@code ec2-describe-security-groups.json} and {@code $.SecurityGroups[3].IpPermissions[0].FromPort}. Readers pass
 * it down while mapping, so that every error names file, path and value; the live loader uses it with the call as
 * the "file" ({@code ec2:DescribeSecurityGroups (us-east-1)}).
 *
 * <p>A location is a small immutable link to its parent; the path text is only built when an error needs it.
 */
public final class Location {
  private final String file;
  private final Location parent;
  private final String field;
  private final int index;

  private Location(String file, Location parent, String field, int index) {
    this.file = file;
    this.parent = parent;
    this.field = field;
    this.index = index;
  }

  /** The root ({@code $}) of a document shown as {@code file}. */
  public static Location root(String file) {
    return new Location(file, null, null, -1);
  }

  /** A field of the object here. */
  public Location field(String name) {
    return new Location(file, this, name, -1);
  }

  /** An element of the array here. */
  public Location index(int i) {
    return new Location(file, this, null, i);
  }

  /**
   * The root of this location's document: one object per document read, so that two reads of files with the same
   * name are told apart.
   */
  public Location document() {
    Location l = this;
    while (l.parent != null) {
      l = l.parent;
    }
    return l;
  }

  /** The file (or AWS call) the document came from, as shown to the user. */
  public String file() {
    return file;
  }

  /** The JSON path, e.g. {@code $.SecurityGroups[3].GroupId}. */
  public String path() {
    StringBuilder b = new StringBuilder();
    append(b);
    return b.toString();
  }

  private void append(StringBuilder b) {
    if (parent == null) {
      b.append('$');
      return;
    }
    parent.append(b);
    if (field != null) {
      b.append('.').append(field);
    } else {
      b.append('[').append(index).append(']');
    }
  }

  /** The nearest field name of the path, e.g. {@code GroupId}, or {@code Cidrs} for {@code $.PrefixLists[0].Cidrs[1]}. */
  public String name() {
    for (Location l = this; l != null; l = l.parent) {
      if (l.field != null) {
        return l.field;
      }
    }
    return "$";
  }

  /** An error about the value here; {@code value} null when it is missing. */
  public SnapshotException fail(Object value, String reason) {
    return new SnapshotException(file, path(), value == null ? null : String.valueOf(value), reason);
  }

  /** The value here, which must be present and not blank. */
  public String require(String value) {
    if (value == null || value.isBlank()) {
      throw fail(value, name() + " is missing");
    }
    return value;
  }

  /** The value here parsed by a model factory; its {@link IllegalArgumentException} becomes a located error. */
  public <T> T parse(String value, Function<String, T> parser) {
    try {
      return parser.apply(require(value));
    } catch (IllegalArgumentException e) {
      throw fail(value, e.getMessage());
    }
  }

  /** Builds a model value; an {@link IllegalArgumentException} from it becomes an error about the object here. */
  public <T> T build(Supplier<T> builder) {
    try {
      return builder.get();
    } catch (IllegalArgumentException e) {
      throw fail(null, e.getMessage());
    }
  }

  @Override
  public String toString() {
    return file + ": " + path();
  }
}
