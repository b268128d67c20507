package app.pathary.job;

import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.db.Dialect;
import app.pathary.testing.BothDialects;
import app.pathary.testing.TestApp;
import app.pathary.testing.TestDatabases;
import app.pathary.testing.WebClient;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Rough edges 10 and 11 on the jobs page: readable names, the user's name, the next try in TIMEZONE with its label,
 * cancel and retry. The clock stands still, so a job in back-off stays waiting until someone acts.
 */
@BothDialects
class JobPagesHttpTest {
    private final Instant now = Instant.parse("2026-07-01T10:00:00Z");
    private TestApp app;
    private WebClient admin;
    private long aliceId;

    @BeforeEach
    void start(Dialect dialect) {
        app = TestApp.start(TestDatabases.fresh(dialect), Clock.fixed(now, ZoneOffset.UTC), Map.of("TIMEZONE", "Europe/Berlin",
                "JELLYFIN_URL", "http://127.0.0.1:9", "JELLYFIN_API_KEY", "key", "CLEANUP_STRATEGY", "any"));
        app.app.users.accounts().create("root@example.org", "password1", "root", true);
        aliceId = app.app.users.accounts().create("alice@example.org", "password1", "alice", false).id();
        admin = app.client();
        admin.logIn("root", "password1");
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void a_waiting_retry_shows_its_readable_name_and_next_try_in_the_configured_zone_and_can_be_cancelled() throws Exception {
        // Jellyfin cannot be reached: the reading fails and waits 10 s for its next try (the clock does not move).
        long id = app.app.jobs.queue().enqueue(new JobSpec.WatchedReport());
        Job waiting = await(id, job -> job.attempts() == 1 && job.status() == Job.Status.WAITING);

        String row = row(admin.get("/admin/jobs").body(), id);
        assertThat(row).contains("Read the watched state from Jellyfin").doesNotContain(">watched_report<");
        assertThat(row).as("10:00:10 UTC is 12:00 in Berlin's summer time, labelled").contains("next try 2026-07-01 12:00 CEST");
        assertThat(row).contains("<td class=\"text-nowrap\" data-label=\"Created\">2026-07-01 12:00 CEST</td>").doesNotContain("10:00");
        assertThat(row).contains("<td class=\"job-user\" data-label=\"User\">—</td>");
        assertThat(row).contains("Cancel").contains("Run now");
        assertThat(waiting.lastError()).isNotBlank();

        admin.submit("/admin/jobs", "/admin/jobs/" + id + "/cancel", Map.of());
        Job cancelled = app.app.jobs.queue().find(id).orElseThrow();
        assertThat(cancelled.status()).isEqualTo(Job.Status.FAILED);
        assertThat(cancelled.lastError()).isEqualTo("Cancelled by root.");
        String after = admin.get("/admin/jobs").body();
        assertThat(after).contains("Read the watched state from Jellyfin (job " + id + ") was cancelled.");
        assertThat(row(after, id)).doesNotContain("job-cancel").contains(">Retry<");
    }

    @Test
    void a_failed_import_shows_its_user_by_name_and_retry_queues_the_same_work_again() throws Exception {
        // alice has no Jellyfin login: the import fails for good.
        long id = app.app.jobs.queue().enqueue(new JobSpec.JellyfinImport(aliceId));
        await(id, job -> job.status() == Job.Status.FAILED);
        String row = row(admin.get("/admin/jobs").body(), id);
        assertThat(row).contains("Import from Jellyfin").contains("<td class=\"job-user\" data-label=\"User\">alice</td>")
                .contains("This user has no Jellyfin login");

        admin.submit("/admin/jobs", "/admin/jobs/" + id + "/retry", Map.of());
        Job retried = app.app.jobs.queue().latest(JobSpec.JellyfinImport.TYPE).orElseThrow();
        assertThat(retried.id()).as("a new job for the same work").isNotEqualTo(id);
        assertThat(retried.userId()).isEqualTo(aliceId);
        assertThat(admin.get("/admin/jobs").body()).contains("Import from Jellyfin was queued again as job " + retried.id() + ".");

        var unknown = admin.submit("/admin/jobs", "/admin/jobs/999999/cancel", Map.of());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("No job 999999.");
    }

    @Test
    void the_filters_offer_readable_kinds_and_user_names() {
        String page = admin.get("/admin/jobs").body();
        assertThat(page).contains("<option value=\"jellyfin_import\">Import from Jellyfin</option>")
                .contains("<option value=\"watched_report\">Read the watched state from Jellyfin</option>")
                .contains("<option value=\"" + aliceId + "\">alice</option>");
        assertThat(admin.get("/admin/jobs?user=" + aliceId).body()).contains("<option value=\"" + aliceId + "\" selected>alice</option>");
    }

    private static String row(String page, long id) {
        int start = page.indexOf("data-job=\"" + id + "\"");
        assertThat(start).as("the page lists job " + id).isPositive();
        return page.substring(start, page.indexOf("</tr>", start));
    }

    private Job await(long id, java.util.function.Predicate<Job> state) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            Job job = app.app.jobs.queue().find(id).orElseThrow();
            if (state.test(job)) {
                return job;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("job " + id + " did not get there: " + app.app.jobs.queue().find(id));
    }
}
