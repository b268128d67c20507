package app.pathary.cleanup.apply;

/** Told when a cleanup execution ends, and when a run fails before or while executing (the reason sentence). */
public interface RunListener {
    void executed(long planId, String startedBy, CleanupExecutor.Outcome outcome);

    void failed(String reason);
}
