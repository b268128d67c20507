package app.pathary.testing;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An item in {@link FakeJellyfin}: a library folder, movie, series, season or episode. The fluent setters
 * change the live item (seed before the code under test runs); provider ids keep their insertion order,
 * which is also the order of the {@code Provider_*} keys in webhook payloads.
 */
public final class FakeItem {

    private final String id;
    private final String type;
    private final String parentId;
    private String name;
    private Integer productionYear;
    private String overview;
    private String tagline;
    private final List<String> genres = new ArrayList<>();
    private LocalDate premiereDate;
    private String path;
    private final Map<String, String> providerIds = new LinkedHashMap<>();
    private Instant dateCreated;
    private long runTimeTicks;
    private Integer indexNumber;
    private Integer parentIndexNumber;
    private Integer indexNumberEnd;
    private boolean virtual;
    private String collectionType;
    private boolean primaryImage = true;

    FakeItem(String id, String type, String parentId, String name, Instant dateCreated) {
        this.id = id;
        this.type = type;
        this.parentId = parentId;
        this.name = name;
        this.dateCreated = dateCreated;
    }

    public String id() { return id; }
    public String type() { return type; }
    public String parentId() { return parentId; }
    public String name() { return name; }
    public Integer productionYear() { return productionYear; }
    public String overview() { return overview; }
    public String tagline() { return tagline; }
    public List<String> genres() { return List.copyOf(genres); }
    public LocalDate premiereDate() { return premiereDate; }
    public String path() { return path; }
    public Map<String, String> providerIds() { return Map.copyOf(providerIds); }
    Map<String, String> orderedProviderIds() { return providerIds; }
    public Instant dateCreated() { return dateCreated; }
    public long runTimeTicks() { return runTimeTicks; }
    public Integer indexNumber() { return indexNumber; }
    public Integer parentIndexNumber() { return parentIndexNumber; }
    public Integer indexNumberEnd() { return indexNumberEnd; }
    public boolean isVirtual() { return virtual; }
    public String collectionType() { return collectionType; }
    /** Whether the item has a Primary image (a poster); every item has one unless {@link #withoutPoster()} was called. */
    public boolean hasPrimaryImage() { return primaryImage; }
    public FakeItem withoutPoster() { primaryImage = false; return this; }

    public boolean isFolder() {
        return !type.equals("Movie") && !type.equals("Episode");
    }

    public FakeItem name(String value) { name = value; return this; }
    public FakeItem year(int value) { productionYear = value; return this; }
    public FakeItem overview(String value) { overview = value; return this; }
    public FakeItem tagline(String value) { tagline = value; return this; }
    public FakeItem genres(String... values) { genres.clear(); genres.addAll(List.of(values)); return this; }
    public FakeItem premiereDate(LocalDate value) { premiereDate = value; return this; }
    public FakeItem path(String value) { path = value; return this; }
    public FakeItem dateCreated(Instant value) { dateCreated = value; return this; }
    public FakeItem runtime(Duration value) { runTimeTicks = value.toNanos() / 100; return this; }

    /** Adds a provider id under Jellyfin's key, e.g. {@code provider("TmdbCollection", "861415")}. */
    public FakeItem provider(String key, String value) { providerIds.put(key, value); return this; }
    public FakeItem tmdb(String value) { return provider("Tmdb", value); }
    public FakeItem imdb(String value) { return provider("Imdb", value); }
    public FakeItem tvdb(String value) { return provider("Tvdb", value); }

    /** A multi-episode file: this episode covers episodes {@code indexNumber..last}. */
    public FakeItem indexNumberEnd(int last) { indexNumberEnd = last; return this; }

    /** A placeholder for a missing episode: LocationType Virtual and no file. */
    public FakeItem virtual() { virtual = true; path = null; return this; }

    FakeItem numbers(Integer parentIndex, Integer index) {
        parentIndexNumber = parentIndex;
        indexNumber = index;
        return this;
    }

    FakeItem collectionType(String value) { collectionType = value; return this; }

    @Override
    public String toString() {
        return type + "[" + name + ", " + id + "]";
    }
}
