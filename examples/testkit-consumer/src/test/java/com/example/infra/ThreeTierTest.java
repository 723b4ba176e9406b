package com.example.infra;

import static dev.sgreach.testkit.SgreachAssertions.address;
import static dev.sgreach.testkit.SgreachAssertions.assertThat;
import static dev.sgreach.testkit.SgreachAssertions.eni;
import static dev.sgreach.testkit.SgreachAssertions.tcp;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.sgreach.engine.Endpoint;
import dev.sgreach.engine.Reachability;
import dev.sgreach.model.Network;
import dev.sgreach.testkit.NetworkSource;
import dev.sgreach.testkit.SgreachSnapshot;
import dev.sgreach.testkit.SgreachSoftAssertions;
import java.util.Properties;
import org.assertj.core.api.junit.jupiter.InjectSoftAssertions;
import org.assertj.core.api.junit.jupiter.SoftAssertionsExtension;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Our three tiers (web open on 80 and 443, app behind web on 8080, database behind app on 5432), checked against a
 * snapshot of their security groups and ENIs in {@code snapshot/}.
 */
@SgreachSnapshot("snapshot")
class ThreeTierTest {
  static final Endpoint WEB = eni("eni-0a1b2c3d4e5f60a01");
  static final Endpoint APP = eni("eni-0a1b2c3d4e5f60a02");
  static final Endpoint DB = eni("eni-0a1b2c3d4e5f60a03");
  static final Endpoint INTERNET = address("203.0.113.9");

  @SgreachSnapshot Network network;

  @Test
  void each_tier_reaches_the_next_on_its_port() {
    assertThat(network).endpoint(WEB).canReach(APP).on(tcp(8080));
    assertThat(network).endpoint(APP).canReach(DB).on(tcp(5432));
  }

  @Test
  void the_web_tier_cannot_reach_the_database_and_the_failure_says_why() {
    assertThat(network).endpoint(WEB).cannotReach(DB).on(tcp(5432));
    assertThatThrownBy(() -> assertThat(network).endpoint(WEB).canReach(DB).on(tcp(5432)))
        .isInstanceOf(AssertionError.class).hasMessageContaining("aws ec2 authorize-security-group-ingress");
  }

  @Test
  void the_engine_is_injected_as_a_parameter(Reachability engine) {
    assertThat(engine.reach(INTERNET, WEB, dev.sgreach.model.Traffic.tcp(443))).isAllowed();
  }

  @Nested
  class FromTheInternet {
    @Test
    void the_web_tier_is_exposed_only_on_http_and_https_and_the_app_tier_not_at_all(Network injected) {
      assertThat(injected).endpoint(WEB).exposesToInternetOnly(tcp(80), tcp(443));
      assertThat(injected).endpoint(APP).isNotExposedToInternet();
    }

    @Nested
    class TheDatabase {
      @SgreachSnapshot Network network;

      @Test
      void is_reachable_only_from_the_app_tier() {
        assertThat(network).endpoint(DB).isReachableOnlyFrom(APP).on(tcp(5432));
      }
    }
  }

  @Nested
  @ExtendWith(SoftAssertionsExtension.class)
  class Softly {
    @InjectSoftAssertions SgreachSoftAssertions softly;

    @Test
    void every_path_the_application_needs() {
      softly.assertThat(network).endpoint(WEB).canReach(APP).on(tcp(8080));
      softly.assertThat(network).endpoint(APP).canReach(DB).on(tcp(5432));
      softly.assertThat(network).endpoint(INTERNET).canReach(WEB).on(tcp(443));
    }

    @Test
    void collects_every_failure_and_reports_them_together() {
      SgreachSoftAssertions collecting = new SgreachSoftAssertions();
      collecting.assertThat(network).endpoint(WEB).canReach(DB).on(tcp(5432));
      collecting.assertThat(network).endpoint(INTERNET).canReach(APP).on(tcp(8080));
      org.assertj.core.api.Assertions.assertThat(collecting.assertionErrorsCollected()).hasSize(2);
    }
  }

  @Nested
  class TheBuild {
    @Test
    void runs_on_the_junit_it_asks_for() {
      String expected = System.getProperty("expected.junit.version");
      org.assertj.core.api.Assertions.assertThat(Test.class.getPackage().getImplementationVersion())
          .as("junit-jupiter-api on the test class path").isEqualTo(expected);
    }

    @Test
    void has_no_aws_sdk_on_its_test_class_path() {
      org.assertj.core.api.Assertions.assertThat(catchThrowable(
          () -> Class.forName("software.amazon.awssdk.core.SdkClient"))).isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void live_loading_without_the_aws_adapter_names_the_dependency_to_add() {
      Properties live = new Properties();
      live.setProperty(NetworkSource.REGION_PROPERTY, "eu-west-1");

      assertThatThrownBy(() -> NetworkSource.lookup("snapshot", live).load())
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("add the dependency dev.sgreach:sgreach-aws");
    }

  }
}
