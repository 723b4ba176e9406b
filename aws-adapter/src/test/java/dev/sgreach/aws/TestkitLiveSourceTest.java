package dev.sgreach.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.sgreach.model.Network;
import dev.sgreach.testkit.NetworkSource;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The testkit's live sources ({@code -Dsgreach.region=...}) with this adapter on the class path, as a user adds it:
 * they load through {@link LiveSnapshot#load}, which the testkit finds by name. (Without the adapter, the testkit's
 * own tests show the message naming the dependency to add.)
 */
@ExtendWith(MotoExtension.class)
class TestkitLiveSourceTest {
  private MotoWorld world;

  @BeforeEach
  void credentials(MotoServer moto) {
    world = new MotoWorld(moto.endpoint());
    world.build();
    System.setProperty("aws.accessKeyId", MotoWorld.ACCESS_KEY);
    System.setProperty("aws.secretAccessKey", MotoWorld.SECRET_KEY);
  }

  @AfterEach
  void clear() {
    System.clearProperty("aws.accessKeyId");
    System.clearProperty("aws.secretAccessKey");
    System.clearProperty(NetworkSource.ENDPOINT_PROPERTY);
    world.close();
  }

  private static Properties region(String region) {
    Properties p = new Properties();
    p.setProperty(NetworkSource.REGION_PROPERTY, region);
    return p;
  }

  @Test
  void a_live_source_loads_the_account_through_the_adapter(MotoServer moto) {
    System.setProperty(NetworkSource.ENDPOINT_PROPERTY, moto.endpoint().toString());

    NetworkSource source = NetworkSource.lookup("examples/minimal", region(MotoWorld.REGION.id()));
    Network n = source.load();

    assertThat(source.describe()).isEqualTo("live AWS region " + MotoWorld.REGION.id());
    assertThat(n.securityGroups()).containsKeys(world.web, world.db);
    assertThat(n.interfaces()).containsKeys(world.eniWeb, world.eniDb);
  }

  @Test
  void an_unreachable_endpoint_fails_the_whole_load_naming_call_and_region_without_credentials() throws Exception {
    int port;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      port = s.getLocalPort();
    }
    System.setProperty(NetworkSource.ENDPOINT_PROPERTY, "http://127.0.0.1:" + port);

    Throwable thrown = catchThrowable(() -> NetworkSource.lookup("examples/minimal", region("eu-west-1")).load());

    assertThat(thrown).isInstanceOf(LiveLoadException.class)
        .hasMessageContaining("failed in eu-west-1").hasMessageContaining("Nothing was loaded")
        .hasMessageNotContaining(MotoWorld.SECRET_KEY);
  }
}
