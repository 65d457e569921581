package io.gridbot.runner.preview;

import io.gridbot.core.preview.MarginTable;
import io.gridbot.core.preview.MarginTier;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The maintenance-margin brackets the runner knows, by venue and symbol, read from the documented table shipped
 * with it ({@code margin-tiers.csv} beside this class). A venue or symbol not in it has no table: the preview then
 * says the liquidation estimate is not available rather than guess one.
 */
public final class MarginTables {

    private static final String RESOURCE = "margin-tiers.csv";
    private static final MarginTables SHIPPED = read();

    private final Map<String, MarginTable> tables;

    private MarginTables(Map<String, MarginTable> tables) {
        this.tables = Map.copyOf(tables);
    }

    /** The table shipped with the runner. */
    public static MarginTables shipped() {
        return SHIPPED;
    }

    /** The brackets of a symbol on a venue, if the table has them. */
    public Optional<MarginTable> find(String venue, String symbol) {
        return Optional.ofNullable(tables.get(key(venue, symbol)));
    }

    private static String key(String venue, String symbol) {
        return (venue == null ? "" : venue.trim().toLowerCase(Locale.ROOT)) + "/"
                + (symbol == null ? "" : symbol.trim().toUpperCase(Locale.ROOT));
    }

    private static MarginTables read() {
        Map<String, String> sources = new LinkedHashMap<>();
        Map<String, List<MarginTier>> tiers = new LinkedHashMap<>();
        try (InputStream in = MarginTables.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the runner's jar");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split(",", -1);
                if (f[0].equals("source")) {
                    sources.put(key(f[1], f[2]), String.join(",", List.of(f).subList(3, f.length)));
                } else {
                    tiers.computeIfAbsent(key(f[0], f[1]), k -> new ArrayList<>()).add(new MarginTier(
                            new BigDecimal(f[2]), f[3].isEmpty() ? null : new BigDecimal(f[3]), new BigDecimal(f[4]),
                            new BigDecimal(f[5])));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        Map<String, MarginTable> tables = new LinkedHashMap<>();
        tiers.forEach((k, list) -> tables.put(k, new MarginTable(list, sources.getOrDefault(k, "unnamed source"))));
        return new MarginTables(tables);
    }
}
