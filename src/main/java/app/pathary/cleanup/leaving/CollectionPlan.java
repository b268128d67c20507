package app.pathary.cleanup.leaving;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Pure: what to change so a "Leaving soon" collection holds exactly {@code desired}, in that order (soonest deletion
 * first). Jellyfin appends added items and keeps insertion order, so members after the first one out of place are taken
 * out and added again behind the rest.
 *
 * @param collectionId the collection to change; null: create it with {@code add}
 * @param remove       members to take out (no longer leaving, or out of order)
 * @param add          members to append, in order
 * @param size         how many members it holds once applied
 */
public record CollectionPlan(String kind, String name, String collectionId, List<String> remove, List<String> add, int size) {
    /** Jellyfin takes ids in the query string: at most this many per call. */
    public static final int BATCH = 50;

    public CollectionPlan {
        remove = List.copyOf(remove);
        add = List.copyOf(add);
    }

    public static CollectionPlan of(String kind, String name, String collectionId, List<String> current, List<String> desired) {
        List<String> wanted = List.copyOf(new LinkedHashSet<>(desired));
        if (collectionId == null) {
            return new CollectionPlan(kind, name, null, List.of(), wanted, wanted.size());
        }
        Set<String> wantedSet = Set.copyOf(wanted);
        List<String> remove = new ArrayList<>(current.stream().filter(id -> !wantedSet.contains(id)).distinct().toList());
        List<String> staying = current.stream().filter(wantedSet::contains).distinct().toList();
        int inPlace = 0;
        while (inPlace < staying.size() && staying.get(inPlace).equals(wanted.get(inPlace))) {
            inPlace++;
        }
        remove.addAll(staying.subList(inPlace, staying.size()));
        return new CollectionPlan(kind, name, collectionId, remove, wanted.subList(inPlace, wanted.size()), wanted.size());
    }

    public boolean create() {
        return collectionId == null;
    }

    public boolean changes() {
        return create() ? !add.isEmpty() : !remove.isEmpty() || !add.isEmpty();
    }

    /** {@code ids} cut into calls of at most {@link #BATCH}. */
    public static List<List<String>> batches(List<String> ids) {
        List<List<String>> batches = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += BATCH) {
            batches.add(ids.subList(from, Math.min(ids.size(), from + BATCH)));
        }
        return batches;
    }
}
