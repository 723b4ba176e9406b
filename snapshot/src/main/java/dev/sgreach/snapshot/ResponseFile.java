package dev.sgreach.snapshot;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One response file, read in a single streaming pass: a plain AWS response ({@code {"SecurityGroups": [...]}}) or a
 * cloud-custodian placebo recording of one ({@code {"status_code": 200, "data": {...}}}). The items are mapped as
 * they are read; nothing of the file is kept but the model values.
 *
 * <p>This is the one place that decides what a file as a whole must look like: one JSON object (in which
 * {@link JsonIn} refuses a field it reads given twice: with two values, which one AWS sent is unknown), the items
 * field present and a list, nothing after the document, a recorded response that is not an error, and a whole
 * response rather than one page of several (no {@code NextToken}, {@code nextToken}, {@code Marker} or
 * {@code NextMarker} with a value). Item shapes are {@link ResponseItems}'.
 */
final class ResponseFile {
  private static final JsonFactory JSON = JsonFactory.builder().build();
  /** The fields by which AWS responses say more pages follow (EC2, EKS; ELB and ELBv2). */
  private static final Set<String> PAGE_TOKENS = Set.of("NextToken", "nextToken", "Marker", "NextMarker");
  private static final String STATUS = "status_code";
  private static final String DATA = "data";

  private final ResponseKind kind;
  private final Path file;
  private final String shownAs;
  private final String itemsField;
  private final String prefixListId;

  /**
   * @param shownAs how messages name the file (relative to the snapshot folder)
   * @param itemsField the top-level field holding the items, normally {@link ResponseKind#resultField()}
   * @param prefixListId for {@link ResponseKind#MANAGED_PREFIX_LIST_ENTRIES}, the list the entries belong to
   */
  ResponseFile(ResponseKind kind, Path file, String shownAs, String itemsField, String prefixListId) {
    this.kind = kind;
    this.file = file;
    this.shownAs = shownAs;
    this.itemsField = itemsField;
    this.prefixListId = prefixListId;
  }

  ResponseKind kind() {
    return kind;
  }

  Path file() {
    return file;
  }

  /** Size on disk, 0 when it cannot be told (reading then reports the problem). */
  long size() {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0;
    }
  }

  /** What one object level of the file held: its items when the items field was there, and its field names. */
  private static final class Body {
    List<Consumer<NetworkAssembler>> items;
    final List<String> fields = new ArrayList<>();
    boolean hasStatus;
    boolean statusOk;
    String statusText;
    Body data;
    String dataText;
    String errorCode;
    String errorMessage;
    boolean hasError;
    String pageToken;
    String pageTokenValue;
    /** search-transit-gateway-routes' {@code AdditionalRoutesAvailable}: AWS returned only part of the routes. */
    boolean moreRoutes;
  }

  /**
   * Reads the file into feeds for the assembler, in item order.
   *
   * @throws SnapshotException naming file, JSON path and value on the first problem
   */
  List<Consumer<NetworkAssembler>> read() {
    try (InputStream stream = Files.newInputStream(file); JsonParser p = JSON.createParser(stream)) {
      JsonIn in = new JsonIn(p);
      Location root = Location.root(shownAs);
      if (in.next() == null) {
        throw new SnapshotException(shownAs, "$", "", "the file is empty, not a JSON document");
      }
      if (in.current() != JsonToken.START_OBJECT) {
        throw root.fail(in.compact(), "is not a JSON object holding a " + kind.resultField() + " field");
      }
      Body body = body(in, root, true);
      if (p.nextToken() != null) {
        throw new SnapshotException(shownAs, "$", p.getText(),
            "unexpected text after the JSON document at line " + p.currentLocation().getLineNr());
      }
      Location at = root;
      if (body.hasStatus && (body.data != null || body.dataText != null)) {
        if (!body.statusOk) {
          Body data = body.data;
          throw root.field(STATUS).fail(body.statusText, "is a recorded error response, not data"
              + (data != null && data.hasError ? " (" + data.errorCode + ": " + data.errorMessage + ")" : ""));
        }
        at = root.field(DATA);
        if (body.data == null) {
          throw at.fail(body.dataText, "is not a JSON object holding a " + kind.resultField() + " field");
        }
        body = body.data;
      }
      if (body.pageToken != null) {
        throw at.field(body.pageToken).fail(body.pageTokenValue, "partial page: " + body.pageToken + " present, so"
            + " this is one page of a longer answer and the rest is missing: save the whole answer (the AWS CLI"
            + " follows every page unless --max-items or --no-paginate is given)");
      }
      if (body.items == null) {
        throw at.field(itemsField).fail(null, itemsField + " is missing: this is not a " + kind + " response (its"
            + " fields: " + String.join(", ", body.fields) + ")");
      }
      if (kind.isPerTable()) {
        body.items.add(PathItems.tableRead(kind, prefixListId, !body.moreRoutes, at));
      }
      body.items.add(a -> a.responseRead(kind));
      return body.items;
    } catch (NoSuchFileException | FileNotFoundException e) {
      throw new SnapshotException(shownAs, "$", null, "file not found: " + file);
    } catch (JsonProcessingException e) {
      throw syntaxError(e, shownAs);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** Reads the object at the cursor: the items field, and at the top level a recording's status and data. */
  private Body body(JsonIn in, Location at, boolean top) throws IOException {
    Body b = new Body();
    in.object(at, name -> {
      b.fields.add(name);
      if (name.equals(itemsField)) {
        b.items = items(in, at.field(name));
        return true;
      }
      if (PAGE_TOKENS.contains(name) && in.current() != JsonToken.VALUE_NULL) {
        String token = in.compact();
        if (!token.isEmpty() && b.pageToken == null) {
          b.pageToken = name;
          b.pageTokenValue = token;
        }
        return true;
      }
      if (name.equals("AdditionalRoutesAvailable") && kind.isPerTable()) {
        b.moreRoutes = Boolean.TRUE.equals(in.bool(at, name));
        return true;
      }
      if (top && name.equals(STATUS)) {
        b.hasStatus = true;
        b.statusOk = in.current() == JsonToken.VALUE_NUMBER_INT && in.parser().getNumberType()
            == JsonParser.NumberType.INT && in.parser().getIntValue() == 200;
        b.statusText = in.compact();
        return true;
      }
      if (top && name.equals(DATA)) {
        if (in.current() == JsonToken.START_OBJECT) {
          b.data = body(in, at.field(name), false);
        } else {
          b.dataText = in.compact();
        }
        return true;
      }
      if (!top && name.equals("Error") && in.current() == JsonToken.START_OBJECT) {
        String[] codeAndMessage = {"", ""};
        in.object(at.field(name), n -> {
          if (n.equals("Code") || n.equals("Message")) {
            codeAndMessage[n.equals("Code") ? 0 : 1] = in.current().isScalarValue() && in.current()
                != JsonToken.VALUE_NULL ? in.parser().getText() : "";
            in.skip();
            return true;
          }
          return false;
        });
        b.hasError = true;
        b.errorCode = codeAndMessage[0];
        b.errorMessage = codeAndMessage[1];
        return true;
      }
      return false;
    });
    return b;
  }

  /** The items field's value, mapped. */
  private List<Consumer<NetworkAssembler>> items(JsonIn in, Location at) throws IOException {
    List<Consumer<NetworkAssembler>> out = new ArrayList<>();
    switch (kind) {
      case MANAGED_PREFIX_LIST_ENTRIES -> out.add(ResponseItems.prefixListEntries(in, at, prefixListId));
      case EKS_CLUSTER -> out.add(ResponseItems.eksCluster(in, at));
      case TRANSIT_GATEWAY_ROUTE_TABLE_PROPAGATIONS, TRANSIT_GATEWAY_STATIC_ROUTES, TRANSIT_GATEWAY_PROPAGATED_ROUTES -> {
        if (in.current() == JsonToken.VALUE_NULL) {
          throw at.fail("null", "is not a JSON array");
        }
        ResponseItems.ItemReader reader = PathItems.perTable(kind, prefixListId);
        in.array(at, (i, el) -> out.add(reader.read(in, el)));
      }
      default -> {
        if (in.current() == JsonToken.VALUE_NULL) {
          throw at.fail("null", "is not a JSON array");
        }
        ResponseItems.ItemReader reader = ResponseItems.of(kind);
        in.array(at, (i, el) -> out.add(reader.read(in, el)));
      }
    }
    return out;
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
}
