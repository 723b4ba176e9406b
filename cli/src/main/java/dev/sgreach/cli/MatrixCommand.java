package dev.sgreach.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sgreach.eks.EksCluster;
import dev.sgreach.engine.Endpoint;
import dev.sgreach.engine.Matrix;
import dev.sgreach.model.Echo;
import dev.sgreach.model.Traffic;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sgreach matrix}: which endpoints reach which, on which traffic, as a table. */
@Command(name = "matrix", mixinStandardHelpOptions = true, versionProvider = ManifestVersion.class,
    header = "Which rows reach which columns, on which traffic: all, some, none or unknown per cell?",
    description = {
        "Each cell says whether all, some or none of the member flows from the row endpoint to the column endpoint "
            + "get through on one traffic, or 'unknown' when none surely does and some depend on data missing from "
            + "the snapshot, with the count of allowed flows out of all: what 'reach' says for that row, column and "
            + "traffic, without the proof.%n",
        "Endpoints are written as for reach (ENI, instance, security group, address, eks:CLUSTER/ROLE[:NAME]); "
            + "--rows, --cols and --port take several values, comma-separated or repeated. Without --rows and "
            + "--cols, an EKS snapshot's roles (control plane, each nodegroup, Fargate, pods with their own groups, "
            + "load balancers, VPC endpoints, bastions: those with members) are both; without --port, the traffic "
            + "lint checks between roles (tcp/443, tcp/10250, tcp/9443, tcp/53, udp/53).%n",
        "Text prints one table per traffic; --format csv one line per cell "
            + "(from,to,traffic,value,allowed,denied,unknown); --format markdown one table per traffic; --json "
            + "the cells with their counts."},
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
        "0:the matrix is printed",
        "2:bad input: options, endpoint, traffic spec, snapshot"})
final class MatrixCommand extends AnalysisCommand {
  enum Format { text, csv, markdown }

  /** Cells from which on a terminal shows how many are done. */
  static final int PROGRESS_CELLS = 200;

  @Option(names = "--rows", paramLabel = "E", split = ",", arity = "1..*",
      description = "The sources (default: the EKS cluster's roles).")
  List<String> rows;

  @Option(names = "--cols", paramLabel = "E", split = ",", arity = "1..*",
      description = "The destinations (default: the EKS cluster's roles).")
  List<String> cols;

  @Option(names = "--port", paramLabel = "SPEC", split = ",", arity = "1..*", converter = TrafficConverter.class,
      description = "The traffic, e.g. tcp/443,tcp/10250,udp/53 (default: the ports lint checks between roles).")
  List<Traffic> traffic;

  @Option(names = "--cluster", paramLabel = "NAME",
      description = "The EKS cluster whose roles are the default rows and columns (needed when there are several).")
  String cluster;

  @Option(names = "--format", paramLabel = "FORMAT", description = "text (default), csv or markdown.")
  Format format;

  @Override
  Integer answer() {
    if (snapshot.json && format != null) {
      throw new BadInputException("--json and --format " + format + " ask for two outputs: give one");
    }
    List<Endpoint> from = rows == null ? roles("--rows") : rows.stream().map(this::endpoint).toList();
    List<Endpoint> to = cols == null ? roles("--cols") : cols.stream().map(this::endpoint).toList();
    List<Traffic> on = traffic == null ? EksCluster.ROLE_TRAFFIC : traffic;
    int cells = from.size() * to.size() * on.size();
    Matrix m;
    try (Progress progress = environment().progress(spec.commandLine().getErr())) {
      IntConsumer done = cells < PROGRESS_CELLS ? n -> { }
          : n -> progress.show("matrix: " + n + " of " + cells + " cells");
      m = reachability().matrix(from, to, on, done);
    }
    String text = switch (format == null ? Format.text : format) {
      case text -> text(m);
      case csv -> csv(m);
      case markdown -> markdown(m);
    };
    print(text, json(m));
    return ExitCodes.OK;
  }

  /** The roles of the snapshot's (or --cluster's) EKS cluster, when the option is not given. */
  private List<Endpoint> roles(String option) {
    List<String> names = cluster == null ? EksCluster.names(network()) : List.of(cluster);
    if (names.isEmpty()) {
      throw new BadInputException(option + " is needed: the snapshot has no EKS cluster whose roles could be the "
          + "default");
    }
    if (names.size() > 1) {
      throw new BadInputException(option + " is needed, or --cluster: the snapshot has " + names.size()
          + " EKS clusters (" + String.join(", ", names) + ")");
    }
    List<Endpoint> roles = EksCluster.of(network(), names.get(0)).roles();
    if (roles.isEmpty()) {
      throw new BadInputException(option + " is needed: no role of EKS cluster " + names.get(0) + " has members");
    }
    return roles;
  }

  /** One table per traffic; labels lose the prefix they all share (e.g. {@code eks:ekscluster1/}). */
  static String text(Matrix m) {
    String prefix = sharedPrefix(m);
    StringBuilder b = new StringBuilder();
    if (!prefix.isEmpty()) {
      b.append("endpoints of ").append(Echo.visible(prefix)).append('\n');
    }
    for (int t = 0; t < m.traffic().size(); t++) {
      List<String[]> table = new ArrayList<>();
      String[] head = new String[m.columns().size() + 1];
      head[0] = m.traffic().get(t).spec();
      for (int c = 0; c < m.columns().size(); c++) {
        head[c + 1] = label(m.columns().get(c), prefix);
      }
      table.add(head);
      for (int r = 0; r < m.rows().size(); r++) {
        String[] row = new String[head.length];
        row[0] = label(m.rows().get(r), prefix);
        for (int c = 0; c < m.columns().size(); c++) {
          row[c + 1] = cell(m.cell(r, c, t));
        }
        table.add(row);
      }
      int[] width = new int[head.length];
      for (String[] row : table) {
        for (int i = 0; i < row.length; i++) {
          width[i] = Math.max(width[i], row[i].length());
        }
      }
      b.append('\n');
      for (String[] row : table) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < row.length; i++) {
          line.append(i == 0 ? "" : "  ").append(row[i]).append(" ".repeat(width[i] - row[i].length()));
        }
        b.append(line.toString().stripTrailing()).append('\n');
      }
    }
    return b.toString();
  }

  static String markdown(Matrix m) {
    StringBuilder b = new StringBuilder();
    for (int t = 0; t < m.traffic().size(); t++) {
      b.append(t == 0 ? "" : "\n").append("| ").append(m.traffic().get(t).spec()).append(" |");
      for (Endpoint c : m.columns()) {
        b.append(' ').append(markdownText(c.label())).append(" |");
      }
      b.append("\n|---|").append("---|".repeat(m.columns().size())).append('\n');
      for (int r = 0; r < m.rows().size(); r++) {
        b.append("| ").append(markdownText(m.rows().get(r).label())).append(" |");
        for (int c = 0; c < m.columns().size(); c++) {
          b.append(' ').append(cell(m.cell(r, c, t))).append(" |");
        }
        b.append('\n');
      }
    }
    return b.toString();
  }

  static String csv(Matrix m) {
    StringBuilder b = new StringBuilder("from,to,traffic,value,allowed,denied,unknown\n");
    for (Matrix.Cell c : m.cells()) {
      b.append(csvText(c.row().label())).append(',').append(csvText(c.column().label())).append(',')
          .append(c.traffic().spec()).append(',').append(c.value().word()).append(',').append(c.allowed())
          .append(',').append(c.denied()).append(',').append(c.unknown()).append('\n');
    }
    return b.toString();
  }

  static JsonNode json(Matrix m) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    ArrayNode rows = o.putArray("rows");
    m.rows().forEach(e -> rows.add(e.label()));
    ArrayNode columns = o.putArray("columns");
    m.columns().forEach(e -> columns.add(e.label()));
    ArrayNode traffic = o.putArray("traffic");
    m.traffic().forEach(t -> traffic.add(t.spec()));
    ArrayNode cells = o.putArray("cells");
    for (Matrix.Cell c : m.cells()) {
      cells.addObject().put("from", c.row().label()).put("to", c.column().label()).put("traffic", c.traffic().spec())
          .put("value", c.value().word()).put("allowed", c.allowed()).put("denied", c.denied())
          .put("unknown", c.unknown());
    }
    return o;
  }

  /** {@code all 2/2}, {@code some 1/4}, {@code none 0/3}, {@code unknown 0/2}: the value and allowed of all. */
  private static String cell(Matrix.Cell c) {
    return c.value().word() + " " + c.allowed() + "/" + c.total();
  }

  private static String label(Endpoint e, String prefix) {
    return Echo.visible(e.label().substring(prefix.length()));
  }

  /** The prefix up to a {@code /} that every label shares, else empty. */
  private static String sharedPrefix(Matrix m) {
    List<String> labels = new ArrayList<>();
    m.rows().forEach(e -> labels.add(e.label()));
    m.columns().forEach(e -> labels.add(e.label()));
    String first = labels.get(0);
    int slash = first.lastIndexOf('/');
    while (slash >= 0) {
      String p = first.substring(0, slash + 1);
      if (labels.stream().allMatch(l -> l.startsWith(p) && l.length() > p.length())) {
        return p;
      }
      slash = first.lastIndexOf('/', slash - 1);
    }
    return "";
  }

  private static String markdownText(String s) {
    return Echo.visible(s).replace("|", "\\|");
  }

  /** A CSV field: quoted (with quotes doubled) when it holds a comma, a quote or a space; escaped otherwise. */
  private static String csvText(String s) {
    String v = Echo.visible(s);
    return v.matches("[^,\" ]*") ? v : "\"" + v.replace("\"", "\"\"") + "\"";
  }
}
