package io.gridbot.exchange.binance.stream;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One market-stream route ({@code /public} or {@code /market}) as one combined-stream connection. It remembers
 * every stream name subscribed, so a reconnect opens them all again; a name added while open is subscribed
 * live with {@code SUBSCRIBE}. A route with nothing subscribed has no connection.
 */
public final class MarketRoute implements StreamSupervisor.Stream {

    private static final AtomicLong REQUEST_IDS = new AtomicLong();

    private final String baseUrl;
    private final StreamLink link;
    private final Set<String> names = new LinkedHashSet<>();

    /**
     * @param baseUrl e.g. {@code wss://fstream.binance.com/public}
     */
    public MarketRoute(String baseUrl, StreamLink link) {
        this.baseUrl = baseUrl;
        this.link = link;
    }

    @Override
    public String name() {
        return link.name();
    }

    @Override
    public void connect() throws IOException {
        List<String> all;
        synchronized (names) {
            all = List.copyOf(names);
        }
        if (all.isEmpty()) {
            return;
        }
        link.connect(baseUrl + "/stream?streams=" + String.join("/", all));
    }

    @Override
    public void disconnect() {
        link.disconnect();
    }

    /**
     * Adds stream names (lower-case symbol, e.g. {@code btcusdt@bookTicker}). Returns true when the route has
     * no connection yet and must be connected for them to flow.
     */
    public boolean add(List<String> streamNames) {
        List<String> fresh;
        synchronized (names) {
            fresh = streamNames.stream().filter(names::add).toList();
        }
        if (fresh.isEmpty()) {
            return false;
        }
        if (link.connected()) {
            String params = String.join(",", fresh.stream().map(n -> "\"" + n + "\"").toList());
            link.send("{\"method\":\"SUBSCRIBE\",\"params\":[" + params + "],\"id\":" + REQUEST_IDS.incrementAndGet() + "}");
            return false;
        }
        return true;
    }
}
