package cn.gongkai;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** The feature modules (STYLE.md): no cycles, no reaching into another module's internals, domain free of Camunda. */
class ModuleBoundariesTest {

  @Test
  void modulesHaveNoCyclesAndUseOnlyEachOthersApi() {
    ApplicationModules.of(GongkaiApplication.class).verify();
  }

  @Test
  void theDomainModulesDoNotDependOnTheEngine() {
    noClasses().that().resideInAnyPackage("cn.gongkai.calendar..", "cn.gongkai.letters..", "cn.gongkai.report..")
        .should().dependOnClassesThat().resideInAPackage("org.camunda..")
        .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cn.gongkai"));
  }
}
