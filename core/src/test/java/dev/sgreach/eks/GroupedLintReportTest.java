package dev.sgreach.eks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sgreach.model.Network;
import dev.sgreach.model.SecurityGroup;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * A broken cluster's lint report a person can read: {@code ekscluster1} whose EKS cluster security group lost every
 * inbound rule fails 14 checks. Before the report grouped member flows and printed each fix once it took 302 lines,
 * with 45 fix commands of which 21 repeated an earlier one; now it takes 65, each command once, with the same
 * findings, flows and fixes.
 */
class GroupedLintReportTest {

  static LintReport broken() {
    Network seed = SeedClusters.publicAndPrivate();
    SecurityGroup csg = EksCluster.of(seed, "ekscluster1").clusterSecurityGroup().orElseThrow();
    SecurityGroup.Builder b = csg.toBuilder().clearRules();
    csg.egress().forEach(b::rule); // every inbound rule left out
    return EksCluster.of(seed.toBuilder().replace(b.build()).build(), "ekscluster1").lint();
  }

  @Test
  void the_report_is_exactly_the_grouped_one_and_a_quarter_of_its_old_length() throws IOException {
    LintReport report = broken();
    String text = report.describe();
    assertThat(text).isEqualTo(resource("lint-cluster-sg-without-ingress.txt"));
    assertThat(text.lines()).hasSizeLessThanOrEqualTo(302 / 4);
    // the same facts: every finding, and every distinct fix with its command exactly once
    assertThat(report.errors()).hasSize(11);
    assertThat(report.warnings()).hasSize(3);
    report.findings().stream().filter(f -> f.severity() != Severity.INFO).flatMap(f -> f.fixes().stream())
        .distinct().forEach(fix -> assertThat(text).containsOnlyOnce(fix.awsCliCommand()));
  }

  @Test
  void a_fix_names_no_eni_in_the_description_it_writes() {
    broken().findings().stream().flatMap(f -> f.fixes().stream())
        .forEach(fix -> assertThat(fix.rule().description()).doesNotContain("eni-"));
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = Objects.requireNonNull(GroupedLintReportTest.class.getResourceAsStream(name), name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
