package io.gridbot.runner.venue;

import io.gridbot.exchange.ExchangeAdapter;
import io.gridbot.exchange.venue.VenueCatalog;
import io.gridbot.exchange.venue.VenueSettings;
import io.gridbot.exchange.venue.VenueSetupException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The venues a daemon can trade on, by the code grid configurations name: each one found at run time
 * ({@link #withFound}), and any the daemon wires itself. Each adapter is opened the first time a grid needs it and
 * shared by every grid on that venue. A venue that is unknown, not configured, or fails to open, makes
 * {@link #adapter} throw with the reason.
 */
public final class Venues implements AutoCloseable {

    /** Opens one venue's adapter. */
    @FunctionalInterface
    public interface Opener {
        ExchangeAdapter open() throws Exception;
    }

    private final Map<String, Opener> openers = new LinkedHashMap<>();
    private final Map<String, String> unavailable = new LinkedHashMap<>();
    private final Map<String, ExchangeAdapter> open = new LinkedHashMap<>();
    private final ExchangeAdapter fallback;

    private Venues(ExchangeAdapter fallback) {
        this.fallback = fallback;
    }

    /** No venue yet; add them with {@link #with} and {@link #without}. */
    public static Venues configured() {
        return new Venues(null);
    }

    /** One adapter for every grid, whatever its configuration names (how tests and the demo run). */
    public static Venues only(ExchangeAdapter adapter) {
        return new Venues(Objects.requireNonNull(adapter, "adapter"));
    }

    /** A venue opened on first use. */
    public synchronized Venues with(String code, Opener opener) {
        openers.put(code, opener);
        unavailable.remove(code);
        return this;
    }

    /**
     * Every venue {@code catalog} found that this does not configure already, opened through its provider from
     * {@code settings}: a venue the daemon wires itself (the simulator, fed by its market) keeps that wiring.
     */
    public synchronized Venues withFound(VenueCatalog catalog, VenueSettings settings) {
        for (String code : catalog.codes()) {
            if (!openers.containsKey(code) && !unavailable.containsKey(code)) {
                openers.put(code, () -> catalog.open(code, settings));
            }
        }
        return this;
    }

    /** A venue that cannot be used, and why (e.g. credentials missing). */
    public synchronized Venues without(String code, String reason) {
        openers.remove(code);
        unavailable.put(code, reason);
        return this;
    }

    /** The adapter of a venue, opening it if needed. */
    public synchronized ExchangeAdapter adapter(String code) throws VenueUnavailableException {
        if (fallback != null) {
            return fallback;
        }
        ExchangeAdapter adapter = open.get(code);
        if (adapter != null) {
            return adapter;
        }
        Opener opener = openers.get(code);
        if (opener == null) {
            String reason = unavailable.get(code);
            throw new VenueUnavailableException(code, reason != null ? reason : VenueCatalog.unknown(code, known()));
        }
        try {
            adapter = opener.open();
        } catch (VenueSetupException e) {
            // Settings, not the venue: the reason says what to set, and the next grid reads them again.
            throw new VenueUnavailableException(code, e.getMessage());
        } catch (Exception e) {
            // The next grid on this venue tries again: the venue may be back. Unchecked exceptions land here too,
            // a third party's provider breaking the SPI's contract: that venue's grids are refused, nothing else.
            throw new VenueUnavailableException(code, "it did not open: " + VenueUnavailableException.reason(e));
        } catch (LinkageError e) {
            // A venue jar without a class it needs (a dependency left out of the folder): that venue only.
            throw new VenueUnavailableException(code, "it did not open: its jar is incomplete ("
                    + VenueUnavailableException.reason(e) + ")");
        }
        open.put(code, adapter);
        return adapter;
    }

    private List<String> known() {
        List<String> known = new ArrayList<>(openers.keySet());
        known.addAll(unavailable.keySet());
        return known;
    }

    /** Closes the adapters this opened (not the one given to {@link #only}, which its owner closes). */
    @Override
    public synchronized void close() {
        open.values().forEach(ExchangeAdapter::close);
        open.clear();
    }
}
