package io.gridbot.exchange.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.fault.ExchangeErrorKind;
import io.gridbot.core.market.SymbolRules;
import io.gridbot.core.order.OrderRequest;
import io.gridbot.core.order.OrderStatus;
import io.gridbot.core.order.PositionSide;
import io.gridbot.core.order.Side;
import io.gridbot.core.order.StopTrigger;
import io.gridbot.core.order.TimeInForce;
import io.gridbot.exchange.ExchangeAdapter;
import io.gridbot.exchange.ExchangeException;
import io.gridbot.exchange.stream.OrderEvent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Issue 12's safety net for the simulator split: the split simulator and a copy of the one before it, driven in
 * lockstep through random scenarios (orders of every kind, trades, funding, drops, every fault, listeners that
 * call back), answer every call and publish every event identically. Delete with the legacy copy.
 */
class SimulatorDifferentialTest {

    static final int SCENARIOS = 600;
    static final int STEPS = 250;
    static final SymbolRules BTC = new SymbolRules("BTCUSDT", new BigDecimal("0.1"), new BigDecimal("0.001"),
            new BigDecimal("0.001"), new BigDecimal("100"), 40);
    static final SymbolRules ETH = new SymbolRules("ETHUSDT", new BigDecimal("0.01"), new BigDecimal("0.01"),
            new BigDecimal("0.05"), new BigDecimal("20"), 4);

    /** What the scenarios must reach for the comparison to mean something. */
    static final List<String> MARKERS = List.of("status=FILLED", "status=PARTIALLY_FILLED", "status=EXPIRED",
            "status=CANCELED", "[-4116]", "[-2025]", "[-1111]", "[-4014]", "[-4003]", "[-4164]", "[-2022]", "[-5022]",
            "[-2019]", "[-2011]", "[-2013]", "[-1003]", "[-1015]", "[SIM]", "RECONNECTING", "GAVE_UP", "state=CONNECTED",
            "FUNDING_FEE", "callback cancelAll -> ok", "type=STOP_MARKET, status=FILLED");

    /** One simulator under test, behind the same hands. */
    interface Hands {
        ExchangeAdapter adapter();

        SimFaults faults();

        void trade(String symbol, BigDecimal price, BigDecimal qty, long atMs);

        void advanceTo(long atMs);

        void settleFunding(String symbol, BigDecimal rate, long atMs);

        void dropStreams();

        /** The venue's state as its state file would hold it. */
        List<String> state();

        /** Loads a state file's lines. */
        void load(List<String> lines);
    }

    static Hands current(SimClock clock) {
        SimulatedExchange x = new SimulatedExchange(clock, SimSettings.defaults()).list(BTC, new BigDecimal("26000.0"))
                .list(ETH, new BigDecimal("1800.00"));
        return new Hands() {
            public ExchangeAdapter adapter() { return x; }
            public SimFaults faults() { return x.faults(); }
            public void trade(String s, BigDecimal p, BigDecimal q, long t) { x.trade(s, p, q, t); }
            public void advanceTo(long t) { x.advanceTo(t); }
            public void settleFunding(String s, BigDecimal r, long t) { x.settleFunding(s, r, t); }
            public void dropStreams() { x.dropStreams(); }
            public List<String> state() { return SimState.write(x.desk); }
            public void load(List<String> lines) { SimState.read(x.desk, lines); }
        };
    }

    static Hands legacy(SimClock clock) {
        LegacySimulatedExchange x = new LegacySimulatedExchange(clock, SimSettings.defaults())
                .list(BTC, new BigDecimal("26000.0")).list(ETH, new BigDecimal("1800.00"));
        return new Hands() {
            public ExchangeAdapter adapter() { return x; }
            public SimFaults faults() { return x.faults(); }
            public void trade(String s, BigDecimal p, BigDecimal q, long t) { x.trade(s, p, q, t); }
            public void advanceTo(long t) { x.advanceTo(t); }
            public void settleFunding(String s, BigDecimal r, long t) { x.settleFunding(s, r, t); }
            public void dropStreams() { x.dropStreams(); }
            public List<String> state() { return LegacySimState.write(x); }
            public void load(List<String> lines) { LegacySimState.read(x, lines); }
        };
    }

    @Test
    void theSplitSimulatorAnswersAndPublishesExactlyAsTheOneBeforeIt() {
        long events = 0;
        int restoredScenarios = 0;
        java.util.Map<String, Integer> reached = new java.util.TreeMap<>();
        for (long seed = 0; seed < SCENARIOS; seed++) {
            List<String> a = run(current(new SimClock(1_000)), seed);
            List<String> b = run(legacy(new SimClock(1_000)), seed);
            assertThat(a).as("scenario %d", seed).isEqualTo(b);
            // the state file: what the old simulator wrote, the new one reads and writes back unchanged
            List<String> written = a.subList(a.indexOf("state") + 1, a.size());
            Hands restored = current(new SimClock(0));
            restored.load(written);
            assertThat(restored.state()).as("state of scenario %d read back", seed).isEqualTo(written);
            if (seed % 3 == 0) {
                // and a venue restored from it, old and new, goes on identically
                Hands restoredLegacy = legacy(new SimClock(0));
                restoredLegacy.load(written);
                assertThat(run(restored, seed + 1_000_000)).as("restored scenario %d", seed)
                        .isEqualTo(run(restoredLegacy, seed + 1_000_000));
                restoredScenarios++;
            }
            events += a.size();
            for (String line : a) {
                for (String marker : MARKERS) {
                    if (line.contains(marker)) {
                        reached.merge(marker, 1, Integer::sum);
                    }
                }
            }
        }
        System.out.println("differential: reached " + reached);
        assertThat(reached.keySet()).as("what the scenarios reach").containsExactlyInAnyOrder(MARKERS.toArray(String[]::new));
        System.out.println("differential: " + SCENARIOS + " scenarios (" + restoredScenarios + " more from restored state), "
                + events + " observations identical");
    }

    private static List<String> run(Hands h, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<String> seen = new ArrayList<>();
        ExchangeAdapter x = h.adapter();
        Consumer<Object> log = e -> seen.add("event " + e);
        x.watchOrders(log::accept);
        x.watchAccount(log::accept);
        x.watchHealth(log::accept);
        x.watchTicker("BTCUSDT", log::accept);
        x.watchTicker("ETHUSDT", log::accept);
        // a listener that calls back: a fill of an order ending in 7 cancels every open order of the symbol
        x.watchOrders((OrderEvent e) -> {
            if (e.status() == OrderStatus.FILLED && e.clientOrderId().endsWith("7")) {
                call(seen, "callback cancelAll", () -> x.cancelAllOrders(e.symbol()));
            }
        });
        long now = 1_000;
        BigDecimal[] last = {new BigDecimal("26000.0"), new BigDecimal("1800.00")};
        int ids = 0;
        for (int step = 0; step < STEPS; step++) {
            int which = r.nextInt(2);
            String symbol = which == 0 ? "BTCUSDT" : "ETHUSDT";
            SymbolRules rules = which == 0 ? BTC : ETH;
            BigDecimal tick = rules.tickSize();
            Side side = r.nextBoolean() ? Side.BUY : Side.SELL;
            BigDecimal price = last[which].add(tick.multiply(BigDecimal.valueOf(r.nextInt(-60, 61))));
            if (r.nextInt(20) == 0) {
                price = price.add(tick.divide(BigDecimal.TEN)); // off the tick
            }
            BigDecimal qty = rules.stepSize().multiply(BigDecimal.valueOf(r.nextInt(0, which == 0 ? 40 : 300)
                    * (r.nextInt(40) == 0 ? 1_000 : 1)));
            String id = "o" + (r.nextInt(10) == 0 && ids > 0 ? r.nextInt(ids) : ids++);
            String existing = "o" + (ids == 0 ? 0 : r.nextInt(ids));
            int op = r.nextInt(100);
            String label = step + " " + op + " ";
            if (op < 30) {
                OrderRequest q = OrderRequest.limit(id, symbol, side, price, qty,
                        r.nextInt(4) == 0 ? TimeInForce.GTX : TimeInForce.GTC, r.nextInt(4) == 0, PositionSide.BOTH);
                call(seen, label + q, () -> x.createOrder(q));
            } else if (op < 34) {
                OrderRequest q = OrderRequest.marketClose(id, symbol, side, qty, PositionSide.BOTH);
                OrderRequest market = r.nextBoolean() ? q : new OrderRequest(id, symbol, side,
                        io.gridbot.core.order.OrderType.MARKET, null, null, qty, null, false, false, PositionSide.BOTH, null);
                call(seen, label + market, () -> x.createOrder(market));
            } else if (op < 38) {
                OrderRequest q = OrderRequest.protectiveStop(id, symbol, side, price, PositionSide.BOTH, StopTrigger.LAST);
                call(seen, label + q, () -> x.createOrder(q));
            } else if (op < 46) {
                call(seen, label + "cancel " + existing, () -> x.cancelOrder(symbol, existing));
            } else if (op < 48) {
                call(seen, label + "cancelStop " + existing, () -> x.cancelProtectiveStop(symbol, existing));
            } else if (op < 49) {
                call(seen, label + "cancelAll", () -> x.cancelAllOrders(symbol));
            } else if (op < 72) {
                now += r.nextInt(0, 3_000);
                last[which] = price.max(tick);
                BigDecimal volume = r.nextInt(3) == 0 ? null : qty;
                seen.add(label + "trade " + symbol + " " + last[which] + " " + volume + " " + now);
                h.trade(symbol, last[which], volume, r.nextInt(15) == 0 ? now - 5_000 : now);
            } else if (op < 75) {
                now += r.nextInt(0, 20_000);
                seen.add(label + "advance " + now);
                h.advanceTo(now);
            } else if (op < 77) {
                BigDecimal rate = new BigDecimal(r.nextInt(-20, 21)).movePointLeft(5);
                seen.add(label + "funding " + rate);
                h.settleFunding(symbol, rate, now);
            } else if (op < 79) {
                seen.add(label + "drop");
                h.dropStreams();
            } else if (op < 90) {
                fault(h.faults(), r, now);
                seen.add(label + "fault");
            } else {
                long from = now - 10_000;
                call(seen, label + "reads", () -> {
                    seen.add("open " + x.openOrders(symbol));
                    seen.add("position " + x.position(symbol));
                    seen.add("balances " + x.balances());
                    seen.add("trades " + x.trades(symbol, from));
                    seen.add("query " + x.queryOrder(symbol, existing));
                });
            }
            call(seen, "balances", () -> x.balances());
        }
        for (String s : List.of("BTCUSDT", "ETHUSDT")) {
            call(seen, "final " + s, () -> {
                seen.add("open " + x.openOrders(s));
                seen.add("position " + x.position(s));
                seen.add("trades " + x.trades(s, 0));
            });
        }
        seen.add("state");
        seen.addAll(h.state());
        return seen;
    }

    private static void fault(SimFaults f, SplittableRandom r, long now) {
        ExchangeErrorKind[] kinds = ExchangeErrorKind.values();
        switch (r.nextInt(8)) {
            case 0 -> f.rejectNextCreates(r.nextInt(1, 3), kinds[r.nextInt(kinds.length)]);
            case 1 -> f.timeOutNextCreates(1, r.nextBoolean());
            case 2 -> f.orderRateLimit(r.nextInt(1, 5), r.nextInt(1_000, 10_000));
            case 3 -> f.requestWeightLimit(r.nextInt(5, 40), r.nextInt(1_000, 60_000));
            case 4 -> f.perturbEvents(r.nextLong(), r.nextInt(3) / 10.0, r.nextInt(3) / 10.0);
            case 5 -> f.failReconnects(r.nextInt(0, 4));
            case 6 -> f.stallStreamsUntil(now + r.nextInt(0, 10_000));
            default -> f.orderRateLimit(0, 0);
        }
    }

    @FunctionalInterface
    interface Call {
        Object run() throws ExchangeException;
    }

    @FunctionalInterface
    interface VoidCall {
        void run() throws ExchangeException;
    }

    private static void call(List<String> seen, String what, VoidCall call) {
        try {
            call.run();
            seen.add(what + " -> ok");
        } catch (ExchangeException e) {
            seen.add(what + " -> " + e.getMessage() + " retry " + e.retryAfterMs());
        }
    }

    private static void call(List<String> seen, String what, Call call) {
        try {
            seen.add(what + " -> " + call.run());
        } catch (ExchangeException e) {
            seen.add(what + " -> " + e.getMessage() + " retry " + e.retryAfterMs());
        }
    }
}
