package app.pathary.cleanup.leaving;

import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.cleanup.plan.PlanEntry;
import app.pathary.db.Dialect;
import app.pathary.testing.BothDialects;
import app.pathary.testing.WebClient;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Keep requests: a user asks, an admin approves (an exclusion for some days or for good) or declines; the user sees it. */
@BothDialects
class KeepRequestsHttpTest {
    private final Dialect dialect;

    KeepRequestsHttpTest(Dialect dialect) {
        this.dialect = dialect;
    }

    @Test
    void a_user_asks_to_keep_an_item_an_admin_approves_and_the_plans_keep_it_until_then() {
        try (LeavingBench bench = new LeavingBench(dialect, Map.of())) {
            bench.plan();
            WebClient alice = bench.logIn("alice");
            String page = alice.get("/leaving").body();
            assertThat(page).contains("Heat", "Alien", "in 7 days", "You watched or marked it", "Ask to keep");

            HttpResponse<String> asked = alice.submit("/leaving", "/leaving/keep", Map.of("key", "movie|radarr|1", "comment", "Movie night on Friday"));
            assertThat(asked.statusCode()).isEqualTo(302);
            assertThat(alice.get("/leaving").body()).contains("Your keep request: waiting for an admin.", "you wrote: Movie night on Friday");
            assertThat(bench.plan().entries()).filteredOn(e -> e.title().equals("Heat")).singleElement()
                    .satisfies(e -> assertThat(e.reasons()).contains("a keep request by alice is waiting for an admin"));

            WebClient root = bench.logIn("root");
            String admin = root.get("/admin/cleanup").body();
            assertThat(admin).contains("Keep requests (1)", "asked by alice", "Movie night on Friday");
            KeepRequest pending = bench.app.app.cleanup.leaving().keeps().pending().getFirst();
            root.submit("/admin/cleanup", "/admin/cleanup/keep-requests/" + pending.id(), Map.of("decision", "approve", "days", "30", "note", "Enjoy"));

            String until = bench.today().plusDays(30).toString();
            assertThat(alice.get("/leaving").body()).contains("approved by root, kept until " + until + ": Enjoy");
            assertThat(bench.plan().entries()).filteredOn(e -> e.title().equals("Heat")).singleElement().satisfies(e -> {
                assertThat(e.action()).isEqualTo(PlanEntry.KEEP);
                assertThat(e.reasons()).contains("kept at alice's request until " + until + " (approved by root)");
            });
            assertThat(root.get("/admin/cleanup").body()).contains("Keep requests (0)");
        }
    }

    @Test
    void a_declined_request_tells_the_user_why_and_the_item_is_announced_again() {
        try (LeavingBench bench = new LeavingBench(dialect, Map.of())) {
            bench.plan();
            WebClient alice = bench.logIn("alice");
            alice.submit("/leaving", "/leaving/keep", Map.of("key", "movie|radarr|1"));
            HttpResponse<String> twice = alice.submit("/leaving", "/leaving/keep", Map.of("key", "movie|radarr|1"));
            assertThat(twice.statusCode()).as("one open request per user and item").isEqualTo(409);
            bench.plan();

            WebClient root = bench.logIn("root");
            long id = bench.app.app.cleanup.leaving().keeps().pending().getFirst().id();
            root.submit("/admin/cleanup", "/admin/cleanup/keep-requests/" + id, Map.of("decision", "decline", "note", "The disk is full"));
            assertThat(root.submit("/admin/cleanup", "/admin/cleanup/keep-requests/" + id, Map.of("decision", "approve")).statusCode())
                    .as("decided once").isEqualTo(409);

            assertThat(alice.get("/leaving").body()).contains("declined by root: The disk is full");
            assertThat(bench.plan().entries()).filteredOn(e -> e.title().equals("Heat")).singleElement()
                    .satisfies(e -> assertThat(e.reasons().getFirst()).startsWith("leaving on " + bench.today().plusDays(7)));
        }
    }

    @Test
    void with_automatic_keep_requests_the_extension_is_granted_at_once() {
        try (LeavingBench bench = new LeavingBench(dialect, Map.of("CLEANUP_KEEP_REQUESTS", "auto", "CLEANUP_KEEP_EXTENSION_DAYS", "14"))) {
            bench.plan();
            WebClient alice = bench.logIn("alice");
            assertThat(alice.get("/leaving").body()).contains("Keep 14 more days");
            alice.submit("/leaving", "/leaving/keep", Map.of("key", "movie|radarr|1"));

            String until = bench.today().plusDays(14).toString();
            assertThat(alice.get("/leaving").body()).contains("granted automatically, kept until " + until);
            assertThat(bench.plan().entries()).filteredOn(e -> e.title().equals("Heat")).singleElement()
                    .satisfies(e -> assertThat(e.reasons()).contains("kept at alice's request until " + until + " (granted automatically)"));
            assertThat(bench.app.app.cleanup.leaving().keeps().pending()).isEmpty();
        }
    }
}
