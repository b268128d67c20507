package app.pathary.web;

import app.pathary.common.InvalidInputException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One page of a longer list shown on a page: its rows, which page it is (from 1), how many pages and rows there are,
 * and the query (filters) that made the list, so the links to the other pages keep the filters.
 */
public record PageOfRows<T>(List<T> rows, int page, int pages, int total, Map<String, String> query, String pageParam) {

    /** Cuts page {@code requested} (the query parameter's text; blank = 1) of {@code size} rows out of {@code all}. */
    public static <T> PageOfRows<T> of(List<T> all, String requested, int size, Map<String, String> query, String pageParam) {
        int pages = Math.max(1, (all.size() + size - 1) / size);
        int page = Math.min(parse(requested, pageParam), pages);
        int from = (page - 1) * size;
        return new PageOfRows<>(all.subList(from, Math.min(all.size(), from + size)), page, pages, all.size(), query, pageParam);
    }

    /** The page number asked for; 1 when none is, a 400 naming the parameter when it is not a page number. */
    public static int parse(String requested, String pageParam) {
        if (requested == null || requested.isBlank()) {
            return 1;
        }
        if (!requested.strip().matches("[1-9]\\d{0,5}")) {
            throw new InvalidInputException(pageParam + " must be a page number (1, 2, ...).");
        }
        return Integer.parseInt(requested.strip());
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < pages;
    }

    /** The query string ("?verdict=eligible&page=3") that shows page {@code number} with the same filters. */
    public String link(int number) {
        Map<String, String> params = new LinkedHashMap<>();
        query.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                params.put(name, value);
            }
        });
        params.put(pageParam, Integer.toString(number));
        return "?" + params.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
