package app.pathary.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructor;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;

/** The arrows of DESIGN.md §2: which package may use which. */
class LayoutRulesTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("app.pathary");
    private static final String[] FEATURES = {"app.pathary.user..", "app.pathary.movie..", "app.pathary.show..", "app.pathary.history..", "app.pathary.jellyfin..",
        "app.pathary.watched..", "app.pathary.cleanup..", "app.pathary.arr..", "app.pathary.job..", "app.pathary.ops..", "app.pathary.seerr..",
        "app.pathary.notify.."};

    @Test
    void remote_clients_depend_on_common_only() {
        noClasses().that().resideInAnyPackage("app.pathary.jellyfin.client..", "app.pathary.arr..")
                .should().dependOnClassesThat().resideInAnyPackage(except(FEATURES, "app.pathary.jellyfin..", "app.pathary.arr.."))
                .orShould().dependOnClassesThat().resideInAnyPackage("app.pathary.web..", "app.pathary.db..", "app.pathary.config..")
                .orShould().dependOnClassesThat().resideInAnyPackage("app.pathary.jellyfin.link..", "app.pathary.jellyfin.scrobble..",
                        "app.pathary.jellyfin.sync..")
                .check(MAIN);
        noClasses().that().resideInAPackage("app.pathary.arr..").should().dependOnClassesThat().resideInAPackage("app.pathary.jellyfin..")
                .check(MAIN);
    }

    @Test
    void the_seerr_client_depends_on_common_only_and_notifications_know_no_cleanup() {
        noClasses().that().resideInAPackage("app.pathary.seerr..")
                .should().dependOnClassesThat().resideInAnyPackage(except(FEATURES, "app.pathary.seerr.."))
                .orShould().dependOnClassesThat().resideInAnyPackage("app.pathary.web..", "app.pathary.db..", "app.pathary.config..")
                .check(MAIN);
        noClasses().that().resideInAPackage("app.pathary.notify..")
                .should().dependOnClassesThat().resideInAnyPackage("app.pathary.cleanup..", "app.pathary.seerr..", "app.pathary.watched..")
                .check(MAIN);
    }

    @Test
    void watched_state_never_depends_on_cleanup_or_the_arr() {
        noClasses().that().resideInAPackage("app.pathary.watched..")
                .should().dependOnClassesThat().resideInAnyPackage("app.pathary.cleanup..", "app.pathary.arr..").check(MAIN);
    }

    @Test
    void the_planners_are_pure() {
        noClasses().that().resideInAPackage("app.pathary.cleanup.plan..")
                .should().dependOnClassesThat().resideInAnyPackage("org.jdbi..", "java.net.http..", "java.sql..", "io.javalin..",
                        "app.pathary.cleanup.apply..", "app.pathary.db..", "app.pathary.job..", "app.pathary.web..")
                .check(MAIN);
    }

    @Test
    void the_jellyfin_link_knows_neither_scrobbling_nor_sync_and_history_knows_no_jellyfin() {
        noClasses().that().resideInAPackage("app.pathary.jellyfin.link..")
                .should().dependOnClassesThat().resideInAnyPackage("app.pathary.jellyfin.scrobble..", "app.pathary.jellyfin.sync..",
                        "app.pathary.job..")
                .check(MAIN);
        noClasses().that().resideInAnyPackage("app.pathary.history..", "app.pathary.movie..", "app.pathary.show..")
                .should().dependOnClassesThat().resideInAnyPackage("app.pathary.jellyfin..").check(MAIN);
        noClasses().that().resideInAPackage("app.pathary.cleanup.instances..")
                .should().dependOnClassesThat().resideInAnyPackage("app.pathary.cleanup.apply..", "app.pathary.cleanup.plan..").check(MAIN);
    }

    @Test
    void shared_code_knows_no_feature() {
        noClasses().that().resideInAnyPackage("app.pathary.web..", "app.pathary.common..", "app.pathary.db..", "app.pathary.config..")
                .should().dependOnClassesThat().resideInAnyPackage(FEATURES).check(MAIN);
    }

    @Test
    void no_constructor_takes_more_than_six_parameters() {
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.constructors().that().areDeclaredInClassesThat(
                DescribedPredicate.describe("are not records", (JavaClass c) -> !c.isRecord()))
                .should(new ArchCondition<JavaConstructor>("take at most 6 parameters") {
                    @Override
                    public void check(JavaConstructor constructor, ConditionEvents events) {
                        int count = constructor.getRawParameterTypes().size();
                        boolean inner = constructor.getOwner().isInnerClass() && !constructor.getOwner().getModifiers()
                                .contains(com.tngtech.archunit.core.domain.JavaModifier.STATIC);
                        boolean tooMany = count - (inner ? 1 : 0) > 6;
                        events.add(new SimpleConditionEvent(constructor, !tooMany,
                                constructor.getFullName() + " takes " + count + " parameters"));
                    }
                })
                .check(MAIN);
    }

    private static String[] except(String[] all, String... allowed) {
        return java.util.Arrays.stream(all).filter(p -> java.util.Arrays.stream(allowed).noneMatch(p::equals)).toArray(String[]::new);
    }
}
