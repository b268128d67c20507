package app.pathary.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private static final RetryPolicy NO_WAIT = new RetryPolicy(3, Duration.ZERO);

    @Test
    void aFailureThatPassesIsTriedAgainUntilTheCallSucceeds() {
        List<Integer> attempts = new ArrayList<>();

        String answer = NO_WAIT.call(() -> {
            attempts.add(attempts.size() + 1);
            if (attempts.size() < 3) {
                throw new IllegalStateException("passing");
            }
            return "ok";
        }, failure -> true, "test");

        assertThat(answer).isEqualTo("ok");
        assertThat(attempts).containsExactly(1, 2, 3);
    }

    @Test
    void theLastFailureIsThrownOnceTheAttemptsAreSpent() {
        List<RuntimeException> thrown = new ArrayList<>();

        assertThatThrownBy(() -> NO_WAIT.call(() -> {
            RuntimeException failure = new IllegalStateException("attempt " + (thrown.size() + 1));
            thrown.add(failure);
            throw failure;
        }, failure -> true, "test")).isSameAs(thrown.getLast()).hasMessage("attempt 3");
        assertThat(thrown).hasSize(3);
    }

    @Test
    void aFailureThatDoesNotPassIsThrownAtOnce() {
        List<String> calls = new ArrayList<>();

        assertThatThrownBy(() -> NO_WAIT.call(() -> {
            calls.add("call");
            throw new IllegalArgumentException("for good");
        }, failure -> !(failure instanceof IllegalArgumentException), "test")).hasMessage("for good");
        assertThat(calls).hasSize(1);
    }

    @Test
    void onceMeansOneAttempt() {
        List<String> calls = new ArrayList<>();

        assertThatThrownBy(() -> RetryPolicy.ONCE.call(() -> {
            calls.add("call");
            throw new IllegalStateException("passing");
        }, failure -> true, "test")).isInstanceOf(IllegalStateException.class);
        assertThat(calls).hasSize(1);
    }

    @Test
    void waitsDoubleFromTheFirstAndAreJitteredBetweenHalfAndAllOfIt() {
        RetryPolicy policy = new RetryPolicy(4, Duration.ofMillis(1000));

        assertThat(policy.waitBefore(2, 0.0)).isEqualTo(Duration.ofMillis(500));
        assertThat(policy.waitBefore(2, 0.999)).isBetween(Duration.ofMillis(999), Duration.ofMillis(1000));
        assertThat(policy.waitBefore(3, 0.0)).isEqualTo(Duration.ofMillis(1000));
        assertThat(policy.waitBefore(3, 0.5)).isEqualTo(Duration.ofMillis(1500));
        assertThat(policy.waitBefore(4, 0.999)).isBetween(Duration.ofMillis(3990), Duration.ofMillis(4000));
    }

    @Test
    void anInterruptWhileWaitingStopsTheRetriesWithTheLastFailure() {
        RetryPolicy patient = new RetryPolicy(3, Duration.ofMinutes(10));
        List<String> calls = new ArrayList<>();
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> patient.call(() -> {
                calls.add("call");
                throw new IllegalStateException("passing");
            }, failure -> true, "test")).hasMessage("passing");
            assertThat(Thread.currentThread().isInterrupted()).as("the interrupt is kept for the caller").isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(calls).hasSize(1);
    }

    @Test
    void nonsenseSettingsAreRefused() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_patient_policy_tries_eight_times_and_never_waits_longer_than_thirty_first_waits() {
        RetryPolicy patient = RetryPolicy.patient(Duration.ofSeconds(1));
        assertThat(patient.attempts()).isEqualTo(8);
        assertThat(patient.waitBefore(2, 0.999)).isBetween(Duration.ofMillis(999), Duration.ofSeconds(1));
        assertThat(patient.waitBefore(6, 0.999)).as("16 s").isBetween(Duration.ofMillis(15_990), Duration.ofSeconds(16));
        assertThat(patient.waitBefore(7, 0.999)).as("32 s, capped at 30 s").isBetween(Duration.ofMillis(29_900), Duration.ofSeconds(30));
        assertThat(patient.waitBefore(8, 0.0)).isEqualTo(Duration.ofSeconds(15));
    }
}
