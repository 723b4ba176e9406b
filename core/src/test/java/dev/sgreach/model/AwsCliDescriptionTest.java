package dev.sgreach.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@link AwsCli#description} keeps exactly the characters AWS allows in a rule description (brackets left out): the
 * regular expression of that set is the reference, on seeded strings of allowed characters, brackets, quotes, shell
 * metacharacters, control characters and characters beyond ASCII (surrogate pairs among them).
 */
class AwsCliDescriptionTest {
  private static final Pattern NOT_ALLOWED = Pattern.compile("[^A-Za-z0-9 ._:/()#,@+=&;{}!$*-]");
  private static final String ALPHABET = "aZ09 ._:/()#,@+=&;{}!$*-[]\"'`\\|<>?%^~\t\n\r\u0000\u007f\u00e9\u4e2d";

  @Test
  void keeps_exactly_what_the_allowed_set_keeps() {
    Random random = new Random(Long.getLong("sgreach.seed", 3L));
    for (int n = 0; n < 20_000; n++) {
      StringBuilder b = new StringBuilder();
      for (int i = random.nextInt(20); i > 0; i--) {
        if (random.nextInt(15) == 0) {
          b.appendCodePoint(0x1F600 + random.nextInt(50)); // a surrogate pair
        } else {
          b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
      }
      String text = b.toString();
      assertThat(AwsCli.description(text)).as("description of %s", text.codePoints()
          .mapToObj(c -> String.format("U+%04X", c)).toList()).isEqualTo(NOT_ALLOWED.matcher(text).replaceAll(""));
    }
  }

  @Test
  void an_allowed_description_is_kept_as_it_is() {
    String text = "nodes to control plane (443) #eks: {cluster}=prod & more!";
    assertThat(AwsCli.description(text)).isSameAs(text);
    assertThat(AwsCli.description("rm -rf `x` [a] \"q\"")).isEqualTo("rm -rf x a q");
  }
}
