package dev.sgreach.cli;

import static dev.sgreach.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sgreach snapshot}'s command-line behaviour. Loading itself is tested against moto's server in aws-adapter
 * ({@code LiveLoaderTest}); here: a failed load is one line, exit 2, and writes nothing.
 */
class SnapshotCommandTest {
  @Test
  void a_load_that_cannot_reach_aws_fails_in_one_line_and_writes_nothing(@TempDir Path tmp) throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort(); // closed again: nothing listens there
    }
    System.setProperty("aws.accessKeyId", "AKIDEXAMPLE");
    System.setProperty("aws.secretAccessKey", "not-a-real-secret-value");
    try {
      Path out = tmp.resolve("snap");
      Cli.Result r = run("snapshot", "--region", "us-east-1", "--endpoint-url", "http://127.0.0.1:" + port,
          "--out", out.toString());
      assertThat(r.exitCode()).isEqualTo(2);
      assertThat(r.err()).startsWith("sgreach: ").contains("failed in us-east-1").contains("Nothing was loaded")
          .doesNotContain("not-a-real-secret-value").doesNotContain("\tat ");
      assertThat(r.out()).isEmpty();
      assertThat(Files.exists(out)).isFalse();
    } finally {
      System.clearProperty("aws.accessKeyId");
      System.clearProperty("aws.secretAccessKey");
    }
  }

  @Test
  void out_is_required() {
    BadInputTest.assertBadInput(run("snapshot", "--region", "us-east-1"), "--out");
  }

  @Test
  void filters_that_are_not_ids_and_an_empty_out_are_refused_before_any_call(@TempDir Path tmp) {
    Path out = tmp.resolve("snap");
    BadInputTest.assertBadInput(run("snapshot", "--region", "us-east-1", "--vpc", "vpc-typo;rm", "--out",
        out.toString()), "--vpc 'vpc-typo;rm' is not a VPC id (vpc- and up to 17 lowercase letters or digits)");
    BadInputTest.assertBadInput(run("snapshot", "--region", "us-east-1", "--cluster", "a b", "--out",
        out.toString()), "--cluster 'a b' is not an EKS cluster name");
    BadInputTest.assertBadInput(run("snapshot", "--region", "us-east-1", "--out="), "--out '' names no folder");
    assertThat(out).doesNotExist();
  }
}
