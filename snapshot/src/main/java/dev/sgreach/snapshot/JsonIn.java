package dev.sgreach.snapshot;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;

/**
 * A cursor over one JSON document (Jackson's streaming parser) with the typed reads the AWS shapes need. Each read
 * takes the {@link Location} of the value and, when the value has the wrong JSON type, throws a
 * {@link SnapshotException} quoting it ({@code 'abc' is not a whole number}). No tree is ever built.
 *
 * <p>The shape rules, decided here once: strings are JSON strings (a number or boolean where AWS writes a string is
 * refused, not read as its text; JSON null is absent); whole numbers
 * take integers only (never {@code 22.5} nor {@code "22"}); booleans take {@code true}/{@code false} and those two
 * words as strings; arrays and objects may be null (absent), except the {@link Required} fields of an item, which
 * must be there and not null. Unknown fields are skipped. A field that is read and given twice in one object is
 * refused (a tree parser would keep the last).
 */
final class JsonIn {
  private static final JsonFactory COMPACT = new JsonFactory();

  private final JsonParser p;

  JsonIn(JsonParser parser) {
    this.p = parser;
  }

  /** Receives one field of an object; the cursor is on its value, which the receiver must read or skip. */
  @FunctionalInterface
  interface Fields {
    /** Reads the value of {@code name} and returns true, or returns false to have it skipped. */
    boolean field(String name) throws IOException;
  }

  /** Receives one element of an array; the cursor is on it, and the receiver must read it. */
  @FunctionalInterface
  interface Elements {
    void element(int index, Location at) throws IOException;
  }

  JsonParser parser() {
    return p;
  }

  JsonToken next() throws IOException {
    return p.nextToken();
  }

  JsonToken current() {
    return p.currentToken();
  }

  /** The string field {@code name} of the object at {@code parent} (see {@link #string(Location)}). */
  String string(Location parent, String name) throws IOException {
    JsonToken t = p.currentToken();
    return t == JsonToken.VALUE_STRING ? p.getText() : string(parent.field(name));
  }

  /** The whole-number field {@code name} of the object at {@code parent} (see {@link #integer(Location)}). */
  Integer integer(Location parent, String name) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT) {
      return p.getIntValue();
    }
    return integer(parent.field(name));
  }

  /** The boolean field {@code name} of the object at {@code parent} (see {@link #bool(Location)}). */
  Boolean bool(Location parent, String name) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
      return t == JsonToken.VALUE_TRUE;
    }
    return bool(parent.field(name));
  }

  /** The current value as a string; null for JSON null. */
  String string(Location at) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_STRING) {
      return p.getText();
    }
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    throw at.fail(compact(), "is not a string");
  }

  /** The current value as a whole number in the range of {@code int}; null for JSON null. */
  Integer integer(Location at) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT) {
      return p.getIntValue();
    }
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    throw at.fail(compact(), "is not a whole number");
  }

  /** The current value as true or false; null for JSON null. */
  Boolean bool(Location at) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
      return t == JsonToken.VALUE_TRUE;
    }
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    if (t == JsonToken.VALUE_STRING && (p.getText().equals("true") || p.getText().equals("false"))) {
      return p.getText().equals("true");
    }
    throw at.fail(compact(), "is not true or false");
  }

  /**
   * Reads the object at the cursor field by field; false (and nothing read) when it is JSON null.
   *
   * @throws SnapshotException when the value is neither an object nor null
   */
  boolean object(Location at, Fields fields) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NULL) {
      return false;
    }
    if (t != JsonToken.START_OBJECT) {
      throw at.fail(compact(), "is not a JSON object");
    }
    fields(at, null, fields);
    return true;
  }

  /** Reads an object that must be there: JSON null is {@code 'null' is not a JSON object}. */
  void requiredObject(Location at, Fields fields) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      throw at.fail("null", "is not a JSON object");
    }
    object(at, fields);
  }

  /** Maps what an item's fields held onto the model, once they are read. */
  @FunctionalInterface
  interface Mapping<T> {
    T map() throws IOException;
  }

  /**
   * Reads an item: an object that must be there, field by field, then maps it; once it is mapped, every field of
   * {@code required} must have been there. A required field that is null is reported as soon as it is read; one that
   * is absent last, so that a bad value the item holds is reported first, as it would be without the check.
   */
  <T> T item(Location at, Required required, Fields fields, Mapping<T> mapping) throws IOException {
    long seen = requiredObject(at, required, fields);
    T value = mapping.map();
    required.checkAll(at, seen);
    return value;
  }

  /**
   * Reads an object that must be there, refusing a {@code required} field that is null; returns which of them were
   * there (bit {@code i} for field {@code i}), for {@link Required#checkAll} once the object is mapped.
   */
  long requiredObject(Location at, Required required, Fields fields) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NULL) {
      throw at.fail("null", "is not a JSON object");
    }
    if (t != JsonToken.START_OBJECT) {
      throw at.fail(compact(), "is not a JSON object");
    }
    return fields(at, required, fields);
  }

  /** The names read at each level of objects being read, reused from object to object (no allocation per object). */
  private String[][] readNames = new String[8][16];
  private int[] readCount = new int[8];
  /** Per level, one bit for each read name's hash modulo 64: a name whose bit is clear is certainly new. */
  private long[] readBits = new long[8];
  private int depth = -1;

  /**
   * Reads the fields of the object at the cursor (its start), each field {@code fields} reads at most once: a field
   * sgreach reads that is given twice is an error, since which of the two values AWS sent is unknown (fields it skips
   * may repeat harmlessly). Returns which {@code required} fields were there, refusing one that is null.
   */
  private long fields(Location at, Required required, Fields fields) throws IOException {
    int level = ++depth;
    try {
      if (level == readNames.length) {
        readNames = java.util.Arrays.copyOf(readNames, level * 2);
        readCount = java.util.Arrays.copyOf(readCount, level * 2);
        readBits = java.util.Arrays.copyOf(readBits, level * 2);
      }
      if (readNames[level] == null) {
        readNames[level] = new String[16];
      }
      readCount[level] = 0;
      readBits[level] = 0;
      long seen = 0;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        p.nextToken();
        if (required != null) {
          int i = required.indexOf(name);
          if (i >= 0) {
            if (p.currentToken() == JsonToken.VALUE_NULL) {
              throw required.nullValue(at.field(name), i);
            }
            seen |= 1L << i;
          }
        }
        if (!fields.field(name)) {
          p.skipChildren();
        } else {
          once(at, level, name);
        }
      }
      return seen;
    } finally {
      depth--;
    }
  }

  /** Notes that the object at {@code level} read {@code name}, refusing a second time. */
  private void once(Location at, int level, String name) {
    String[] names = readNames[level];
    int n = readCount[level];
    long bit = 1L << (name.hashCode() & 63);
    if ((readBits[level] & bit) != 0) {
      for (int i = 0; i < n; i++) {
        if (names[i].equals(name)) {
          throw at.field(name).fail(null, name + " is given twice in this object: which value AWS sent is"
              + " unknown, so the file is refused");
        }
      }
    }
    readBits[level] |= bit;
    if (n == names.length) {
      readNames[level] = names = java.util.Arrays.copyOf(names, n * 2);
    }
    names[n] = name;
    readCount[level] = n + 1;
  }

  /**
   * Reads the array at the cursor element by element; false (and nothing read) when it is JSON null.
   *
   * @throws SnapshotException when the value is neither an array nor null
   */
  boolean array(Location at, Elements elements) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NULL) {
      return false;
    }
    if (t != JsonToken.START_ARRAY) {
      throw at.fail(compact(), "is not a JSON array");
    }
    for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
      elements.element(i, at.index(i));
    }
    return true;
  }

  /** Skips the current value and its children. */
  void skip() throws IOException {
    p.skipChildren();
  }

  /** The current value as compact JSON text (a string's own text), consuming it: for error messages. */
  String compact() throws IOException {
    JsonToken t = p.currentToken();
    if (t == null) {
      return "";
    }
    if (t == JsonToken.VALUE_STRING) {
      return p.getText();
    }
    if (t.isScalarValue()) {
      return p.getText();
    }
    StringWriter out = new StringWriter();
    try (JsonGenerator g = COMPACT.createGenerator(out)) {
      g.copyCurrentStructure(p);
    }
    return out.toString();
  }
}
