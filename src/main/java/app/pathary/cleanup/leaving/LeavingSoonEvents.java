package app.pathary.cleanup.leaving;

import java.util.List;

/**
 * Where the leaving-soon lifecycle tells the household what happened: the place notifications connect. {@link #NONE}
 * tells no one (wired in App until a notifier is connected). Implementations must not throw into a plan or a decision:
 * a failed notification never changes a deletion.
 */
public interface LeavingSoonEvents {
    /** A plan announced these items for the first time (one call per plan, only when there are some): the digest. */
    void announced(List<LeavingItem> items);

    /** A user asked to keep an item (already decided when CLEANUP_KEEP_REQUESTS=auto granted it). */
    void keepRequested(KeepRequest request);

    /** An admin approved or declined a keep request. */
    void keepDecided(KeepRequest request);

    LeavingSoonEvents NONE = new LeavingSoonEvents() {
        @Override
        public void announced(List<LeavingItem> items) {
        }

        @Override
        public void keepRequested(KeepRequest request) {
        }

        @Override
        public void keepDecided(KeepRequest request) {
        }
    };
}
