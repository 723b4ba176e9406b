package dev.sgreach.testkit;

import static dev.sgreach.testkit.SgreachAssertions.assertThat;
import static dev.sgreach.testkit.SgreachAssertions.eni;
import static dev.sgreach.testkit.SgreachAssertions.tcp;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.BDDAssertions.then;

import dev.sgreach.engine.Reachability;
import dev.sgreach.model.Network;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

@SgreachSnapshot(SgreachExtension_Test.FOLDER)
class SgreachExtension_Test {
  static final String FOLDER = "src/test/resources/snapshots/three-tier";

  @SgreachSnapshot static Network shared;
  @SgreachSnapshot Network network;
  @SgreachSnapshot Reachability engine;
  static Network fromBeforeAll;

  @BeforeAll
  static void before(Network injected) {
    fromBeforeAll = injected;
  }

  @Test
  void should_inject_the_class_snapshot_into_fields() {
    then(network).isEqualTo(Fixtures.threeTier());
    then(engine.network()).isSameAs(network);
    assertThat(network).endpoint(eni("eni-web")).canReach(eni("eni-db")).on(tcp(5432));
  }

  @Test
  void should_load_the_folder_once_per_class(Network parameter, Reachability engineParameter) {
    then(parameter).isSameAs(network).isSameAs(shared).isSameAs(fromBeforeAll);
    then(engineParameter).isSameAs(engine);
  }

  @Test
  void should_read_another_folder_named_on_a_parameter(@SgreachSnapshot(FOLDER) Network other) {
    then(other).isSameAs(network);
  }

  @Test
  void should_choose_live_loading_when_a_region_or_profile_is_set_and_name_the_adapter_it_needs() {
    // GIVEN: a region, and this module's test class path, which (like an offline user's) has no sgreach-aws
    Properties properties = new Properties();
    properties.setProperty("sgreach.region", "eu-west-1");
    // WHEN
    NetworkSource source = NetworkSource.lookup(FOLDER, properties);
    Throwable thrown = catchThrowable(() -> new SgreachExtension.Loaded(source));
    // THEN: live loading was chosen, and failed saying which dependency to add (the AWS adapter's own tests load
    // live sources through this testkit against moto)
    then(source.describe()).isEqualTo("live AWS region eu-west-1");
    then(thrown).isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageStartingWith("cannot load live AWS region eu-west-1: live loading needs the AWS adapter on the"
            + " test class path: add the dependency dev.sgreach:sgreach-aws")
        .hasMessageContaining("<artifactId>sgreach-aws</artifactId><scope>test</scope>")
        .hasMessageContaining("testImplementation(\"dev.sgreach:sgreach-aws\")");
  }

  @Test
  void should_choose_the_snapshot_without_those_properties() {
    then(NetworkSource.lookup(FOLDER, new Properties()).describe()).isEqualTo("snapshot " + FOLDER);
  }

  @Test
  void should_name_a_missing_folder() {
    // WHEN
    Throwable thrown = catchThrowable(() -> new SgreachExtension.Loaded(NetworkSource.snapshot(Path.of("no/such"))));
    // THEN
    then(thrown).isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageStartingWith("cannot load snapshot no/such: snapshot folder no/such not found in ");
  }
}
