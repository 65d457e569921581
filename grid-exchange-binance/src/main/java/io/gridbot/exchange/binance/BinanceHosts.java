package io.gridbot.exchange.binance;

import java.util.Locale;
import java.util.Optional;

/**
 * Binance's USDⓈ-M futures environments, each with the REST and stream hosts that belong to it: a key of one
 * environment is unknown to the others, and a stream of another environment would report another account's
 * orders (or none). Whether the demo and testnet stream hosts have the {@code /public}, {@code /market},
 * {@code /private} routes of production is unverified.
 */
public enum BinanceHosts {
    /** Real money. */
    PRODUCTION("https://fapi.binance.com", "wss://fstream.binance.com"),
    /** Demo trading: keys from the Binance futures demo site. */
    DEMO("https://demo-fapi.binance.com", "wss://demo-fstream.binance.com"),
    /** The older futures testnet: keys from testnet.binancefuture.com. */
    TESTNET("https://testnet.binancefuture.com", "wss://fstream.binancefuture.com");

    private final String rest;
    private final String streams;

    BinanceHosts(String rest, String streams) {
        this.rest = rest;
        this.streams = streams;
    }

    /** The REST base. */
    public String rest() {
        return rest;
    }

    /** The WebSocket base, without a route. */
    public String streams() {
        return streams;
    }

    /** The environment of a name ({@code production}, {@code demo}, {@code testnet}, any case). */
    public static Optional<BinanceHosts> named(String name) {
        for (BinanceHosts h : values()) {
            if (h.name().equals(name.trim().toUpperCase(Locale.ROOT))) {
                return Optional.of(h);
            }
        }
        return Optional.empty();
    }
}
