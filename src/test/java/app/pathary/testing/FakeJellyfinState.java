package app.pathary.testing;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Everything {@link FakeJellyfin} knows: users, tokens, items and per-user UserData. Not thread-safe on
 * its own: the fake's request handlers and seed methods synchronize on the instance.
 */
final class FakeJellyfinState {

    /** A Jellyfin user account. {@code libraryIds} {@code null} means "all libraries". */
    static final class Account {
        final String id;
        final String name;
        String password;
        boolean admin;
        boolean disabled;
        boolean hidden;
        Instant lastLoginDate;
        Instant lastActivityDate;
        Set<String> libraryIds;

        Account(String id, String name, String password) {
            this.id = id;
            this.name = name;
            this.password = password;
        }

        FakeUser asUser() {
            return new FakeUser(id, name);
        }
    }

    /** A device row: the token of one (user, DeviceId) login. */
    record Session(String token, String sessionId, String userId, String deviceId, String device, String client,
                   String version, Instant created) {
    }

    final String serverId = newId();
    final String serverName = "Fake Jellyfin";
    final String version = "10.11.11";
    Clock clock = Clock.systemUTC();
    final Map<String, Account> accounts = new LinkedHashMap<>();
    final Map<String, Session> sessions = new LinkedHashMap<>();
    final Set<String> apiKeys = new HashSet<>();
    final Map<String, FakeItem> items = new LinkedHashMap<>();
    /** Collections (BoxSets) by id: see {@link FakeJellyfinCollections}. */
    final Map<String, FakeJellyfinCollections.Collection> collections = new LinkedHashMap<>();
    /** Benchmarks only: the library no longer changes, so the fake may keep sorted answers between pages. */
    volatile boolean frozen;
    /** Items never leave the fake and never change parent, so children are indexed as they are added. */
    private final Map<String, List<FakeItem>> childrenByParent = new java.util.HashMap<>();
    private final Map<String, FakeUserData> userData = new LinkedHashMap<>();

    static String newId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    Instant now() {
        return clock.instant();
    }

    Account accountNamed(String name) {
        return accounts.values().stream().filter(a -> a.name.equalsIgnoreCase(name)).findFirst().orElse(null);
    }

    /** Creates a token for (user, device), revoking that user's earlier tokens for the same DeviceId. */
    Session login(Account account, String deviceId, String device, String client, String version) {
        sessions.values().removeIf(s -> s.userId().equals(account.id) && s.deviceId().equals(deviceId));
        Session session = new Session(newId(), newId(), account.id, deviceId, device, client, version, now());
        sessions.put(session.token(), session);
        account.lastLoginDate = now();
        account.lastActivityDate = now();
        return session;
    }

    FakeItem add(FakeItem item) {
        items.put(item.id(), item);
        if (item.parentId() != null) {
            childrenByParent.computeIfAbsent(item.parentId(), k -> new ArrayList<>()).add(item);
        }
        return item;
    }

    FakeItem item(String id) {
        return id == null ? null : items.get(id);
    }

    List<FakeItem> children(String parentId) {
        return List.copyOf(childrenByParent.getOrDefault(parentId, List.of()));
    }

    /** Children, grandchildren, ... of {@code folderId}, in insertion order. */
    List<FakeItem> descendants(String folderId) {
        return items.values().stream().filter(i -> isAncestor(folderId, i)).toList();
    }

    boolean isAncestor(String folderId, FakeItem item) {
        for (FakeItem parent = item(item.parentId()); parent != null; parent = item(parent.parentId())) {
            if (parent.id().equals(folderId)) {
                return true;
            }
        }
        return false;
    }

    /** The library folder an item lives in (the item itself for a library). */
    FakeItem libraryOf(FakeItem item) {
        FakeItem current = item;
        while (current.parentId() != null && item(current.parentId()) != null) {
            current = item(current.parentId());
        }
        return current;
    }

    boolean visible(Account account, FakeItem item) {
        return account == null || account.libraryIds == null || account.libraryIds.contains(libraryOf(item).id());
    }

    /** The non-folder, non-virtual items under a folder: what Jellyfin counts for folder UserData. */
    List<FakeItem> playableDescendants(FakeItem folder) {
        List<FakeItem> result = new ArrayList<>();
        for (FakeItem item : descendants(folder.id())) {
            if (!item.isFolder() && !item.isVirtual()) {
                result.add(item);
            }
        }
        return result;
    }

    FakeUserData userData(String userId, String itemId) {
        return userData.getOrDefault(userId + "/" + itemId, FakeUserData.NONE);
    }

    void putUserData(String userId, String itemId, FakeUserData data) {
        userData.put(userId + "/" + itemId, data);
    }
}
