package dev.sgreach.planned;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One value of a JSON or YAML input with where it sits ({@code $.resource_changes[2].change.after.vpc_id}), so that
 * every reader of Terraform plans and eksctl files asks for values by type and reports a bad one the same way: an
 * {@link InputException} naming the file, the path and the value.
 *
 * <p>A missing member and an explicit {@code null} both read as absent ({@link #isAbsent()}).
 */
public final class InputNode {
  private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

  private final String file;
  private final String path;
  private final JsonNode json;

  private InputNode(String file, String path, JsonNode json) {
    this.file = file;
    this.path = path;
    this.json = json == null ? MissingNode.getInstance() : json;
  }

  /**
   * The text of an input file, as UTF-8.
   *
   * @throws InputException naming the file when it cannot be read
   */
  public static String readText(java.nio.file.Path file) {
    try {
      return java.nio.file.Files.readString(file, java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException | RuntimeException e) {
      throw new InputException(file.toString(), "$", null, "cannot be read: " + e.getMessage(), e);
    }
  }

  /** The document root of a parsed file. */
  public static InputNode root(String file, JsonNode json) {
    return new InputNode(file, "$", json);
  }

  /** The file the value came from. */
  public String file() {
    return file;
  }

  /** The value's path, e.g. {@code $.vpc.subnets.private["us-east-2a"].id}. */
  public String path() {
    return path;
  }

  /** The underlying tree (for comparing whole values). */
  public JsonNode json() {
    return json;
  }

  /** The member {@code name} of this object (absent when missing, or when this is not an object). */
  public InputNode get(String name) {
    String p = PLAIN_KEY.matcher(name).matches() ? path + "." + name : path + "[\"" + name + "\"]";
    return new InputNode(file, p, json.isObject() ? json.get(name) : null);
  }

  /** Element {@code i} of this array. */
  public InputNode at(int i) {
    return new InputNode(file, path + "[" + i + "]", json.isArray() ? json.get(i) : null);
  }

  /** True when the value is missing or {@code null}. */
  public boolean isAbsent() {
    return json.isMissingNode() || json.isNull();
  }

  /** True when the value is present. */
  public boolean isPresent() {
    return !isAbsent();
  }

  /** True when the value is the JSON literal {@code true} (how Terraform marks unknown values). */
  public boolean isTrue() {
    return json.isBoolean() && json.booleanValue();
  }

  /** True for an object. */
  public boolean isObject() {
    return json.isObject();
  }

  /** True for an array. */
  public boolean isArray() {
    return json.isArray();
  }

  /** An error about this value. */
  public InputException error(String reason) {
    return new InputException(file, path, isAbsent() ? null : shown(), reason);
  }

  /** An error about this value, caused by another exception. */
  public InputException error(String reason, Throwable cause) {
    return new InputException(file, path, isAbsent() ? null : shown(), reason, cause);
  }

  private String shown() {
    return json.isTextual() ? json.textValue() : json.toString();
  }

  /** A required string. */
  public String text() {
    if (isAbsent()) {
      throw error("is missing");
    }
    if (!json.isTextual()) {
      throw error("is not a string");
    }
    return json.textValue();
  }

  /** An optional string. */
  public Optional<String> optText() {
    return isAbsent() ? Optional.empty() : Optional.of(text());
  }

  /** A string, or a number or boolean written as a plain scalar (YAML's {@code version: 1.21}). */
  public Optional<String> optScalarText() {
    if (isAbsent()) {
      return Optional.empty();
    }
    if (json.isTextual() || json.isNumber() || json.isBoolean()) {
      return Optional.of(json.asText());
    }
    throw error("is not a string");
  }

  /** A required whole number; a string of digits is accepted (Terraform writes {@code "3306"} at times). */
  public int integer() {
    if (isAbsent()) {
      throw error("is missing");
    }
    if (json.isIntegralNumber() && json.canConvertToInt()) {
      return json.intValue();
    }
    if (json.isTextual() && json.textValue().trim().matches("-?\\d{1,9}")) {
      return Integer.parseInt(json.textValue().trim());
    }
    throw error("is not a whole number");
  }

  /** An optional whole number. */
  public Optional<Integer> optInteger() {
    return isAbsent() ? Optional.empty() : Optional.of(integer());
  }

  /** A required boolean. */
  public boolean bool() {
    if (isAbsent()) {
      throw error("is missing");
    }
    if (!json.isBoolean()) {
      throw error("is not true or false");
    }
    return json.booleanValue();
  }

  /** An optional boolean. */
  public Optional<Boolean> optBool() {
    return isAbsent() ? Optional.empty() : Optional.of(bool());
  }

  /** The elements of an array; absent is empty; anything else is an error. */
  public List<InputNode> list() {
    if (isAbsent()) {
      return List.of();
    }
    if (!json.isArray()) {
      throw error("is not a list");
    }
    List<InputNode> out = new ArrayList<>();
    for (int i = 0; i < json.size(); i++) {
      out.add(at(i));
    }
    return out;
  }

  /** The strings of a list of strings; absent is empty. */
  public List<String> texts() {
    List<String> out = new ArrayList<>();
    for (InputNode n : list()) {
      out.add(n.text());
    }
    return out;
  }

  /** The members of an object in document order; absent is empty; anything else is an error. */
  public List<Map.Entry<String, InputNode>> members() {
    if (isAbsent()) {
      return List.of();
    }
    if (!json.isObject()) {
      throw error("is not a map");
    }
    List<Map.Entry<String, InputNode>> out = new ArrayList<>();
    for (Iterator<String> it = json.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      out.add(Map.entry(name, get(name)));
    }
    return out;
  }

  /** Requires an object (absent is allowed: it reads as empty). */
  public InputNode object() {
    if (isPresent() && !json.isObject()) {
      throw error("is not a map");
    }
    return this;
  }

  @Override
  public String toString() {
    return path + "=" + (isAbsent() ? "(absent)" : json.toString());
  }
}
