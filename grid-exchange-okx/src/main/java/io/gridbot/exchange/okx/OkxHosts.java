package io.gridbot.exchange.okx;

import java.util.Locale;

/**
 * OKX's environments and their hosts, as OKX's documentation lists them ("Production Trading Services", "Demo
 * Trading Services"). Production and demo trading share the REST host: a demo request is one that carries
 * {@code x-simulated-trading: 1}, made with a key created on the demo-trading site. The WebSocket hosts differ; they
 * are on the standard port 443, since OKX stopped serving WebSockets on its former port 8443 at the end of
 * October 2026.
 *
 * @param restUrl     the REST base
 * @param publicWs    the public WebSocket (market data)
 * @param privateWs   the private WebSocket (login; orders, positions, account)
 * @param businessWs  the business WebSocket (algo-order updates among others)
 * @param simulated   whether requests must carry the demo-trading header
 */
public record OkxHosts(String restUrl, String publicWs, String privateWs, String businessWs, boolean simulated) {

    public static final OkxHosts PRODUCTION = new OkxHosts("https://openapi.okx.com",
            "wss://ws.okx.com/ws/v5/public", "wss://ws.okx.com/ws/v5/private",
            "wss://ws.okx.com/ws/v5/business", false);

    public static final OkxHosts DEMO = new OkxHosts("https://openapi.okx.com",
            "wss://wspap.okx.com/ws/v5/public", "wss://wspap.okx.com/ws/v5/private",
            "wss://wspap.okx.com/ws/v5/business", true);

    /**
     * The environment of a name, {@code demo} or {@code production}.
     *
     * @throws IllegalArgumentException naming the value and the two accepted
     */
    public static OkxHosts of(String environment) {
        return switch (environment == null ? "" : environment.strip().toLowerCase(Locale.ROOT)) {
            case "demo" -> DEMO;
            case "production" -> PRODUCTION;
            default -> throw new IllegalArgumentException("OKX environment '" + environment
                    + "' is not known: use demo or production");
        };
    }
}
