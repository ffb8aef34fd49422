package cn.gongkai;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The module boundaries (STYLE.md "The house"): each top-level package under {@code cn.gongkai} is a module,
 * its {@code internal} subpackages are private to it, the module graph has no cycles, and the domain modules
 * calendar, letters and report do not import Camunda types.
 */
class ModularityTest {

  @Test
  void modulesOnlyUseEachOthersPublicTypesAndFormNoCycle() {
    ApplicationModules.of(GongkaiApplication.class).verify();
  }

  @Test
  void domainModulesDoNotImportCamunda() {
    noClasses().that().resideInAnyPackage("cn.gongkai.calendar..", "cn.gongkai.letters..", "cn.gongkai.report..")
        .should().dependOnClassesThat().resideInAPackage("org.camunda..")
        .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cn.gongkai"));
  }
}
