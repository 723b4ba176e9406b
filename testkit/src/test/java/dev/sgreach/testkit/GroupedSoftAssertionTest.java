package dev.sgreach.testkit;

import static dev.sgreach.testkit.SgreachAssertions.tcp;
import static org.assertj.core.api.BDDAssertions.then;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * The new user's failing soft assertion over an EKS role pair: load balancers to nodes on the NodePort when the
 * cluster SG lost the Load Balancer Controller's backend rule. Before member flows were grouped by outcome and proof
 * its message took 97 lines, repeating the same rules for each of the 16 member pairs and proposing one fix per load
 * balancer group; now 23, one proof per group and one fix (from the backend group every load balancer carries).
 */
class GroupedSoftAssertionTest {

  @Test
  void the_message_is_exactly_the_grouped_one_and_a_quarter_of_its_old_length() throws IOException {
    // GIVEN
    SgreachSoftAssertions softly = new SgreachSoftAssertions();
    // WHEN
    softly.assertThat(EksFixtures.withoutBackendRuleOnClusterSg()).loadBalancers().canReach(EksRole.nodes())
        .on(tcp(30080));
    // THEN
    List<AssertionError> errors = softly.assertionErrorsCollected();
    then(errors).hasSize(1);
    String message = errors.get(0).getMessage();
    then(message).startsWith(resource("soft-lb-to-nodes-without-backend-rule.txt"))
        .containsOnlyOnce("fix command").contains("8 of 16 member flows allowed");
    then(message.lines()).hasSizeLessThanOrEqualTo(97 / 4);
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = Objects.requireNonNull(GroupedSoftAssertionTest.class.getResourceAsStream(name), name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
