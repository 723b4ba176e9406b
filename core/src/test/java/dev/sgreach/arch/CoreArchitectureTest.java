package dev.sgreach.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** DESIGN.md: core never touches the network, files or JSON; everything AWS-shaped enters through aws-adapter. */
class CoreArchitectureTest {
  private static final JavaClasses CORE = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.sgreach");

  @Test
  void core_does_no_io_network_or_json() {
    noClasses().should().dependOnClassesThat().resideInAnyPackage(
            "java.io..", "java.nio.file..", "java.net..", "com.fasterxml..", "software.amazon..")
        .because("core is pure: files, JSON and AWS belong to aws-adapter")
        .check(CORE);
  }

  @Test
  void core_logs_through_slf4j_only() {
    noClasses().should().dependOnClassesThat().resideInAnyPackage("java.util.logging..", "org.apache.log4j..",
        "ch.qos.logback..").check(CORE);
    noClasses().should().accessField(System.class, "out").orShould().accessField(System.class, "err")
        .because("the library reports through return values and SLF4J, never the console").check(CORE);
  }
}
