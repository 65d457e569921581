package io.gridbot.runner.testing;

/** Grid files for the CLI's tests. */
public final class GridYaml {

    private GridYaml() {
    }

    /** A short BTCUSDT grid that the simulated venue lists (its band need not fit the shipped market). */
    public static String shortBtc(String name) {
        return """
                name: %s
                exchange: simulated
                symbol: BTCUSDT
                mode: short
                lowerPrice: 60000
                upperPrice: 65000
                levels: 20
                orderQty: 0.010
                maxPosition: 0.200
                priceTick: 0.1
                qtyStep: 0.001
                minQty: 0.001
                minNotional: 5
                """.formatted(name);
    }

    /** A short BTCUSDT grid whose band fits the series the jar ships (2023, near 26,000): it trades when started. */
    public static String shortBtcOnTheShippedMarket(String name) {
        return "name: " + name + "\n" + shortBtcOnTheShippedMarketFields();
    }

    /** {@link #shortBtcOnTheShippedMarket} without its name, for a list of grids under {@code grids:}. */
    public static String shortBtcOnTheShippedMarketFields() {
        return """
                exchange: simulated
                symbol: BTCUSDT
                mode: short
                lowerPrice: 25600
                upperPrice: 27400
                levels: 19
                orderQty: 0.010
                maxPosition: 0.150
                stopLossBufferPct: 3
                priceTick: 0.1
                qtyStep: 0.001
                minQty: 0.001
                minNotional: 5
                """;
    }

    /** A neutral LINKUSDT grid whose band fits the LINK sample the binance module's tests ship (February 2023). */
    public static String neutralLink(String name) {
        return """
                name: %s
                exchange: simulated
                symbol: LINKUSDT
                mode: neutral
                lowerPrice: 6.700
                upperPrice: 7.400
                levels: 36
                orderQty: 1.00
                maxPosition: 8.00
                stopLossBufferPct: 3
                priceTick: 0.001
                qtyStep: 0.01
                minQty: 0.01
                minNotional: 5
                """.formatted(name);
    }
}
