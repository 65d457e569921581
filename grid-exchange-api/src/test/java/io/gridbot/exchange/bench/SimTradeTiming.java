package io.gridbot.exchange.bench;

import io.gridbot.core.market.SymbolRules;
import io.gridbot.core.order.OrderRequest;
import io.gridbot.core.order.OrderType;
import io.gridbot.core.order.PositionSide;
import io.gridbot.core.order.Side;
import io.gridbot.core.order.TimeInForce;
import io.gridbot.exchange.sim.FillModel;
import io.gridbot.exchange.sim.SimClock;
import io.gridbot.exchange.sim.SimSettings;
import io.gridbot.exchange.sim.SimulatedExchange;
import java.math.BigDecimal;
import java.util.SplittableRandom;

/**
 * A timing harness, not a test: what the simulated exchange spends on a market trade that reaches no order,
 * the commonest trade of a candle replay. BTCUSDT with 30 buys and 30 sells resting 10.0 apart around 26000,
 * a ticker, an order and an account listener subscribed (as the grid engine does), flat or holding a long
 * position; then 5 M trades (after 1 M to warm up) at prices strictly between the best bid and the best ask,
 * 15 s apart. Prints nanoseconds per trade for each fill model, three rounds.
 *
 * <pre>
 * ./mvnw -o -q -pl grid-exchange-api -am test-compile -Djacoco.skip=true
 * java -cp grid-core/target/classes:grid-exchange-api/target/classes:grid-exchange-api/target/test-classes \
 *     io.gridbot.exchange.bench.SimTradeTiming [trades] [TOUCH|THROUGH|QUEUE]
 * </pre>
 */
public final class SimTradeTiming {

    private static final SymbolRules BTC = new SymbolRules("BTCUSDT", new BigDecimal("0.1"), new BigDecimal("0.001"),
            new BigDecimal("0.001"), new BigDecimal("5"), 200);

    private SimTradeTiming() {
    }

    public static void main(String[] args) throws Exception {
        int trades = args.length > 0 ? Integer.parseInt(args[0]) : 5_000_000;
        FillModel[] models = args.length > 1 ? new FillModel[] {FillModel.valueOf(args[1])} : FillModel.values();
        for (int round = 0; round < 3; round++) {
            for (FillModel model : models) {
                for (boolean holding : new boolean[] {false, true}) {
                    System.out.printf("%-7s %-4s round %d: %6.1f ns/trade%n", model, holding ? "long" : "flat", round,
                            nanosPerTrade(model, holding, trades));
                }
            }
        }
    }

    private static double nanosPerTrade(FillModel model, boolean holding, int trades) throws Exception {
        SimulatedExchange sim = new SimulatedExchange(new SimClock(0), SimSettings.defaults().withFillModel(model)
                .withInitialBalance(new BigDecimal("1000000"))).list(BTC, new BigDecimal("26000.0"));
        long[] delivered = new long[1];
        sim.watchTicker("BTCUSDT", e -> delivered[0]++);
        sim.watchOrders(e -> delivered[0]++);
        sim.watchAccount(e -> delivered[0]++);
        if (holding) { // a grid mostly holds a position, which the liquidation check looks at on every trade
            sim.createOrder(new OrderRequest("long", "BTCUSDT", Side.BUY, OrderType.MARKET, null, null,
                    new BigDecimal("0.050"), null, false, false, PositionSide.BOTH, null));
        }
        for (int i = 1; i <= 30; i++) {
            sim.createOrder(OrderRequest.limit("b" + i, "BTCUSDT", Side.BUY, BigDecimal.valueOf(260_000 - 100L * i, 1),
                    new BigDecimal("0.010"), TimeInForce.GTC, false, PositionSide.BOTH));
            sim.createOrder(OrderRequest.limit("s" + i, "BTCUSDT", Side.SELL, BigDecimal.valueOf(260_000 + 100L * i, 1),
                    new BigDecimal("0.010"), TimeInForce.GTC, false, PositionSide.BOTH));
        }
        SplittableRandom random = new SplittableRandom(7);
        int n = 4096;
        BigDecimal[] prices = new BigDecimal[n];
        BigDecimal[] qtys = new BigDecimal[n];
        for (int i = 0; i < n; i++) {
            prices[i] = BigDecimal.valueOf(259_901 + random.nextInt(198), 1); // 25990.1 to 26009.8
            qtys[i] = BigDecimal.valueOf(1 + random.nextInt(5000), 3);
        }
        long at = 0;
        for (int i = 0; i < trades / 5; i++) {
            sim.trade("BTCUSDT", prices[i & (n - 1)], qtys[i & (n - 1)], at += 15_000);
        }
        long start = System.nanoTime();
        for (int i = 0; i < trades; i++) {
            sim.trade("BTCUSDT", prices[i & (n - 1)], qtys[i & (n - 1)], at += 15_000);
        }
        long elapsed = System.nanoTime() - start;
        if (sim.openOrders("BTCUSDT").size() != 60 || delivered[0] < trades) {
            throw new IllegalStateException("an order filled, or the ticker was not delivered");
        }
        return (double) elapsed / trades;
    }
}
