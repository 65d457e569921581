package io.gridbot.exchange.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.order.OrderRequest;
import io.gridbot.core.order.PositionSide;
import io.gridbot.core.order.Side;
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

/** Issue 15, partial fills follow the traded volume: in every fill model a trade fills at most its volume. */
class FillVolumeProperties {

    record Rest(Side side, BigDecimal price, BigDecimal qty) {
    }

    record Print(BigDecimal price, BigDecimal qty, Side aggressor) {
    }

    /** Prices on a coarse grid of 10.0 so that trades often land exactly on an order's price. */
    private static Arbitrary<BigDecimal> price(int lowTens, int highTens) {
        return Arbitraries.integers().between(lowTens, highTens).map(t -> BigDecimal.valueOf(t * 100L, 1));
    }

    private static Arbitrary<BigDecimal> qty() {
        return Arbitraries.integers().between(1, 50).map(n -> BigDecimal.valueOf(n, 3));
    }

    @Provide
    Arbitrary<List<Rest>> book() {
        Arbitrary<Rest> buy = Combinators.combine(price(2580, 2599), qty()).as((p, q) -> new Rest(Side.BUY, p, q));
        Arbitrary<Rest> sell = Combinators.combine(price(2601, 2620), qty()).as((p, q) -> new Rest(Side.SELL, p, q));
        return Arbitraries.oneOf(buy, sell).list().ofMaxSize(12);
    }

    @Provide
    Arbitrary<List<Print>> tape() {
        Arbitrary<Side> aggressor = Arbitraries.of(Side.BUY, Side.SELL).injectNull(0.3);
        return Combinators.combine(price(2575, 2625), qty(), aggressor).as(Print::new).list().ofMinSize(1).ofMaxSize(30);
    }

    @Property(tries = 300)
    void aTradeNeverFillsMoreThanItsVolumeNorAnOrderBeyondItsQuantity(@ForAll FillModel model,
            @ForAll("book") List<Rest> book, @ForAll("tape") List<Print> tape) throws ExchangeException {
        SimulatedExchange sim = new SimulatedExchange(new SimClock(0), SimSettings.defaults().withFillModel(model))
                .list(SimulatedExchangeContractTest.BTC, new BigDecimal("26000.0"));
        List<String> ids = new ArrayList<>();
        for (Rest r : book) {
            String id = "o" + ids.size();
            sim.createOrder(OrderRequest.limit(id, "BTCUSDT", r.side(), r.price(), r.qty(), TimeInForce.GTC, false,
                    PositionSide.BOTH));
            ids.add(id);
        }
        long at = 0;
        BigDecimal before = filled(sim, ids);
        for (Print p : tape) {
            sim.trade("BTCUSDT", p.price(), p.qty(), p.aggressor(), at += 1_000);
            BigDecimal after = filled(sim, ids);
            assertThat(after.subtract(before)).as("filled by a trade of %s", p.qty()).isLessThanOrEqualTo(p.qty());
            before = after;
        }
        for (int i = 0; i < ids.size(); i++) {
            assertThat(sim.queryOrder("BTCUSDT", ids.get(i)).cumFilledQty()).isLessThanOrEqualTo(book.get(i).qty());
        }
    }

    private static BigDecimal filled(SimulatedExchange sim, List<String> ids) throws ExchangeException {
        BigDecimal sum = BigDecimal.ZERO;
        for (String id : ids) {
            sum = sum.add(sim.queryOrder("BTCUSDT", id).cumFilledQty());
        }
        return sum;
    }
}
