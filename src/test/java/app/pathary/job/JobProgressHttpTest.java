package app.pathary.job;

import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.db.Dialect;
import app.pathary.testing.BothDialects;
import app.pathary.testing.TestApp;
import app.pathary.testing.TestDatabases;
import app.pathary.testing.WebClient;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The live progress of a long operation: the page it was started from names the job, and {@code /jobs/{id}/progress}
 * answers a fragment that asks again while the job runs and stops asking once it has ended, saying how. A user sees
 * only their own jobs.
 */
@BothDialects
class JobProgressHttpTest {
    private TestApp app;
    private WebClient admin;
    private WebClient bob;

    @BeforeEach
    void start(Dialect dialect) {
        app = TestApp.start(TestDatabases.fresh(dialect));
        admin = app.client();
        admin.setUpAdmin("root", "root@example.org", "password1");
        admin.submit("/admin/users", "/admin/users", Map.of("email", "bob@example.org", "password", "password1", "name", "bob"));
        bob = app.client();
        bob.logIn("bob", "password1");
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void the_page_that_started_a_job_shows_its_progress_until_it_ends() throws InterruptedException {
        HttpResponse<String> started = admin.submit("/admin/cleanup", "/admin/cleanup/plan", Map.of());
        String location = started.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches("/admin/cleanup\\?job=\\d+");
        String job = location.substring(location.indexOf('=') + 1);
        assertThat(admin.get(location).body()).contains("hx-get=\"/jobs/" + job + "/progress\"").doesNotContain("reload in a moment");

        String fragment = admin.get("/jobs/" + job + "/progress").body();
        for (int i = 0; i < 400 && fragment.contains("every 2s") && !fragment.contains("failed"); i++) {
            Thread.sleep(25);
            fragment = admin.get("/jobs/" + job + "/progress").body();
        }
        // No Radarr or Sonarr is configured: the plan cannot be made, and the fragment says why instead of polling on.
        assertThat(fragment).contains("Making a plan", "Set JELLYFIN_URL and JELLYFIN_API_KEY");

        assertThat(bob.get("/jobs/" + job + "/progress").statusCode()).as("another user's job").isEqualTo(404);
        assertThat(admin.get("/jobs/x/progress").statusCode()).isEqualTo(400);
        assertThat(admin.get("/admin/cleanup?job=x").statusCode()).isEqualTo(400);
    }
}
