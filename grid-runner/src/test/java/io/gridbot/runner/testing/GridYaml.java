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
}
