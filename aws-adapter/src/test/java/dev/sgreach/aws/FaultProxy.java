package dev.sgreach.aws;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A small HTTP proxy on 127.0.0.1 between the SDK and moto's server. It forwards every request and, on chosen
 * operations (named by IAM action, e.g. {@code ec2:DescribeSecurityGroups}), answers instead with the errors AWS
 * sends: throttling, server errors, access denied. It can also page EC2 describe responses by {@code MaxResults} and
 * {@code NextToken}, which moto ignores, so that the loader's paging is exercised over moto's real data.
 */
final class FaultProxy implements AutoCloseable {
  /** An error as AWS returns it. */
  enum Fault {
    /** EC2's throttling: 503 {@code RequestLimitExceeded}. */
    EC2_THROTTLED(503, "RequestLimitExceeded", "Request limit exceeded."),
    /** EC2's server error: 500 {@code InternalError}. */
    EC2_INTERNAL_ERROR(500, "InternalError", "An internal error has occurred"),
    /** EC2's access denied: 403 {@code UnauthorizedOperation}, with an encoded message that must not be shown. */
    EC2_UNAUTHORIZED(403, "UnauthorizedOperation", "You are not authorized to perform this operation. User:"
        + " arn:aws:iam::123456789012:user/test is not authorized. Encoded authorization failure message: SECRETBLOB"),
    /** ELBv2's throttling, a query-protocol {@code Throttling} error. */
    ELB_THROTTLED(503, "Throttling", "Rate exceeded"),
    /** EKS's access denied: 403 {@code AccessDeniedException}. */
    EKS_DENIED(403, "AccessDeniedException", "User is not authorized to perform: eks:DescribeCluster"),
    /** EKS's server error: 500 {@code ServerException}. */
    EKS_SERVER_ERROR(500, "ServerException", "Internal failure");

    final int status;
    final String code;
    final String message;

    Fault(int status, String code, String message) {
      this.status = status;
      this.code = code;
      this.message = message;
    }
  }

  private static final Pattern SERVICE = Pattern.compile("/([a-z0-9-]+)/aws4_request");
  private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade",
      "transfer-encoding");

  private final URI target;
  private final HttpServer server;
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final Map<String, Fault> faults = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> remaining = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> pages = new ConcurrentHashMap<>();
  private volatile boolean paging;

  FaultProxy(URI target) {
    this.target = target;
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::handle);
    server.start();
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Answers the next {@code times} calls of {@code action} with {@code fault}. */
  FaultProxy fail(String action, Fault fault, int times) {
    faults.put(action, fault);
    remaining.put(action, new AtomicInteger(times));
    return this;
  }

  /** Answers every call of {@code action} with {@code fault}. */
  FaultProxy failAlways(String action, Fault fault) {
    return fail(action, fault, Integer.MAX_VALUE);
  }

  /** Pages EC2 describe responses by the request's {@code MaxResults}, with {@code NextToken}. */
  FaultProxy pageEc2() {
    paging = true;
    return this;
  }

  /** Requests seen for an action, faults included. */
  int requests(String action) {
    AtomicInteger n = requests.get(action);
    return n == null ? 0 : n.get();
  }

  /** Pages served by {@link #pageEc2()} paging for an action. */
  int pages(String action) {
    AtomicInteger n = pages.get(action);
    return n == null ? 0 : n.get();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      String auth = exchange.getRequestHeaders().getFirst("Authorization");
      Matcher m = SERVICE.matcher(auth == null ? "" : auth);
      String service = m.find() ? m.group(1) : "unknown";
      Map<String, String> form = service.equals("eks") ? Map.of() : form(new String(body, StandardCharsets.UTF_8));
      String action = service + ":" + (service.equals("eks") ? eksAction(exchange) : form.get("Action"));
      requests.computeIfAbsent(action, k -> new AtomicInteger()).incrementAndGet();
      AtomicInteger left = remaining.get(action);
      if (left != null && left.getAndDecrement() > 0) {
        sendFault(exchange, service, faults.get(action));
        return;
      }
      HttpResponse<byte[]> response = forward(exchange, body);
      byte[] out = response.body();
      if (paging && service.equals("ec2") && response.statusCode() == 200 && form.containsKey("MaxResults")) {
        out = page(out, Integer.parseInt(form.get("MaxResults")), form.getOrDefault("NextToken", "0"), action);
      }
      response.headers().map().forEach((k, v) -> {
        if (!RESTRICTED.contains(k.toLowerCase(Locale.ROOT)) && !k.equalsIgnoreCase("date")) {
          exchange.getResponseHeaders().put(k, v);
        }
      });
      exchange.sendResponseHeaders(response.statusCode(), out.length == 0 ? -1 : out.length);
      exchange.getResponseBody().write(out);
    } catch (RuntimeException | InterruptedException e) {
      byte[] text = ("proxy failure: " + e).getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(599, text.length);
      exchange.getResponseBody().write(text);
    }
  }

  private HttpResponse<byte[]> forward(HttpExchange exchange, byte[] body) throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(target.resolve(exchange.getRequestURI().toString()))
        .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(body));
    exchange.getRequestHeaders().forEach((k, values) -> {
      if (!RESTRICTED.contains(k.toLowerCase(Locale.ROOT))) {
        values.forEach(v -> b.header(k, v));
      }
    });
    return client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static String eksAction(HttpExchange exchange) {
    String path = exchange.getRequestURI().getPath();
    String method = exchange.getRequestMethod();
    if (path.equals("/clusters")) {
      return method.equals("GET") ? "ListClusters" : "CreateCluster";
    }
    if (path.startsWith("/clusters/") && path.indexOf('/', "/clusters/".length()) < 0) {
      return method.equals("GET") ? "DescribeCluster" : "DeleteCluster";
    }
    return method + " " + path;
  }

  private static void sendFault(HttpExchange exchange, String service, Fault fault) throws IOException {
    String body;
    if (service.equals("eks")) {
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.getResponseHeaders().set("x-amzn-ErrorType", fault.code);
      body = "{\"message\": \"" + fault.message + "\"}";
    } else if (service.equals("ec2")) {
      exchange.getResponseHeaders().set("Content-Type", "text/xml;charset=UTF-8");
      body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Errors><Error><Code>" + fault.code
          + "</Code><Message>" + fault.message + "</Message></Error></Errors><RequestID>req-fault</RequestID>"
          + "</Response>";
    } else {
      exchange.getResponseHeaders().set("Content-Type", "text/xml");
      body = "<ErrorResponse><Error><Type>Sender</Type><Code>" + fault.code + "</Code><Message>" + fault.message
          + "</Message></Error><RequestId>req-fault</RequestId></ErrorResponse>";
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(fault.status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  /** Keeps the items of one page of an EC2 query response and adds a {@code nextToken} when more follow. */
  private byte[] page(byte[] xml, int max, String token, String action) {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
      Element root = doc.getDocumentElement();
      Element list = null;
      for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
        if (n instanceof Element e && e.getTagName().equals("nextToken")) {
          root.removeChild(e);
        }
      }
      for (Node n = root.getFirstChild(); n != null && list == null; n = n.getNextSibling()) {
        if (n instanceof Element e && !e.getTagName().equals("requestId")) {
          list = e;
        }
      }
      if (list == null) {
        return xml;
      }
      List<Element> items = new ArrayList<>();
      for (Node n = list.getFirstChild(); n != null; n = n.getNextSibling()) {
        if (n instanceof Element e && e.getTagName().equals("item")) {
          items.add(e);
        }
      }
      int from = Integer.parseInt(token);
      for (int i = 0; i < items.size(); i++) {
        if (i < from || i >= from + max) {
          list.removeChild(items.get(i));
        }
      }
      if (from + max < items.size()) {
        Element next = doc.createElement("nextToken");
        next.setTextContent(String.valueOf(from + max));
        root.appendChild(next);
      }
      pages.computeIfAbsent(action, k -> new AtomicInteger()).incrementAndGet();
      StringWriter w = new StringWriter();
      var t = TransformerFactory.newInstance().newTransformer();
      t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "no");
      t.transform(new DOMSource(doc), new StreamResult(w));
      return w.toString().getBytes(StandardCharsets.UTF_8);
    } catch (Exception e) {
      throw new IllegalStateException("cannot page " + action, e);
    }
  }

  private static Map<String, String> form(String body) {
    Map<String, String> out = new HashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return out;
  }
}
