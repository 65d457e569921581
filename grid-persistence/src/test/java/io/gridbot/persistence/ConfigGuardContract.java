package io.gridbot.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridbot.core.config.GridConfig;
import io.gridbot.core.config.GridMode;
import io.gridbot.core.config.InvalidConfigException;
import io.gridbot.core.config.PositionMode;
import io.gridbot.core.market.SymbolRules;
import io.gridbot.core.order.ClientOrderId;
import io.gridbot.core.order.Fill;
import io.gridbot.core.order.Intent;
import io.gridbot.core.order.OrderRequest;
import io.gridbot.core.order.OrderStatus;
import io.gridbot.core.order.PositionSide;
import io.gridbot.core.order.Side;
import io.gridbot.core.order.TimeInForce;
import io.gridbot.core.status.GridStatus;
import io.gridbot.persistence.config.ConfigColumns;
import io.gridbot.persistence.config.ConfigGuardException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.junit.jupiter.api.Test;

/** The guards on what is stored (issue 11): one live grid per symbol and venue, and only values the columns keep. */
public abstract class ConfigGuardContract {

    protected abstract Database database();

    private static GridConfig grid(String name) {
        return PersistenceContract.grid(name);
    }

    @Test
    void secondGridOnASymbolIsRefusedNamingTheHolder() {
        var configs = database().configs();
        long holder = configs.create(grid("holder"), 0);
        database().runtime().saveStatus(holder, GridStatus.RUNNING, "d1", 1);

        assertThatThrownBy(() -> configs.create(grid("second"), 2)).isInstanceOf(ConfigGuardException.class)
                .hasMessageContaining("BTCUSDT on simulated is held by grid 'holder'");
        assertThat(configs.find("second")).isEmpty();
        assertThat(configs.holderOfSymbol("simulated", "BTCUSDT", null)).contains("holder");
        assertThat(configs.holderOfSymbol("simulated", "BTCUSDT", holder)).as("a grid does not hold against itself").isEmpty();
        assertThat(configs.holderOfSymbol("binance", "BTCUSDT", null)).as("another venue").isEmpty();
        SymbolRules eth = new SymbolRules("ETHUSDT", new BigDecimal("0.01"), new BigDecimal("0.001"),
                new BigDecimal("0.001"), new BigDecimal("5"), 200);
        configs.create(grid("eth").toBuilder().rules(eth).band(new BigDecimal("1500"), new BigDecimal("1700")).build(), 3);

        for (GridStatus live : List.of(GridStatus.INITIALIZING, GridStatus.PAUSED)) {
            database().runtime().saveStatus(holder, live, "d1", 4);
            assertThat(configs.holderOfSymbol("simulated", "BTCUSDT", null)).as(live.name()).contains("holder");
        }
        database().runtime().saveStatus(holder, GridStatus.STOPPED, "d1", 5);
        assertThat(configs.holderOfSymbol("simulated", "BTCUSDT", null)).as("stopped and flat").isEmpty();
    }

    private static GridConfig hedge(String name, GridMode mode) {
        return grid(name).toBuilder().mode(mode).positionMode(PositionMode.HEDGE).protectiveStop(false).build();
    }

    private long running(GridConfig config) {
        long id = database().configs().create(config, 0);
        database().runtime().saveStatus(id, GridStatus.RUNNING, "d1", 1);
        return id;
    }

    /** Issue 16: in hedge mode a LONG grid and a SHORT grid share an account's symbol, each owning its leg. */
    @Test
    void aLongAndAShortHedgeGridShareASymbolButTwoGridsOnOneLegDoNot() {
        var configs = database().configs();
        running(hedge("long", GridMode.LONG));

        long shortGrid = configs.create(hedge("short", GridMode.SHORT), 2);
        assertThat(configs.holderAgainst(hedge("short", GridMode.SHORT), shortGrid)).isEmpty();
        database().runtime().saveStatus(shortGrid, GridStatus.RUNNING, "d1", 3);

        assertThatThrownBy(() -> configs.create(hedge("long2", GridMode.LONG), 4))
                .isInstanceOf(ConfigGuardException.class).hasMessageContaining("held by grid 'long'")
                .hasMessageContaining("two grids on the same leg are refused");
        assertThatThrownBy(() -> configs.create(hedge("short2", GridMode.SHORT), 4))
                .hasMessageContaining("held by grid 'short'");
        assertThat(configs.holderAgainst(hedge("both", GridMode.NEUTRAL), null)).as("a neutral grid owns both legs")
                .contains("long");
        assertThat(configs.holderAgainst(grid("oneway").toBuilder().mode(GridMode.SHORT).build(), null))
                .as("a one-way grid shares with nobody").contains("long");
        assertThat(configs.holderAgainst(hedge("elsewhere", GridMode.LONG).toBuilder().exchange("binance").build(),
                null)).isEmpty();
    }

    @Test
    void aNeutralHedgeGridOwnsBothLegsAndExcludesAnyOtherGrid() {
        var configs = database().configs();
        running(hedge("both", GridMode.NEUTRAL));

        for (GridMode leg : List.of(GridMode.LONG, GridMode.SHORT, GridMode.NEUTRAL)) {
            assertThatThrownBy(() -> configs.create(hedge("second", leg), 2)).as(leg.name())
                    .isInstanceOf(ConfigGuardException.class).hasMessageContaining("held by grid 'both'")
                    .hasMessageContaining("a NEUTRAL hedge grid owns both legs and excludes any other grid");
        }
        assertThatThrownBy(() -> configs.create(grid("oneway"), 2)).hasMessageContaining("held by grid 'both'");
    }

    @Test
    void aOneWayGridExcludesEveryOtherGridAsBefore() {
        var configs = database().configs();
        running(grid("oneway").toBuilder().mode(GridMode.LONG).build());

        assertThatThrownBy(() -> configs.create(hedge("short", GridMode.SHORT), 2))
                .hasMessageContaining("held by grid 'oneway'")
                .hasMessageContaining("in one-way position mode a venue account keeps one net position per symbol");
        assertThat(configs.holderAgainst(hedge("long", GridMode.LONG), null)).contains("oneway");
        assertThat(configs.holderAgainst(grid("second"), null)).contains("oneway");
    }

    /** A stopped hedge grid whose legs hold as much long as short holds two positions, not none. */
    @Test
    void aStoppedHedgeGridWithLegsThatNetToZeroStillHoldsTheSymbol() {
        var configs = database().configs();
        long both = configs.create(hedge("both", GridMode.NEUTRAL), 0);
        database().fills().append(both, List.of(
                new Fill(100, "gb_b_EB_1_1", "1", "1", ClientOrderId.Kind.ENTRY, Side.BUY, 1, new BigDecimal("62000"),
                        new BigDecimal("0.010"), BigDecimal.ZERO, "USDT", BigDecimal.ZERO),
                new Fill(101, "gb_b_ES_9_1", "2", "2", ClientOrderId.Kind.ENTRY, Side.SELL, 9, new BigDecimal("63000"),
                        new BigDecimal("0.010"), BigDecimal.ZERO, "USDT", BigDecimal.ZERO)));

        assertThat(configs.holderOfSymbol("simulated", "BTCUSDT", null)).contains("both");
        database().fills().append(both, List.of(new Fill(200, "gb_b_XS_1_2", "3", "3", ClientOrderId.Kind.EXIT, Side.SELL,
                1, new BigDecimal("62500"), new BigDecimal("0.010"), BigDecimal.ZERO, "USDT", BigDecimal.ZERO)));
        assertThat(configs.holderOfSymbol("simulated", "BTCUSDT", null)).as("the short leg is open").contains("both");
        database().fills().append(both, List.of(new Fill(300, "gb_b_XB_9_2", "4", "4", ClientOrderId.Kind.EXIT, Side.BUY,
                9, new BigDecimal("62500"), new BigDecimal("0.010"), BigDecimal.ZERO, "USDT", BigDecimal.ZERO)));
        assertThat(configs.holderOfSymbol("simulated", "BTCUSDT", null)).as("both legs flat").isEmpty();
    }

    @Test
    void aStoppedGridWhoseLedgerShowsAPositionOrOpenOrdersStillHoldsTheSymbol() {
        var configs = database().configs();
        long holder = configs.create(grid("holder"), 0);
        Fill sell = new Fill(100, "gb_x_ES_8_1", "77", "5001", ClientOrderId.Kind.ENTRY, Side.SELL, 8,
                new BigDecimal("62105.3"), new BigDecimal("0.010"), BigDecimal.ZERO, "USDT", BigDecimal.ZERO);
        database().fills().append(holder, List.of(sell));
        assertThat(configs.holderOfSymbol("simulated", "BTCUSDT", null)).as("short 0.010").contains("holder");
        Fill buy = new Fill(200, "gb_x_XB_8_2", "78", "5002", ClientOrderId.Kind.EXIT, Side.BUY, 8,
                new BigDecimal("62000"), new BigDecimal("0.01"), BigDecimal.ZERO, "USDT", BigDecimal.ZERO);
        database().fills().append(holder, List.of(buy));
        assertThat(configs.holderOfSymbol("simulated", "BTCUSDT", null)).as("flat again").isEmpty();

        OrderRequest entry = OrderRequest.limit("gb_x_ES_8_3", "BTCUSDT", Side.SELL, new BigDecimal("62105.3"),
                new BigDecimal("0.010"), TimeInForce.GTC, false, PositionSide.BOTH);
        database().orderIntents().placed(holder, entry, Intent.ENTRY, 8, -1, 300);
        assertThat(configs.holderOfSymbol("simulated", "BTCUSDT", null)).as("an open order").contains("holder");
        assertThatThrownBy(() -> configs.create(grid("second"), 2)).hasMessageContaining("'holder'");
        database().orderIntents().update(holder, "gb_x_ES_8_3", "79", OrderStatus.CANCELED, BigDecimal.ZERO, 400);
        assertThat(configs.holderOfSymbol("simulated", "BTCUSDT", null)).isEmpty();
        configs.create(grid("second"), 5);
    }

    @Test
    void aGridWhoseVenueIsGoneHoldsTheSymbolOnlyWhileItRuns() {
        var configs = database().configs();
        long demo = configs.create(grid("demo"), 0);
        database().fills().append(demo, List.of(new Fill(100, "gb_x_ES_8_1", "77", "5001", ClientOrderId.Kind.ENTRY,
                Side.SELL, 8, new BigDecimal("62105.3"), new BigDecimal("0.010"), BigDecimal.ZERO, "USDT", BigDecimal.ZERO)));
        assertThat(configs.holderOfSymbol("simulated", "BTCUSDT", null)).contains("demo");

        configs.venueGone(demo);
        assertThat(configs.holderOfSymbol("simulated", "BTCUSDT", null)).isEmpty();
        database().runtime().saveStatus(demo, GridStatus.RUNNING, "d1", 1);
        assertThat(configs.holderOfSymbol("simulated", "BTCUSDT", null)).as("running again").contains("demo");
        database().runtime().saveStatus(demo, GridStatus.STOPPED, "d1", 2);
        configs.update(grid("demo"), 3);
        assertThat(configs.holderOfSymbol("simulated", "BTCUSDT", null)).as("stored again: its ledger counts")
                .contains("demo");
    }

    @Test
    void valuesTheColumnsCannotKeepAreRefusedBeforeAnythingIsStored() {
        var configs = database().configs();
        GridConfig tinyStep = grid("g").toBuilder().rules(new SymbolRules("BTCUSDT", new BigDecimal("0.1"),
                new BigDecimal("0.0000000000000000001"), BigDecimal.ZERO, BigDecimal.ZERO, 200)).build();
        assertThatThrownBy(() -> configs.create(tinyStep, 0)).isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("qtyStep: has 19 decimals");
        GridConfig huge = grid("g").toBuilder().band(new BigDecimal("60000"), new BigDecimal("1.0e+999999999")).build();
        assertThatThrownBy(() -> configs.create(huge, 0)).hasMessageContaining("upperPrice: is too large");
        GridConfig longSymbol = grid("g").toBuilder().rules(new SymbolRules("X".repeat(33), new BigDecimal("0.1"),
                new BigDecimal("0.001"), BigDecimal.ZERO, BigDecimal.ZERO, 200)).build();
        assertThatThrownBy(() -> configs.create(longSymbol, 0)).hasMessageContaining("symbol: is 33 characters");
        assertThat(configs.list()).isEmpty();

        configs.create(grid("g"), 0);
        assertThatThrownBy(() -> configs.update(tinyStep, 1)).hasMessageContaining("qtyStep");
        assertThat(configs.find("g").orElseThrow().config().rules().stepSize()).isEqualByComparingTo("0.001");
    }

    @Test
    void theColumnTableAgreesWithTheSchema() {
        boolean h2 = database().dialect() == SQLDialect.H2;
        List<Record> columns = database().dsl().fetch("SELECT column_name, data_type, numeric_precision, numeric_scale, "
                + "character_maximum_length FROM information_schema.columns WHERE LOWER(table_name) = 'grid_config' "
                + "AND " + (h2 ? "LOWER(table_schema) = 'public'" : "table_schema = DATABASE()"));
        Map<String, Record> byName = new HashMap<>();
        columns.forEach(r -> byName.put(r.get(0, String.class).toLowerCase(Locale.ROOT), r));
        for (ConfigColumns.Decimal d : ConfigColumns.Decimal.values()) {
            Record r = byName.get(d.column());
            assertThat(r).as(d.column()).isNotNull();
            assertThat(r.get(2, Integer.class)).as(d.column() + " precision").isEqualTo(d.precision());
            assertThat(r.get(3, Integer.class)).as(d.column() + " scale").isEqualTo(d.scale());
        }
        for (ConfigColumns.Text t : ConfigColumns.Text.values()) {
            assertThat(byName.get(t.column()).get(4, Integer.class)).as(t.column() + " length").isEqualTo(t.length());
        }
        List<String> decimalColumns = columns.stream()
                .filter(r -> r.get(1, String.class).toUpperCase(Locale.ROOT).matches("DECIMAL|NUMERIC"))
                .map(r -> r.get(0, String.class).toLowerCase(Locale.ROOT)).toList();
        assertThat(decimalColumns).as("every decimal column is in the table")
                .containsExactlyInAnyOrderElementsOf(java.util.Arrays.stream(ConfigColumns.Decimal.values())
                        .map(ConfigColumns.Decimal::column).toList());
    }
}
