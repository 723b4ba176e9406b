package dev.sgreach.aws;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.PropertyNamingStrategy;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;

/**
 * JSON plumbing shared by reading and writing: parsing a file with located syntax errors, turning one JSON item into
 * an AWS SDK v2 model object (the same objects the live SDK returns), and writing SDK objects back as AWS CLI JSON.
 *
 * <p>Reading uses the SDK's serializable builders ({@code SecurityGroup.serializableBuilderClass()}) with the naming
 * strategy of the service's JSON: EC2 and ELBv2 CLI output is UpperCamelCase ({@code GroupId}, setter
 * {@code setGroupId}); EKS is lowerCamelCase. Writing walks {@link SdkPojo#sdkFields()} and uses each field's
 * {@code memberName()}, which is the name the AWS CLI prints, in the service model's order.
 */
final class AwsJson {
  /** EC2 and ELBv2: {@code GroupId}, {@code IpPermissions}. */
  static final ObjectMapper UPPER = mapper(PropertyNamingStrategies.UPPER_CAMEL_CASE);
  /** EKS: {@code resourcesVpcConfig}. */
  static final ObjectMapper LOWER = mapper(PropertyNamingStrategies.LOWER_CAMEL_CASE);

  private static final ObjectWriter PRETTY = new ObjectMapper().writer(new DefaultPrettyPrinter()
      .withObjectIndenter(new DefaultIndenter("  ", "\n"))
      .withArrayIndenter(new DefaultIndenter("  ", "\n"))
      .withSeparators(com.fasterxml.jackson.core.util.Separators.createDefaultInstance()
          .withObjectFieldValueSpacing(com.fasterxml.jackson.core.util.Separators.Spacing.AFTER)));

  private AwsJson() {}

  private static ObjectMapper mapper(PropertyNamingStrategy naming) {
    ObjectMapper m = new ObjectMapper()
        .setPropertyNamingStrategy(naming)
        .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
        .configure(DeserializationFeature.ACCEPT_FLOAT_AS_INT, false)
        .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true)
        .registerModule(new SimpleModule("sgreach-aws").addDeserializer(Instant.class, new IgnoredTime()));
    // "FromPort": "" or "22" is not what AWS writes: refuse rather than guess (an empty port would widen a rule).
    m.coercionConfigFor(LogicalType.Integer)
        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
    m.coercionConfigFor(LogicalType.Boolean)
        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
    return m;
  }

  /** Timestamps are never used by sgreach and come in many shapes (ISO, epoch, placebo objects): skip them. */
  private static final class IgnoredTime extends JsonDeserializer<Instant> {
    @Override
    public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      p.skipChildren();
      return null;
    }
  }

  /** Parses a file; syntax errors name the file, the JSON path reached and the line and column. */
  static JsonNode readTree(Path file, String shownAs) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new SnapshotException(shownAs, "$", null, "file not found: " + file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    try (JsonParser parser = UPPER.getFactory().createParser(bytes)) {
      JsonNode tree = UPPER.readTree(parser);
      if (tree == null || tree.isMissingNode()) {
        throw new SnapshotException(shownAs, "$", "", "the file is empty, not a JSON document");
      }
      if (parser.nextToken() != null) {
        throw new SnapshotException(shownAs, "$", parser.getText(),
            "unexpected text after the JSON document at line " + parser.currentLocation().getLineNr());
      }
      return tree;
    } catch (JsonProcessingException e) {
      throw syntaxError(e, shownAs);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** A JSON syntax error as a located snapshot error: the file, the JSON path reached, the line and column. */
  static SnapshotException syntaxError(JsonProcessingException e, String shownAs) {
    String path = "$";
    String value = null;
    if (e.getProcessor() instanceof JsonParser p) {
      path = jsonPath(p.getParsingContext());
      try {
        value = e instanceof JsonEOFException ? "end of file" : p.currentToken() == null ? null : p.getText();
      } catch (IOException ignored) {
        value = null;
      }
    }
    String where = e.getLocation() == null ? ""
        : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
    return new SnapshotException(shownAs, path, value, "is not valid JSON" + where + ": " + jacksonReason(e), e);
  }

  /** Jackson's own words without its source-location suffix. */
  private static String jacksonReason(JsonProcessingException e) {
    String m = e.getOriginalMessage();
    int cut = m.indexOf(" (start marker at");
    return cut < 0 ? m : m.substring(0, cut);
  }

  private static String jsonPath(JsonStreamContext context) {
    StringBuilder b = new StringBuilder();
    for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
      String segment = c.inArray() ? "[" + Math.max(c.getCurrentIndex(), 0) + "]"
          : c.getCurrentName() == null ? "" : "." + c.getCurrentName();
      b.insert(0, segment);
    }
    return "$" + b;
  }

  /**
   * Reads one JSON item into an SDK object through its serializable builder. Wrong types become a located error
   * naming the field and the value found there.
   */
  static <B, T> T toSdk(ObjectMapper mapper, JsonNode item, Class<? extends B> builderClass,
      java.util.function.Function<B, T> build, Loc loc) {
    if (!item.isObject()) {
      throw loc.fail(text(item), "is not a JSON object");
    }
    try {
      return build.apply(mapper.treeToValue(item, builderClass));
    } catch (JsonMappingException e) {
      Loc at = loc;
      JsonNode node = item;
      for (JsonMappingException.Reference r : e.getPath()) {
        if (r.getFieldName() != null) {
          at = at.field(r.getFieldName());
          node = node == null ? null : node.get(r.getFieldName());
        } else if (r.getIndex() >= 0) {
          at = at.index(r.getIndex());
          node = node == null ? null : node.get(r.getIndex());
        }
      }
      Object found = e instanceof InvalidFormatException f ? f.getValue() : node == null ? null : text(node);
      throw at.fail(found == null ? "null" : found, "is not " + expected(e, at));
    } catch (JsonProcessingException e) {
      throw loc.fail(null, e.getOriginalMessage());
    }
  }

  private static String expected(JsonMappingException e, Loc at) {
    Class<?> type = e instanceof InvalidFormatException f ? f.getTargetType()
        : e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException m ? m.getTargetType() : null;
    if (type == null) {
      return "a valid " + at.name();
    }
    if (Collection.class.isAssignableFrom(type)) {
      return "a JSON array";
    }
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      return "a whole number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type == String.class) {
      return "a string";
    }
    return "a JSON object";
  }

  /** A node as it should appear in a message: the text of a string, JSON for anything else. */
  static String text(JsonNode node) {
    return node.isTextual() ? node.textValue() : node.toString();
  }

  /** An SDK object as the AWS CLI prints it: member names, service-model order, unset fields left out. */
  static JsonNode toJson(SdkPojo pojo) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    for (SdkField<?> field : pojo.sdkFields()) {
      JsonNode value = valueToJson(field.getValueOrDefault(pojo));
      if (value != null) {
        out.set(field.memberName(), value);
      }
    }
    return out;
  }

  private static JsonNode valueToJson(Object value) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (value == null || value instanceof SdkAutoConstructList<?> || value instanceof SdkAutoConstructMap<?, ?>) {
      return null;
    }
    if (value instanceof SdkPojo p) {
      return toJson(p);
    }
    if (value instanceof List<?> list) {
      ArrayNode array = f.arrayNode();
      list.forEach(v -> array.add(valueToJson(v)));
      return array;
    }
    if (value instanceof Map<?, ?> map) {
      ObjectNode object = f.objectNode();
      map.forEach((k, v) -> object.set(String.valueOf(k), valueToJson(v)));
      return object;
    }
    if (value instanceof Boolean b) {
      return f.booleanNode(b);
    }
    if (value instanceof Integer i) {
      return f.numberNode(i);
    }
    if (value instanceof Long l) {
      return f.numberNode(l);
    }
    return f.textNode(value.toString());
  }

  /** Writes a document pretty-printed with two-space indents, {@code \n} line ends and a final newline. */
  static void write(JsonNode document, Path file) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.write(file, (PRETTY.writeValueAsString(document) + "\n").getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
