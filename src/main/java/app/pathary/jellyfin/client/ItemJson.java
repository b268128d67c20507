package app.pathary.jellyfin.client;

import app.pathary.common.JsonStream;
import app.pathary.jellyfin.client.dto.BaseItemDto;
import app.pathary.jellyfin.client.dto.BaseItemDtoQueryResult;
import app.pathary.jellyfin.client.dto.UserItemDataDto;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a page of {@code GET /Items} straight from the parser into {@link BaseItemDto}s: one pass over the tokens,
 * property names matched exactly first (Jellyfin writes PascalCase) and then case-insensitively, as Jellyfin itself
 * reads them; properties Pathary does not use are skipped unread. Numbers given as text and scalars where text is due
 * are taken as Jackson would take them; anything else of the wrong kind (an object where a number is due, a count that
 * is a word, a date that is not a date) is {@link JsonStream.WrongShape}.
 */
final class ItemJson {

    private ItemJson() {
    }

    static BaseItemDtoQueryResult page(JsonParser parser) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw new JsonStream.WrongShape("expected a JSON object");
        }
        List<BaseItemDto> items = null;
        boolean sawItems = false;
        int total = 0;
        int start = 0;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (is(name, "Items")) {
                sawItems = true;
                if (value != JsonToken.VALUE_NULL) {
                    if (value != JsonToken.START_ARRAY) {
                        throw shape();
                    }
                    items = new ArrayList<>();
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        items.add(item(parser));
                    }
                }
            } else if (is(name, "TotalRecordCount")) {
                total = intOr(parser, 0);
            } else if (is(name, "StartIndex")) {
                start = intOr(parser, 0);
            } else {
                parser.skipChildren();
            }
        }
        if (!sawItems) {
            throw new JsonStream.WrongShape("no Items in the answer");
        }
        return new BaseItemDtoQueryResult(items, total, start);
    }

    static BaseItemDto item(JsonParser parser) throws IOException {
        requireObject(parser);
        String id = null;
        String name = null;
        String type = null;
        Integer productionYear = null;
        String overview = null;
        String path = null;
        Map<String, String> providerIds = null;
        Instant dateCreated = null;
        Instant premiereDate = null;
        String parentId = null;
        String seriesId = null;
        String seriesName = null;
        String seasonId = null;
        String seasonName = null;
        Integer parentIndexNumber = null;
        Integer indexNumber = null;
        Integer indexNumberEnd = null;
        Long runTimeTicks = null;
        Boolean isFolder = null;
        String locationType = null;
        UserItemDataDto userData = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = canonical(parser.currentName(), ITEM_FIELDS);
            parser.nextToken();
            switch (field) {
                case "Id" -> id = text(parser);
                case "Name" -> name = text(parser);
                case "Type" -> type = text(parser);
                case "ProductionYear" -> productionYear = integer(parser);
                case "Overview" -> overview = text(parser);
                case "Path" -> path = text(parser);
                case "ProviderIds" -> providerIds = providerIds(parser);
                case "DateCreated" -> dateCreated = date(parser);
                case "PremiereDate" -> premiereDate = date(parser);
                case "ParentId" -> parentId = text(parser);
                case "SeriesId" -> seriesId = text(parser);
                case "SeriesName" -> seriesName = text(parser);
                case "SeasonId" -> seasonId = text(parser);
                case "SeasonName" -> seasonName = text(parser);
                case "ParentIndexNumber" -> parentIndexNumber = integer(parser);
                case "IndexNumber" -> indexNumber = integer(parser);
                case "IndexNumberEnd" -> indexNumberEnd = integer(parser);
                case "RunTimeTicks" -> runTimeTicks = longValue(parser);
                case "IsFolder" -> isFolder = bool(parser);
                case "LocationType" -> locationType = text(parser);
                case "UserData" -> userData = parser.currentToken() == JsonToken.VALUE_NULL ? null : userData(parser);
                default -> parser.skipChildren();
            }
        }
        return new BaseItemDto(id, name, type, productionYear, overview, path, providerIds, dateCreated, premiereDate,
                parentId, seriesId, seriesName, seasonId, seasonName, parentIndexNumber, indexNumber, indexNumberEnd,
                runTimeTicks, isFolder, locationType, userData);
    }

    private static UserItemDataDto userData(JsonParser parser) throws IOException {
        requireObject(parser);
        Double playedPercentage = null;
        Integer unplayedItemCount = null;
        long position = 0;
        int playCount = 0;
        boolean favorite = false;
        Instant lastPlayed = null;
        boolean played = false;
        String key = null;
        String itemId = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = canonical(parser.currentName(), USER_DATA_FIELDS);
            parser.nextToken();
            switch (field) {
                case "PlayedPercentage" -> playedPercentage = decimal(parser);
                case "UnplayedItemCount" -> unplayedItemCount = integer(parser);
                case "PlaybackPositionTicks" -> position = orZero(longValue(parser));
                case "PlayCount" -> playCount = intOr(parser, 0);
                case "IsFavorite" -> favorite = Boolean.TRUE.equals(bool(parser));
                case "LastPlayedDate" -> lastPlayed = date(parser);
                case "Played" -> played = Boolean.TRUE.equals(bool(parser));
                case "Key" -> key = text(parser);
                case "ItemId" -> itemId = text(parser);
                default -> parser.skipChildren();
            }
        }
        return new UserItemDataDto(playedPercentage, unplayedItemCount, position, playCount, favorite, lastPlayed, played, key, itemId);
    }

    private static final Fields ITEM_FIELDS = new Fields("Id", "Name", "Type", "ProductionYear", "Overview", "Path",
            "ProviderIds", "DateCreated", "PremiereDate", "ParentId", "SeriesId", "SeriesName", "SeasonId", "SeasonName",
            "ParentIndexNumber", "IndexNumber", "IndexNumberEnd", "RunTimeTicks", "IsFolder", "LocationType", "UserData");
    private static final Fields USER_DATA_FIELDS = new Fields("PlayedPercentage", "UnplayedItemCount",
            "PlaybackPositionTicks", "PlayCount", "IsFavorite", "LastPlayedDate", "Played", "Key", "ItemId");

    /** The canonical spelling of a known property (exact match first: what Jellyfin sends), or "" for others. */
    private static String canonical(String name, Fields known) {
        return known.canonical(name);
    }

    /**
     * Known property names, found by one hash lookup: the exact spelling (what Jellyfin sends), else the name in lower
     * case. A page of items names each property tens of thousands of times, so a linear scan with
     * {@code equalsIgnoreCase} for every unknown property was a noticeable part of a sweep.
     */
    private static final class Fields {
        private static final int REMEMBERED = 512;
        private final Map<String, String> exact = new java.util.HashMap<>();
        private final Map<String, String> lower = new java.util.HashMap<>();
        /** Other spellings seen, with what they stand for ("" for unknown properties), so each is lowered once. */
        private final Map<String, String> seen = new java.util.concurrent.ConcurrentHashMap<>();

        Fields(String... names) {
            for (String name : names) {
                exact.put(name, name);
                lower.put(name.toLowerCase(java.util.Locale.ROOT), name);
            }
        }

        String canonical(String name) {
            String found = exact.get(name);
            if (found == null) {
                found = seen.get(name);
            }
            if (found == null) {
                found = lower.getOrDefault(name.toLowerCase(java.util.Locale.ROOT), "");
                if (seen.size() < REMEMBERED) { // a server cannot make this grow without end
                    seen.put(name, found);
                }
            }
            return found;
        }
    }

    private static boolean is(String name, String wanted) {
        return wanted.equals(name) || wanted.equalsIgnoreCase(name);
    }

    private static void requireObject(JsonParser parser) {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw shape();
        }
    }

    private static Map<String, String> providerIds(JsonParser parser) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        requireObject(parser);
        Map<String, String> ids = new LinkedHashMap<>(4);
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String provider = parser.currentName();
            parser.nextToken();
            ids.put(provider, text(parser));
        }
        return ids;
    }

    private static String text(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
            throw shape();
        }
        return parser.getText();
    }

    private static Integer integer(JsonParser parser) throws IOException {
        Long value = longValue(parser);
        if (value == null) {
            return null;
        }
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw shape();
        }
        return value.intValue();
    }

    private static int intOr(JsonParser parser, int fallback) throws IOException {
        Integer value = integer(parser);
        return value == null ? fallback : value;
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }

    private static Long longValue(JsonParser parser) throws IOException {
        return switch (parser.currentToken()) {
            case VALUE_NULL -> null;
            case VALUE_NUMBER_INT -> {
                if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                    throw shape();
                }
                yield parser.getLongValue();
            }
            case VALUE_NUMBER_FLOAT -> {
                double value = parser.getDoubleValue();
                if (value != Math.rint(value)) {
                    throw shape();
                }
                yield (long) value;
            }
            case VALUE_STRING -> {
                String text = parser.getText().trim();
                if (text.isEmpty()) {
                    yield null;
                }
                try {
                    yield Long.parseLong(text);
                } catch (NumberFormatException e) {
                    throw shape();
                }
            }
            default -> throw shape();
        };
    }

    private static Double decimal(JsonParser parser) throws IOException {
        return switch (parser.currentToken()) {
            case VALUE_NULL -> null;
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
            case VALUE_STRING -> {
                try {
                    yield parser.getText().isBlank() ? null : Double.valueOf(parser.getText().trim());
                } catch (NumberFormatException e) {
                    throw shape();
                }
            }
            default -> throw shape();
        };
    }

    private static Boolean bool(JsonParser parser) throws IOException {
        return switch (parser.currentToken()) {
            case VALUE_NULL -> null;
            case VALUE_TRUE -> true;
            case VALUE_FALSE -> false;
            case VALUE_STRING -> switch (parser.getText().trim().toLowerCase(java.util.Locale.ROOT)) {
                case "true" -> true;
                case "false" -> false;
                case "" -> null;
                default -> throw shape();
            };
            default -> throw shape();
        };
    }

    private static Instant date(JsonParser parser) throws IOException {
        String text = text(parser);
        if (text == null) {
            return null;
        }
        try {
            return JellyfinDates.parse(text);
        } catch (DateTimeException e) {
            throw shape();
        }
    }

    private static JsonStream.WrongShape shape() {
        return new JsonStream.WrongShape("unexpected JSON shape");
    }
}
