package dev.sgreach.aws;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without Python the live tests fail with a clear error; they are never skipped. */
class MotoServerTest {
  @TempDir
  Path home;

  @Test
  void aMissingPythonIsAClearErrorNotASkip() {
    assertThatThrownBy(() -> MotoServer.install(home, home.resolve("no-such-python3").toString()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("Python 3 was not found: '" + home.resolve("no-such-python3") + "' cannot be run.")
        .hasMessageContaining("-Dsgreach.python=");
  }
}
