package io.gridbot.exchange.bybit;

import java.util.Locale;

/**
 * Bybit's environments and their hosts, as Bybit's documentation lists them ("Integration Guidance", "Connect",
 * "Demo Trading Service"). Testnet is a separate site with its own accounts and keys; demo trading is the mainnet
 * account's demo mode, with its own REST host and private stream, and the mainnet public streams.
 *
 * @param restUrl   the REST base
 * @param publicWs  the public linear socket (market data)
 * @param privateWs the private socket (auth; orders, executions, positions, wallet)
 */
public record BybitHosts(String restUrl, String publicWs, String privateWs) {

    public static final BybitHosts TESTNET = new BybitHosts("https://api-testnet.bybit.com",
            "wss://stream-testnet.bybit.com/v5/public/linear", "wss://stream-testnet.bybit.com/v5/private");

    public static final BybitHosts DEMO = new BybitHosts("https://api-demo.bybit.com",
            "wss://stream.bybit.com/v5/public/linear", "wss://stream-demo.bybit.com/v5/private");

    public static final BybitHosts PRODUCTION = new BybitHosts("https://api.bybit.com",
            "wss://stream.bybit.com/v5/public/linear", "wss://stream.bybit.com/v5/private");

    /**
     * The environment of a name: {@code testnet}, {@code demo} or {@code production}.
     *
     * @throws IllegalArgumentException naming the value and the three accepted
     */
    public static BybitHosts of(String environment) {
        return switch (environment == null ? "" : environment.strip().toLowerCase(Locale.ROOT)) {
            case "testnet" -> TESTNET;
            case "demo" -> DEMO;
            case "production" -> PRODUCTION;
            default -> throw new IllegalArgumentException("Bybit environment '" + environment
                    + "' is not known: use testnet, demo or production");
        };
    }
}
