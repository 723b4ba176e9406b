package dev.sgreach.cli;

import static dev.sgreach.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sgreach.snapshot.Snapshots;
import dev.sgreach.model.Direction;
import dev.sgreach.model.Network;
import dev.sgreach.model.NetworkInterface;
import dev.sgreach.model.Peer;
import dev.sgreach.model.Ports;
import dev.sgreach.model.Rule;
import dev.sgreach.model.SecurityGroup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code sgreach graph}: the SVG of each shipped example, rendered by Graphviz and parsed as XML, shows every group of
 * the snapshot and every group-reference rule as an arrow with its ports; names that need escaping survive DOT and
 * Graphviz intact; a large snapshot renders as a summary; bad input is one line and exit 2.
 */
@ExtendWith(GraphvizExtension.class)
class GraphCommandTest {
  @ParameterizedTest
  @ValueSource(strings = {"ekscluster1", "ekscluster-privonly"})
  void the_svg_of_a_shipped_example_shows_every_group_and_every_group_reference_with_its_ports(String name)
      throws Exception {
    Cli.Result r = run("graph", "--snapshot", "examples/" + name, "--format", "svg");
    assertThat(r.exitCode()).as(r.err()).isEqualTo(0);
    assertThat(r.err()).isEmpty();
    Svg svg = Svg.parse(r.out());
    Network n = Snapshots.read(Cli.ROOT.resolve("examples/" + name));
    for (SecurityGroup g : n.securityGroups().values()) {
      assertThat(svg.node("security-group", g.id()).texts()).as("label of %s", g.label()).startsWith(g.name());
    }
    int references = 0;
    for (SecurityGroup g : n.securityGroups().values()) {
      for (Rule rule : Stream.concat(g.ingress().stream(), g.egress().stream()).toList()) {
        if (!(rule.peer() instanceof Peer.GroupPeer p)) {
          continue;
        }
        references++;
        boolean in = rule.direction() == Direction.INGRESS;
        String from = svg.node("security-group", in ? p.groupId() : g.id()).title();
        String to = svg.node("security-group", in ? g.id() : p.groupId()).title();
        String kind = in ? "ingress-rule" : "egress-rule";
        List<Svg.Shape> arrows = svg.edges.stream().filter(e -> e.title().equals(from + "->" + to)
            && e.classes().contains(kind)).toList();
        assertThat(arrows).as("%s arrow %s->%s for %s", kind, from, to, rule.describe()).hasSize(1);
        assertThat(arrows.get(0).classes()).contains("group-reference");
        assertThat(arrows.get(0).texts()).as("label of the arrow for %s", rule.describe()).hasSize(1);
        assertCovers(arrows.get(0).texts().get(0), in, rule.ports());
      }
    }
    assertThat(references).isPositive();
    assertThat(svg.graphLabel).first().isEqualTo("Security groups: every security group of the snapshot");
  }

  /** The label ({@code [egress ]tcp 443, 1025-65535; udp 53}, read here on its own) admits what the rule admits. */
  static void assertCovers(String label, boolean ingress, Ports ports) {
    String text = label;
    if (!ingress) {
      assertThat(text).startsWith("egress ");
      text = text.substring("egress ".length());
    }
    if (text.equals("all traffic")) {
      return;
    }
    assertThat(ports.isAllTraffic()).as("all-traffic rule drawn as %s", label).isFalse();
    String proto = ports.protocol().awsName();
    List<int[]> ranges = new ArrayList<>();
    for (String part : text.split("; ")) {
      if (!part.startsWith(proto + " ")) {
        continue;
      }
      for (String item : part.substring(proto.length() + 1).split(", ")) {
        if (item.equals("all ports")) {
          ranges.add(new int[] {0, 65535});
        } else if (item.contains("-")) {
          String[] lohi = item.split("-");
          ranges.add(new int[] {Integer.parseInt(lohi[0]), Integer.parseInt(lohi[1])});
        } else {
          ranges.add(new int[] {Integer.parseInt(item), Integer.parseInt(item)});
        }
      }
    }
    assertThat(ranges).as("%s %d-%d within the label %s", proto, ports.from(), ports.to(), label)
        .anyMatch(r -> r[0] <= ports.from() && ports.to() <= r[1]);
  }

  static final String NASTY = "we\"b\\N <script>&amp;</script> #35; |x| `md`\nline2\u0007";

  static Network nasty() {
    return Network.builder()
        .add(SecurityGroup.builder("sg-0nasty").name(NASTY).vpc("vpc-1")
            .allowIn(Ports.tcp(443), Peer.group("sg-0plain"), "desc \"q\" & <t>").build())
        .add(SecurityGroup.builder("sg-0plain").name("plain").vpc("vpc-1").build())
        .add(NetworkInterface.builder("eni-1").vpc("vpc-1").address("10.0.0.5").groups("sg-0nasty").build())
        .build();
  }

  @Test
  void names_with_quotes_backslashes_ampersands_markup_and_control_characters_reach_the_svg_as_written() throws Exception {
    Cli.Result r = run(Cli.env(nasty()), "graph", "--snapshot", "x", "--format", "svg");
    assertThat(r.exitCode()).as(r.err()).isEqualTo(0);
    Svg svg = Svg.parse(r.out());
    assertThat(svg.node("security-group", "sg-0nasty").texts())
        .containsExactly("we\"b\\N <script>&amp;</script> #35; |x| `md`\\nline2\\u0007", "sg-0nasty");
    assertThat(r.out()).contains("xlink:title=\"desc &quot;q&quot; &amp; &lt;t&gt;\"");
    // the same picture as DOT and Mermaid text
    assertThat(run(Cli.env(nasty()), "graph", "--snapshot", "x").out()).startsWith("digraph sgreach {\n");
    assertThat(run(Cli.env(nasty()), "graph", "--snapshot", "x", "--format", "mermaid").out())
        .startsWith("flowchart LR\n").contains("sg_0nasty(\"we#34;b\\N #60;script#62;#38;amp;");
  }

  /** n groups over two VPCs, each admitting the previous one on tcp 443. */
  static Network chain(int n) {
    Network.Builder b = Network.builder();
    for (int i = 0; i < n; i++) {
      SecurityGroup.Builder g = SecurityGroup.builder(String.format(Locale.ROOT, "sg-%04d", i)).vpc("vpc-" + (i % 2));
      if (i > 0) {
        g.allowIn(Ports.tcp(443), Peer.group(String.format(Locale.ROOT, "sg-%04d", i - 1)));
      }
      b.add(g.build());
    }
    return b.build();
  }

  @Test
  void a_large_snapshot_renders_as_a_summary_and_detail_or_focus_draw_groups() throws Exception {
    Svg summary = Svg.parse(run(Cli.env(chain(500)), "graph", "--snapshot", "x", "--format", "svg").out());
    assertThat(summary.graphLabel.get(0)).isEqualTo("Summary of 500 security groups (every security group of the"
        + " snapshot) by EKS role and VPC");
    assertThat(summary.nodes).extracting(s -> s.texts().get(0)).containsExactly("groups of vpc-0", "groups of vpc-1");
    assertThat(summary.edges).extracting(s -> s.texts().get(0)).containsExactly("250 rules: tcp 443",
        "249 rules: tcp 443");
    Svg focus = Svg.parse(run(Cli.env(chain(500)), "graph", "--snapshot", "x", "--format", "svg", "--focus",
        "sg-0100").out());
    assertThat(focus.nodes).extracting(s -> s.texts().get(0) + (s.classes().contains("context") ? " (context)" : ""))
        .containsExactlyInAnyOrder("sg-0100", "sg-0099 (context)", "sg-0101 (context)");
    Cli.Result groups = run(Cli.env(chain(70)), "graph", "--snapshot", "x", "--detail", "groups", "--json");
    JsonNode json = new ObjectMapper().readTree(groups.out());
    assertThat(json.get("summary").asBoolean()).isFalse();
    assertThat(json.get("nodes")).hasSize(70);
    assertThat(json.get("edges")).hasSize(69);
    assertThat(json.at("/edges/0/label").asText()).isEqualTo("tcp 443");
  }

  @Test
  void a_missing_graphviz_is_one_line_naming_the_debian_package_and_exit_2() {
    BadInputTest.assertBadInput(run("graph", "--snapshot", "examples/ekscluster1", "--format", "svg", "--dot",
        "/nonexistent/dot"), "cannot run Graphviz's '/nonexistent/dot'", "install the Debian package graphviz",
        "--format dot");
  }

  @Test
  void bad_options_and_unknown_focus_or_cluster_are_one_line_and_exit_2() {
    BadInputTest.assertBadInput(run("graph", "--snapshot", "examples/ekscluster1", "--format", "png"),
        "--format", "png");
    BadInputTest.assertBadInput(run("graph", "--snapshot", "examples/ekscluster1", "--focus", "sg-0000"),
        "focus 'sg-0000': no security group with that id");
    BadInputTest.assertBadInput(run("graph", "--snapshot", "examples/ekscluster1", "--focus", "kubelets"),
        "focus 'kubelets' is no group id, group name or role", "lbc-backend-sg", "control-plane");
    BadInputTest.assertBadInput(run("graph", "--snapshot", "examples/ekscluster1", "--cluster", "nope"),
        "no EKS cluster 'nope' in the snapshot; clusters found: ekscluster1");
    BadInputTest.assertBadInput(run("graph", "--snapshot", "examples/ekscluster1", "--detail", "all"),
        "--detail 'all' is not auto, groups or summary");
    BadInputTest.assertBadInput(run("graph", "--snapshot", "examples/ekscluster1", "--json", "--format", "svg"),
        "--json and --format svg");
    BadInputTest.assertBadInput(run("graph", "--snapshot", "examples/nope"), "examples/nope");
  }

  @Test
  void out_writes_the_file_and_says_what_it_wrote(@TempDir Path tmp) throws Exception {
    Path file = tmp.resolve("c.mmd");
    Cli.Result r = run("graph", "--snapshot", "examples/ekscluster-privonly", "--format", "mermaid", "--focus",
        "shared-node-sg", "--out", file.toString());
    assertThat(r.exitCode()).as(r.err()).isEqualTo(0);
    assertThat(r.out()).startsWith("wrote " + file + ": mermaid, ").endsWith(" arrows\n");
    assertThat(Files.readString(file)).startsWith("flowchart LR\n")
        .contains("%% Security groups: the neighbourhood of shared-node-sg");
  }

  @Test
  void help_graph_lists_the_options_and_exit_statuses() {
    Cli.Result r = run("help", "graph");
    assertThat(r.exitCode()).isEqualTo(0);
    assertThat(r.out()).contains("--focus=X", "--format=FORMAT", "--cluster=NAME", "--out=FILE", "--detail=LEVEL")
        .contains("Exit status:").contains("Debian package graphviz");
  }
}
