package app.pathary.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Job specs in the {@code type} and {@code params} columns: round trips, rows of before typed specs, unreadable rows. */
class JobSpecJsonTest {
    private static final List<JobSpec> ONE_OF_EACH = List.of(
            new JobSpec.JellyfinImport(7),
            new JobSpec.JellyfinExport(7, true),
            new JobSpec.JellyfinSync(7, 603),
            new JobSpec.JellyfinEpisodeSync(7, 12),
            new JobSpec.JellyfinCatchup(7),
            new JobSpec.JellyfinCatchupAll(),
            new JobSpec.WatchedReport(),
            new JobSpec.CleanupPlan(),
            new JobSpec.CleanupExecute(42, "alice", true),
            new JobSpec.CleanupScheduled(),
            new JobSpec.NotificationSend("ntfy", "{\"event\":\"test\"}", "test-1"),
            new JobSpec.HistoryImportCommit(7, 31));

    private static JobSpec throughTheRow(JobSpec spec) {
        NewJob row = NewJob.of(spec);
        return JobSpecJson.read(row.type(), row.userId(), row.params());
    }

    @Test
    void every_kind_of_job_has_a_sample_here() {
        assertThat(ONE_OF_EACH.stream().map(Object::getClass).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(Arrays.asList(JobSpec.class.getPermittedSubclasses()));
    }

    @Test
    void every_spec_reads_back_equal_from_its_row() {
        for (JobSpec spec : ONE_OF_EACH) {
            assertThat(throughTheRow(spec)).as(spec.type()).isEqualTo(spec);
        }
    }

    @Test
    void the_stored_type_names_are_those_of_the_rows_written_before_specs_were_typed() {
        assertThat(ONE_OF_EACH.stream().map(JobSpec::type)).containsExactly("jellyfin_import", "jellyfin_export",
                "jellyfin_sync", "jellyfin_episode_sync", "jellyfin_catchup", "jellyfin_catchup_all", "watched_report", "cleanup_plan", "cleanup_execute", "cleanup_run", "notification_send",
                "history_import_commit");
    }

    @Test
    void params_hold_the_fields_and_nothing_else_and_keys_and_users_come_from_the_spec() {
        NewJob sync = NewJob.of(new JobSpec.JellyfinSync(7, 603));
        assertThat(sync.params()).isEqualTo("{\"userId\":7,\"movieId\":603}");
        assertThat(sync.dedupeKey()).isEqualTo("jellyfin_sync:7:603");
        assertThat(sync.userId()).isEqualTo(7L);
        assertThat(NewJob.of(new JobSpec.CleanupExecute(42, "alice", false)).params())
                .isEqualTo("{\"planId\":42,\"startedBy\":\"alice\",\"overrideLimits\":false}");
        assertThat(NewJob.of(new JobSpec.CleanupExecute(42, "alice", false)).dedupeKey()).isEqualTo("cleanup_execute");
        assertThat(NewJob.of(new JobSpec.WatchedReport()).params()).isEqualTo("{}");
        NewJob commit = NewJob.of(new JobSpec.HistoryImportCommit(7, 31));
        assertThat(commit.params()).isEqualTo("{\"userId\":7,\"importId\":31}");
        assertThat(commit.dedupeKey()).as("one commit job per import").isEqualTo("history_import_commit:31");
        assertThat(commit.userId()).isEqualTo(7L);
        assertThat(NewJob.of(new JobSpec.WatchedReport()).userId()).isNull();
    }

    @Test
    void rows_written_by_hand_built_json_still_read() {
        Map<JobSpec, String[]> legacy = Map.of(
                new JobSpec.JellyfinImport(7), new String[] {"jellyfin_import", "{}"},
                new JobSpec.JellyfinExport(7, true), new String[] {"jellyfin_export", "{\"markUnplayed\":true}"},
                new JobSpec.JellyfinSync(7, 603), new String[] {"jellyfin_sync", "{\"movieId\":603}"});
        legacy.forEach((spec, row) -> assertThat(JobSpecJson.read(row[0], 7L, row[1])).isEqualTo(spec));
        assertThat(JobSpecJson.read("cleanup_execute", null, "{\"startedBy\":\"alice\"}"))
                .isEqualTo(new JobSpec.CleanupExecute(0, "alice", false));
        assertThat(JobSpecJson.read("watched_report", null, "{}")).isEqualTo(new JobSpec.WatchedReport());
        assertThat(JobSpecJson.read("cleanup_run", null, "{}")).isEqualTo(new JobSpec.CleanupScheduled());
    }

    @Test
    void a_row_that_cannot_be_read_is_a_final_failure_with_a_sentence() {
        assertThatThrownBy(() -> JobSpecJson.read("jellyfin_sync", 7L, "{}"))
                .isInstanceOf(JobFailure.class).hasMessageContaining("jellyfin_sync job cannot be read").hasMessageContaining("movieId");
        assertThatThrownBy(() -> JobSpecJson.read("jellyfin_sync", 7L, "{\"movieId\":\"soon\"}"))
                .isInstanceOf(JobFailure.class).hasMessageContaining("cannot be read");
        assertThatThrownBy(() -> JobSpecJson.read("jellyfin_import", null, "{}"))
                .isInstanceOf(JobFailure.class).hasMessageContaining("userId");
        assertThatThrownBy(() -> JobSpecJson.read("watched_report", null, "not json"))
                .isInstanceOf(JobFailure.class).hasMessageContaining("cannot be read");
        assertThatThrownBy(() -> JobSpecJson.read("watched_report", null, "[1]"))
                .isInstanceOf(JobFailure.class).hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> JobSpecJson.read("defragment_disk", null, "{}"))
                .isInstanceOf(JobFailure.class).hasMessage("No handler for job type defragment_disk; this version of Pathary cannot run it.");
    }
}
