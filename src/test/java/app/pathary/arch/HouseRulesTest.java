package app.pathary.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The house rules of DESIGN.md §3 that a machine can check. */
class HouseRulesTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("app.pathary");

    @Test
    void features_do_not_depend_on_each_other_in_cycles() {
        slices().matching("app.pathary.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void features_never_depend_on_the_composition_root_or_the_cli() {
        noClasses().that().resideOutsideOfPackages("app.pathary", "app.pathary.cli")
                .should().dependOnClassesThat().resideInAnyPackage("app.pathary", "app.pathary.cli")
                .check(MAIN);
    }

    @Test
    void shared_web_and_common_code_knows_no_feature() {
        noClasses().that().resideInAnyPackage("app.pathary.web..", "app.pathary.common..", "app.pathary.db..", "app.pathary.config..")
                .should().dependOnClassesThat().resideInAnyPackage("app.pathary.user..", "app.pathary.history..", "app.pathary.movie..")
                .check(MAIN);
    }

    @Test
    void no_class_is_named_manager_helper_or_util() {
        noClasses().should().haveSimpleNameEndingWith("Manager").orShould().haveSimpleNameEndingWith("Helper")
                .orShould().haveSimpleNameEndingWith("Util").orShould().haveSimpleNameEndingWith("Utils").check(MAIN);
    }

    @Test
    void repositories_live_in_features_and_queries_never_write() {
        classes().that().haveSimpleNameEndingWith("Repository").or().haveSimpleNameEndingWith("Queries")
                .should().resideOutsideOfPackages("app.pathary.web..", "app.pathary.common..", "app.pathary.cli..")
                .check(MAIN);
        noClasses().that().haveSimpleNameEndingWith("Queries").should().callMethodWhere(
                com.tngtech.archunit.base.DescribedPredicate.describe("an insert, update or delete",
                        call -> call.getTarget().getName().equals("createUpdate")
                                || call.getTargetOwner().getName().equals("app.pathary.db.PlainStatements"))).check(MAIN);
    }

    /**
     * New ids are read with RETURNING. SQLite connections are opened with jdbc.get_generated_keys=false (each INSERT
     * would otherwise run a SELECT last_insert_rowid() of its own), so generated keys are not to be asked for.
     */
    @Test
    void new_ids_come_from_returning_not_from_generated_keys() {
        noClasses().should().callMethodWhere(
                com.tngtech.archunit.base.DescribedPredicate.describe("a generated-keys call",
                        call -> call.getTarget().getName().equals("executeAndReturnGeneratedKeys")
                                || call.getTarget().getName().equals("getGeneratedKeys"))).check(MAIN);
    }
}
