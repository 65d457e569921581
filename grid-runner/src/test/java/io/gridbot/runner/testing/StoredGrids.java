package io.gridbot.runner.testing;

import io.gridbot.core.config.GridConfig;
import io.gridbot.core.config.GridMode;
import io.gridbot.core.market.SymbolRules;
import io.gridbot.persistence.Database;
import java.math.BigDecimal;

/** A stored grid for tests that need one to hang candles, log entries or alerts on, not to trade. */
public final class StoredGrids {

    /** BTCUSDT's rules on the simulated venue: tick 0.1, step 0.001, minimum notional 5. */
    public static final SymbolRules BTC = new SymbolRules("BTCUSDT", new BigDecimal("0.1"), new BigDecimal("0.001"),
            new BigDecimal("0.001"), new BigDecimal("5"), 200);

    private StoredGrids() {
    }

    /** Stores a long BTCUSDT grid of 11 lines from 25,000 to 27,000, 0.010 each; returns its id. */
    public static long longBtc(Database db, String name) {
        return db.configs().create(GridConfig.builder(name, BTC).exchange("simulated").mode(GridMode.LONG)
                .band(new BigDecimal("25000"), new BigDecimal("27000")).levels(11).orderQty(new BigDecimal("0.010"))
                .maxPosition(new BigDecimal("0.050")).build(), 0);
    }
}
