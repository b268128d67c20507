package app.pathary.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.ClassTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs every test of the class twice, once on SQLite and once on PostgreSQL (house rule 8). The runs are named
 * {@code [sqlite]} and {@code [postgresql]} (IDEs, the JUnit console); Surefire's reports number them instead, always in
 * that order: {@code CliTest[1]} is SQLite, {@code CliTest[2]} PostgreSQL. A constructor, lifecycle or test method parameter of type
 * {@link app.pathary.db.Dialect} receives the run's dialect; the class opens a fresh database of it as it always did,
 * e.g. {@code TestDatabases.fresh(dialect)} or {@code TestDatabases.migrated(dialect)}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ClassTemplate
@ExtendWith(DialectRuns.class)
public @interface BothDialects {
}
