package dev.sgreach.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** {@link AwsId}: the forms AWS gives its identifiers, and nothing that could carry shell syntax. */
class AwsIdTest {
  @Test
  void resource_ids_are_their_prefix_a_hyphen_and_up_to_17_lowercase_letters_or_digits() {
    assertThat(AwsId.SECURITY_GROUP.matches("sg-0a1b2c3d4e5f60718")).isTrue();
    assertThat(AwsId.SECURITY_GROUP.matches("sg-1a2b3c4d")).isTrue();
    assertThat(AwsId.SECURITY_GROUP.matches("sg-web")).as("a hand-written test id").isTrue();
    assertThat(AwsId.TRANSIT_GATEWAY_ATTACHMENT.matches("tgw-attach-0a1b2c3d4e5f60718")).isTrue();
    for (String bad : new String[] {"sg-", "sg", "sg-0a1b$(touch X)", "sg-0a1b 2", "sg-0A1B", "sg-0a1b'",
        "sg-0a1b-2", "eni-0a1b2c3d", "sg-0a1b2c3d4e5f607189", "xsg-0a1b", " sg-0a1b", "sg-0a1b\n", "sg-0a1b\u001b[31m",
        "sg-٣"}) {
      assertThat(AwsId.SECURITY_GROUP.matches(bad)).as("'%s'", bad).isFalse();
    }
    assertThat(AwsId.TRANSIT_GATEWAY.matches("tgw-attach-0a1")).as("another kind's prefix").isFalse();
    assertThat(AwsId.SECURITY_GROUP.matches(null)).isFalse();
  }

  @Test
  void accounts_and_cluster_names_have_their_own_forms() {
    assertThat(AwsId.ACCOUNT.matches("111122223333")).isTrue();
    assertThat(AwsId.ACCOUNT.matches("amazon-elb")).isTrue();
    assertThat(AwsId.ACCOUNT.matches("1111 2222")).isFalse();
    assertThat(AwsId.ACCOUNT.matches("-1")).isFalse();
    assertThat(AwsId.EKS_CLUSTER_NAME.matches("ekscluster1")).isTrue();
    assertThat(AwsId.EKS_CLUSTER_NAME.matches("my_cluster-2")).isTrue();
    assertThat(AwsId.EKS_CLUSTER_NAME.matches("-x")).isFalse();
    assertThat(AwsId.EKS_CLUSTER_NAME.matches("a".repeat(101))).isFalse();
  }

  @Test
  void a_refused_id_is_named_escaped_with_the_form_to_use() {
    assertThatThrownBy(() -> AwsId.SECURITY_GROUP.check("sg-0a1b$(touch X)"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'sg-0a1b$(touch X)' is not a security group id (sg- and up to 17 lowercase letters or digits)");
    assertThatThrownBy(() -> AwsId.NETWORK_INTERFACE.check("eni-1\u001b[31m"))
        .hasMessage("'eni-1\\u001b[31m' is not a network interface id (eni- and up to 17 lowercase letters or digits)");
    assertThat(AwsId.ELASTIC_IP_ALLOCATION.description()).startsWith("an Elastic IP allocation id");
    assertThat(AwsId.ACCOUNT.description()).startsWith("an AWS account (");
  }
}
