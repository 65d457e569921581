package io.gridbot.exchange.binance.limits;

/**
 * One of the venue's limits as exchangeInfo's {@code rateLimits} states it.
 *
 * @param type     {@code REQUEST_WEIGHT} or {@code ORDERS}
 * @param windowMs the window's length
 * @param limit    how much the window allows
 */
public record RateLimit(String type, long windowMs, int limit) {

    /** The response header that reports how much of this window is used, e.g. {@code X-MBX-USED-WEIGHT-1M}. */
    public String header() {
        String prefix = type.equals("ORDERS") ? "X-MBX-ORDER-COUNT-" : "X-MBX-USED-WEIGHT-";
        return prefix + (windowMs % 60_000 == 0 ? windowMs / 60_000 + "M" : windowMs / 1_000 + "S");
    }

    /** Binance's published defaults, used until exchangeInfo says otherwise. */
    public static java.util.List<RateLimit> defaults() {
        return java.util.List.of(new RateLimit("REQUEST_WEIGHT", 60_000, 2400), new RateLimit("ORDERS", 60_000, 1200),
                new RateLimit("ORDERS", 10_000, 300));
    }
}
