package app.pathary.notify;

import java.util.Map;

/** What a cleanup execution deleted: items and bytes in all, and per instance; with the skipped and failed counts. */
public record RunSummary(long planId, String startedBy, int deleted, long bytes, Map<String, InstanceCount> byInstance, int skipped,
        int failed) {
    public RunSummary {
        byInstance = Map.copyOf(byInstance);
    }

    /** Items deleted from one Radarr or Sonarr instance and the bytes they held. */
    public record InstanceCount(int items, long bytes) {
    }
}
