package dev.sgreach.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What the testkit costs an offline user: no AWS SDK anywhere in its dependencies (in any scope, so
 * {@code ./mvnw dependency:tree -pl testkit} shows none), and a runtime closure, AssertJ and JUnit aside (a test
 * class path has them anyway), under 10 MB. The class paths come from maven-dependency-plugin (see the pom), written
 * before the tests run.
 */
class DependencyClosureTest {
  private static final Path CLOSURE = Path.of("target", "closure");
  private static final long LIMIT = 10L * 1024 * 1024;

  private static List<Path> runtimeJars() throws IOException {
    String cp = Files.readString(CLOSURE.resolve("runtime.classpath")).trim();
    return Arrays.stream(cp.split(File.pathSeparator)).filter(s -> !s.isBlank()).map(Path::of).toList();
  }

  private static boolean assertjOrJunit(Path jar) {
    String p = jar.toString().replace('\\', '/');
    return p.contains("/org/assertj/") || p.contains("/org/junit/") || p.contains("/org/opentest4j/")
        || p.contains("/org/apiguardian/") || p.contains("/net/bytebuddy/");
  }

  private static long size(Path entry) throws IOException {
    if (!Files.isDirectory(entry)) {
      return Files.size(entry);
    }
    try (Stream<Path> files = Files.walk(entry)) {
      return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
    }
  }

  @Test
  void no_scope_of_the_testkit_brings_the_aws_sdk() throws IOException {
    String all = Files.readString(CLOSURE.resolve("all-scopes.txt"));

    assertThat(all).as("the testkit's resolved dependencies, all scopes").contains("dev.sgreach:sgreach-snapshot")
        .doesNotContain("software.amazon.awssdk").doesNotContain("dev.sgreach:sgreach-aws");
  }

  @Test
  void the_runtime_closure_without_assertj_and_junit_is_under_10_mb() throws IOException {
    List<Path> jars = runtimeJars().stream().filter(j -> !assertjOrJunit(j)).toList();
    long bytes = 0;
    StringBuilder listing = new StringBuilder();
    for (Path jar : jars) {
      long size = size(jar);
      bytes += size;
      listing.append(String.format("%n  %,12d  %s", size, jar.getFileName()));
    }

    // in a reactor build sgreach's own modules are their target/classes folders, else their jars
    assertThat(jars).as("runtime closure").anySatisfy(j -> assertThat(j.toString().replace('\\', '/'))
        .containsAnyOf("sgreach-core", "core/target/classes"))
        .noneSatisfy(j -> assertThat(j.toString()).contains("awssdk"));
    assertThat(bytes).as("bytes of the testkit's runtime closure (AssertJ, JUnit aside):%s", listing)
        .isLessThan(LIMIT);
  }
}
