package io.gridbot.runner.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.config.GridConfig;
import io.gridbot.core.config.GridMode;
import io.gridbot.core.config.PositionMode;
import io.gridbot.core.fault.ExchangeErrorKind;
import io.gridbot.core.market.SymbolRules;
import io.gridbot.core.order.ClientOrderId;
import io.gridbot.core.order.Fill;
import io.gridbot.core.order.OrderRequest;
import io.gridbot.core.order.OrderType;
import io.gridbot.core.order.PositionSide;
import io.gridbot.core.order.Side;
import io.gridbot.exchange.replay.PriceSeries;
import io.gridbot.exchange.sim.SimSettings;
import io.gridbot.runner.testing.VenueTruth;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 16: a grid in hedge mode replays on a simulated account in hedge mode. Its long lines hold the long leg
 * and its short lines the short leg, every exit closes what its own leg holds, and the ledger adds up to the
 * venue's legs.
 */
class ReplayHedgeModeTest {

    static final SymbolRules LINK = new SymbolRules("LINKUSDT", new BigDecimal("0.001"), new BigDecimal("0.01"),
            new BigDecimal("0.01"), new BigDecimal("5"), 200);

    /** {@code GridYaml.neutralLink}'s grid, in hedge mode or another direction. */
    static GridConfig linkGrid(GridMode mode, PositionMode positionMode) {
        return GridConfig.builder("link_hedge", LINK).mode(mode).band(new BigDecimal("6.700"), new BigDecimal("7.400"))
                .levels(36).orderQty(new BigDecimal("1.00")).maxPosition(new BigDecimal("8.00"))
                .stopLossBufferPct(new BigDecimal("3")).positionMode(positionMode).build();
    }

    /** Prices in thousandths, one trade a second from {@code t0}, of a large enough size to fill any grid order. */
    static PriceSeries series(long t0, List<Long> milli) {
        return Trades.everySecond(t0, milli, new BigDecimal("1000"));
    }

    /** From 7.050 down to 6.780, up to 7.320 and back to 7.050, in steps of 0.004. */
    static List<Long> downAndUp() {
        List<Long> p = new ArrayList<>();
        for (long x = 7_050; x >= 6_780; x -= 4) {
            p.add(x);
        }
        for (long x = 6_780; x <= 7_320; x += 4) {
            p.add(x);
        }
        for (long x = 7_320; x >= 7_050; x -= 4) {
            p.add(x);
        }
        return p;
    }

    /** The signed quantity the ledger books on one leg. */
    static BigDecimal booked(List<Fill> fills, PositionSide leg) {
        return fills.stream().filter(f -> f.leg() == leg).map(f -> f.side() == Side.BUY ? f.qty() : f.qty().negate())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Test
    void aNeutralHedgeGridTradesBothLegsAndNoExitIsRefused() throws Exception {
        GridConfig grid = linkGrid(GridMode.NEUTRAL, PositionMode.HEDGE);
        RecordingAdapter[] venue = new RecordingAdapter[1];
        ReplaySession.Result r = new ReplaySession(grid, SimSettings.defaults(),
                v -> venue[0] = new RecordingAdapter(v)).run(series(1_675_209_600_000L, downAndUp()), 1_000, (n, at) -> { });

        RecordingAdapter v = venue[0];
        assertThat(v.positionMode()).isEqualTo(PositionMode.HEDGE);
        List<OrderRequest> limits = v.sent.stream().filter(q -> q.type() == OrderType.LIMIT).toList();
        assertThat(limits).isNotEmpty().allSatisfy(q -> {
            ClientOrderId.Parsed id = ClientOrderId.parse(q.clientOrderId()).orElseThrow();
            boolean longLine = (q.side() == Side.BUY) == (id.kind() == ClientOrderId.Kind.ENTRY);
            assertThat(q.positionSide()).as(q.clientOrderId()).isEqualTo(longLine ? PositionSide.LONG : PositionSide.SHORT);
            assertThat(q.reduceOnly()).as("no reduce-only flag in hedge mode: " + q.clientOrderId()).isFalse();
        });
        assertThat(limits).anyMatch(q -> q.positionSide() == PositionSide.LONG)
                .anyMatch(q -> q.positionSide() == PositionSide.SHORT);
        assertThat(v.refused).as("refusals").noneMatch(x -> x.refusal().kind() == ExchangeErrorKind.REDUCE_ONLY_REJECTED);
        assertThat(v.refused).as("refusals").isEmpty();

        List<Fill> fills = r.journal().fills();
        // both directions traded: entries and exits on either leg
        for (PositionSide leg : List.of(PositionSide.LONG, PositionSide.SHORT)) {
            assertThat(fills).as(leg + " exits").anyMatch(f -> f.leg() == leg && f.kind() == ClientOrderId.Kind.EXIT);
        }
        Map<PositionSide, BigDecimal> held = v.legs(grid.symbol());
        assertThat(held.get(PositionSide.BOTH)).isEqualByComparingTo("0");
        assertThat(held.get(PositionSide.LONG)).isEqualByComparingTo(booked(fills, PositionSide.LONG));
        assertThat(held.get(PositionSide.SHORT)).isEqualByComparingTo(booked(fills, PositionSide.SHORT));
        assertThat(r.view().legs().longLeg()).isEqualByComparingTo(held.get(PositionSide.LONG));
        assertThat(r.view().legs().shortLeg()).isEqualByComparingTo(held.get(PositionSide.SHORT));

        var trades = v.trades(grid.symbol(), 0);
        assertThat(VenueTruth.ledgerAgainstVenue(fills, trades)).isEmpty();
        assertThat(VenueTruth.realizedPnl(trades, fills, r.view().ladder())).isEmpty();
        assertThat(r.statistics().totalTrades()).isEqualTo(fills.size());
        assertThat(r.statistics().currentPosition()).isEqualByComparingTo(held.get(PositionSide.LONG)
                .add(held.get(PositionSide.SHORT)));
    }
}
