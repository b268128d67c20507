package app.pathary.testing;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.cli.CliRunner;
import com.tngtech.archunit.core.domain.AccessTarget.CodeUnitAccessTarget;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * House rule 8, kept by the build: a test class that opens a database (through {@link TestDatabases}, {@link TestApp}
 * or {@link CliRunner}, directly or through a test helper such as {@code CleanupScenario}) is {@link BothDialects}, or
 * is listed below with the reason it runs otherwise.
 */
class DatabaseTestsRunOnBothDialectsTest {
    /** Test classes that open a database without {@link BothDialects}, each with its reason. */
    private static final Map<String, String> EXCEPTIONS = Map.ofEntries(
            entry("app.pathary.db.GroupCommitTest", "GroupCommit is SQLite's single writer; PostgreSQL writes never go through it"),
            entry("app.pathary.db.ReusedStatementsTest", "the reused statements are installed on SQLite's writer only"),
            entry("app.pathary.db.RetriedOnAbortTest", "a deadlock victim is a PostgreSQL server's decision; SQLite's one writer has no deadlocks"),
            entry("app.pathary.db.MigrationsTest",
                    "dialects per method: the migrations run on both; the other tests compare the two folders and read SQLite's PRAGMAs"),
            entry("app.pathary.history.ConcurrentHistoryWritesTest",
                    "dialects per method: four races run on both; two hold PostgreSQL transactions open at once, which SQLite's one writer cannot"),
            entry("app.pathary.job.JobCrashTest", "one crash trial alternates SQLite and PostgreSQL databases against the same clean run"),
            entry("app.pathary.ReplicasTest", "several Pathary instances share one database, which only PostgreSQL supports "
                    + "(a SQLite file has one writer in one process)"),
            entry("app.pathary.cli.ConfigStartupCliTest", "every case must stop before any database is opened"),
            entry("app.pathary.cli.SubcommandModelTest", "it builds command lines and runs --help and a typo, which open no database"),
            entry("app.pathary.cli.HangupReloadTest", "it proves SIGHUP re-reads CONFIG_FILE; the database plays no part"),
            entry("app.pathary.web.RouteRolesHttpTest", "one app for every route (PER_CLASS); the roles it checks live in code, "
                    + "and sessions and tokens on both dialects are covered by FirstRunAndSessionsHttpTest"),
            entry("app.pathary.db.SqliteFaultsHttpTest", "the faults are a SQLite file's (a full or read-only tmpfs, a deleted, "
                    + "replaced or locked file); PostgreSQL's own (server cut off, connection limit) are in PostgresFaultsHttpTest"),
            entry("app.pathary.db.PostgresFaultsHttpTest", "the faults are a PostgreSQL server's (cut off, connection limit reached); "
                    + "SQLite's own are in SqliteFaultsHttpTest"),
            entry("app.pathary.cli.DatabaseStartupCliTest", "each startup fault belongs to one dialect (a SQLite file that is read-only, "
                    + "on a full disk, not a database, missing; a PostgreSQL server cut off or at its connection limit)"),
            entry("app.pathary.web.HealthHttpTest", "it cuts the PostgreSQL server off; a SQLite file has no server to lose"),
            entry("app.pathary.cleanup.apply.CleanupApplyPropertiesTest",
                    "jqwik properties (class templates are Jupiter's): each property is written once per dialect"),
            entry("app.pathary.cleanup.apply.CleanupIdempotenceTest",
                    "jqwik properties (class templates are Jupiter's): each property is written once per dialect"),
            entry("app.pathary.jellyfin.scrobble.WebhookFuzzTest",
                    "jqwik properties (class templates are Jupiter's): each property is written once per dialect"));
    private static final Set<String> OPENERS = Set.of(TestDatabases.class.getName(), TestApp.class.getName(), CliRunner.class.getName());
    private static final Set<String> TEST_ANNOTATIONS = Set.of("org.junit.jupiter.api.Test", "org.junit.jupiter.api.RepeatedTest",
            "org.junit.jupiter.api.TestFactory", "org.junit.jupiter.api.TestTemplate", "org.junit.jupiter.params.ParameterizedTest",
            "net.jqwik.api.Property", "net.jqwik.api.Example");
    private static final JavaClasses TESTS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
            .importPackages("app.pathary");
    private static final Set<String> DATABASE_TESTS = databaseTestClasses();

    @Test
    void every_test_class_that_opens_a_database_runs_on_both_dialects_or_gives_its_reason() {
        assertThat(DATABASE_TESTS.stream().filter(name -> !bothDialects(name) && !EXCEPTIONS.containsKey(name)))
                .as("test classes that open a database: annotate them @BothDialects, or add them to EXCEPTIONS with a reason")
                .isEmpty();
    }

    @Test
    void every_exception_is_a_database_test_class_without_both_dialects() {
        assertThat(EXCEPTIONS.keySet()).allSatisfy(name -> {
            assertThat(DATABASE_TESTS).as("%s opens a database", name).contains(name);
            assertThat(bothDialects(name)).as("%s is not @BothDialects", name).isFalse();
        });
    }

    @Test
    void both_dialects_is_given_only_to_classes_that_open_a_database() {
        assertThat(TESTS.stream().filter(c -> c.isAnnotatedWith(BothDialects.class)).map(JavaClass::getName))
                .as("running twice what no database decides only doubles its time")
                .isNotEmpty()
                .allSatisfy(name -> assertThat(DATABASE_TESTS).contains(name));
    }

    @Test
    void a_database_opened_through_a_helper_counts_and_a_static_builder_of_that_helper_does_not() {
        assertThat(DATABASE_TESTS)
                .as("opened directly, through CleanupScenario's constructor, through the command line")
                .contains("app.pathary.user.AccountsTest", "app.pathary.cleanup.apply.MoviePlanningTest", "app.pathary.cli.JellyfinCliTest")
                .as("only CleanupScenario's static report builders; fakes; this class, which names the openers without calling them")
                .doesNotContain("app.pathary.cleanup.plan.CleanupPlannerPropertiesTest", "app.pathary.testing.FakeJellyfinTest",
                        getClass().getName());
    }

    private static boolean bothDialects(String name) {
        return TESTS.get(name).isAnnotatedWith(BothDialects.class);
    }

    /** Top-level test classes any of whose code (nested classes and lambdas included) reaches an opener. */
    private static Set<String> databaseTestClasses() {
        Set<JavaCodeUnit> opening = codeUnitsThatOpenADatabase();
        Set<String> classes = new TreeSet<>();
        for (JavaClass c : TESTS) {
            if (c.getCodeUnits().stream().anyMatch(opening::contains)) {
                classes.add(topLevel(c).getName());
            }
        }
        classes.retainAll(TESTS.stream().filter(DatabaseTestsRunOnBothDialectsTest::hasTests).map(JavaClass::getName)
                .collect(Collectors.toSet()));
        return classes;
    }

    /** Code that calls or references an opener, or code that does so: a fixed point over the test code's call graph. */
    private static Set<JavaCodeUnit> codeUnitsThatOpenADatabase() {
        Set<JavaCodeUnit> opening = new HashSet<>();
        boolean grew = true;
        while (grew) {
            grew = false;
            for (JavaClass c : TESTS) {
                if (OPENERS.contains(c.getName())) {
                    continue;
                }
                for (JavaCodeUnit unit : c.getCodeUnits()) {
                    if (!opening.contains(unit) && targets(unit).anyMatch(target -> OPENERS.contains(target.getOwner().getName())
                            || target.resolveMember().filter(opening::contains).isPresent())) {
                        opening.add(unit);
                        grew = true;
                    }
                }
            }
        }
        return opening;
    }

    private static Stream<CodeUnitAccessTarget> targets(JavaCodeUnit unit) {
        return Stream.concat(unit.getCallsFromSelf().stream(), unit.getCodeUnitReferencesFromSelf().stream())
                .map(JavaAccess::getTarget)
                .map(CodeUnitAccessTarget.class::cast);
    }

    private static boolean hasTests(JavaClass c) {
        return c.isTopLevelClass() && c.getMethods().stream()
                .anyMatch(m -> m.getAnnotations().stream().anyMatch(a -> TEST_ANNOTATIONS.contains(a.getRawType().getName())));
    }

    private static JavaClass topLevel(JavaClass c) {
        return c.getEnclosingClass().map(DatabaseTestsRunOnBothDialectsTest::topLevel).orElse(c);
    }
}
