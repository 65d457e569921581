package io.gridbot.exchange.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.order.OrderRequest;
import io.gridbot.core.order.OrderType;
import io.gridbot.core.order.PositionSide;
import io.gridbot.core.order.Side;
import io.gridbot.core.order.StopTrigger;
import io.gridbot.core.order.TimeInForce;
import io.gridbot.exchange.ExchangeException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * A trade the book's edges turn away reaches nothing: a venue whose books ask the {@link BookEdges} first says
 * exactly what one that matches every trade against every entry says (same events in the same order, same
 * answers), whatever the fill model, over random orders, cancels, stops and trades.
 */
class BookEdgesProperties {

    sealed interface Op {
    }

    /** A limit order {@code lines} lines of 10.0 away from 26000, on its side or, negative, across. */
    record Place(Side side, int lines, int qtyLots, boolean postOnly, boolean reduceOnly) implements Op {
    }

    record Cancel(int which) implements Op {
    }

    record Stop(Side side, int lines) implements Op {
    }

    record CancelStop(int which) implements Op {
    }

    record Market(Side side, int qtyLots) implements Op {
    }

    /** A trade at 26000 plus {@code halfLines} times 5.0 (so on a line or between two), or one tick off. */
    record Print(int halfLines, boolean tickOff, boolean twoDecimals, Integer qtyLots, Side aggressor, int gapMs)
            implements Op {
    }

    private static Arbitrary<Side> side() {
        return Arbitraries.of(Side.BUY, Side.SELL);
    }

    @Provide
    Arbitrary<List<Op>> session() {
        Arbitrary<Op> place = Combinators.combine(side(), Arbitraries.integers().between(-2, 8),
                Arbitraries.integers().between(1, 30), Arbitraries.of(false, false, false, true),
                Arbitraries.of(false, false, false, true)).as(Place::new);
        Arbitrary<Op> cancel = Arbitraries.integers().between(0, 60).map(Cancel::new);
        Arbitrary<Op> stop = Combinators.combine(side(), Arbitraries.integers().between(-3, 12)).as(Stop::new);
        Arbitrary<Op> cancelStop = Arbitraries.integers().between(0, 60).map(CancelStop::new);
        Arbitrary<Op> market = Combinators.combine(side(), Arbitraries.integers().between(1, 30)).as(Market::new);
        Arbitrary<Op> print = Combinators.combine(Arbitraries.integers().between(-20, 20), Arbitraries.of(false, false,
                true), Arbitraries.of(false, false, false, true), Arbitraries.integers().between(1, 40).injectNull(0.2),
                side().injectNull(0.3), Arbitraries.integers().between(0, 30_000)).as(Print::new);
        return Arbitraries.frequencyOf(Tuple.of(25, place), Tuple.of(6, cancel), Tuple.of(4, stop),
                Tuple.of(2, cancelStop), Tuple.of(2, market), Tuple.of(60, print)).list().ofMinSize(1).ofMaxSize(150);
    }

    /** Also: the margin the book keeps as orders rest, fill and leave is always the sum counted afresh. */
    @Property(tries = 600)
    void screenedBooksSayWhatTheFullMatchingSays(@ForAll FillModel model, @ForAll("session") List<Op> session) {
        Venue screened = new Venue(model, true);
        Venue scanning = new Venue(model, false);
        for (Op op : session) {
            screened.apply(op);
            scanning.apply(op);
            assertThat(screened.log).as("after %s", op).isEqualTo(scanning.log);
            OrderBook book = screened.sim.desk.books.get("BTCUSDT");
            assertThat(book.orderMargin()).as("margin kept after %s", op).isEqualByComparingTo(book.recountedOrderMargin());
        }
        screened.end();
        scanning.end();
        assertThat(screened.log).isEqualTo(scanning.log);
    }

    /** One venue and everything it said: events from every stream, answers and refusals, in order. */
    private static final class Venue {

        final SimulatedExchange sim;
        final List<Object> log = new ArrayList<>();
        private final List<String> orders = new ArrayList<>();
        private final List<String> stops = new ArrayList<>();
        private long now = 0;
        private int next = 0;

        Venue(FillModel model, boolean screened) {
            sim = new SimulatedExchange(new SimClock(0), SimSettings.defaults().withFillModel(model))
                    .list(SimulatedExchangeContractTest.BTC, new BigDecimal("26000.0"));
            sim.desk.books.get("BTCUSDT").screened = screened;
            sim.watchTicker("BTCUSDT", log::add);
            sim.watchOrders(log::add);
            sim.watchAccount(log::add);
            sim.margin().watchLiquidations(log::add);
        }

        void apply(Op op) {
            try {
                switch (op) {
                    case Place p -> {
                        String id = "o" + next++;
                        orders.add(id);
                        int sign = p.side() == Side.BUY ? -1 : 1;
                        BigDecimal price = BigDecimal.valueOf(260_000 + sign * 100L * p.lines(), 1);
                        log.add(sim.createOrder(OrderRequest.limit(id, "BTCUSDT", p.side(), price, lots(p.qtyLots()),
                                p.postOnly() ? TimeInForce.GTX : TimeInForce.GTC, p.reduceOnly(), PositionSide.BOTH)));
                    }
                    case Cancel c -> sim.cancelOrder("BTCUSDT", orders.isEmpty() ? "none"
                            : orders.get(c.which() % orders.size()));
                    case Stop s -> {
                        String id = "s" + next++;
                        stops.add(id);
                        int sign = s.side() == Side.BUY ? 1 : -1;
                        log.add(sim.placeProtectiveStop(OrderRequest.protectiveStop(id, "BTCUSDT", s.side(),
                                BigDecimal.valueOf(260_000 + sign * 100L * s.lines(), 1), PositionSide.BOTH,
                                StopTrigger.LAST)));
                    }
                    case CancelStop c -> sim.cancelProtectiveStop("BTCUSDT", stops.isEmpty() ? "none"
                            : stops.get(c.which() % stops.size()));
                    case Market m -> log.add(sim.createOrder(new OrderRequest("m" + next++, "BTCUSDT", m.side(),
                            OrderType.MARKET, null, null, lots(m.qtyLots()), null, false, false, PositionSide.BOTH,
                            null)));
                    case Print t -> {
                        BigDecimal price = BigDecimal.valueOf(260_000 + 50L * t.halfLines() + (t.tickOff() ? 1 : 0), 1);
                        now += t.gapMs();
                        sim.trade("BTCUSDT", t.twoDecimals() ? price.setScale(2) : price,
                                t.qtyLots() == null ? null : lots(t.qtyLots()), t.aggressor(), now);
                    }
                }
            } catch (ExchangeException e) {
                log.add(e.kind() + " " + e.venueCode() + " " + e.venueMessage());
            }
        }

        /** What is left: the open orders, the position, the balance and every order's state. */
        void end() {
            log.add(sim.balances());
            try {
                log.add(sim.openOrders("BTCUSDT"));
                log.add(sim.position("BTCUSDT"));
            } catch (ExchangeException e) {
                log.add(e.kind() + " " + e.venueCode() + " " + e.venueMessage());
            }
            for (String id : orders) {
                try {
                    log.add(sim.queryOrder("BTCUSDT", id));
                } catch (ExchangeException e) {
                    log.add(id + " " + e.kind()); // refused when it was placed
                }
            }
        }

        private static BigDecimal lots(int n) {
            return BigDecimal.valueOf(n, 3);
        }
    }
}
