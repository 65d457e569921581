package io.gridbot.exchange.sim;

import io.gridbot.core.fault.ExchangeErrorKind;
import io.gridbot.core.market.SymbolRules;
import io.gridbot.exchange.ExchangeAdapter;
import io.gridbot.exchange.contract.ContractVenue;
import io.gridbot.exchange.contract.ExchangeAdapterContract;
import java.math.BigDecimal;

/**
 * The simulator passes the whole adapter contract kit. The kit fills a resting order by trading at its price,
 * as a venue fills the front of the queue, so the simulator runs the {@link FillModel#TOUCH} model here.
 */
class SimulatedExchangeContractTest extends ExchangeAdapterContract {

    static final SymbolRules BTC = new SymbolRules("BTCUSDT", new BigDecimal("0.1"), new BigDecimal("0.001"),
            new BigDecimal("0.001"), new BigDecimal("5"), 200);

    @Override
    protected ContractVenue openVenue() {
        SimClock clock = new SimClock(1_700_000_000_000L);
        SimulatedExchange exchange = new SimulatedExchange(clock, SimSettings.defaults().withFillModel(FillModel.TOUCH)).list(BTC, new BigDecimal("26000.0"));
        return new ContractVenue() {
            private BigDecimal price = new BigDecimal("26000.0");

            @Override
            public ExchangeAdapter adapter() {
                return exchange;
            }

            @Override
            public SymbolRules rules() {
                return BTC;
            }

            @Override
            public BigDecimal price() {
                return price;
            }

            @Override
            public void trade(BigDecimal at, BigDecimal qty) {
                price = at;
                exchange.trade(BTC.symbol(), at, qty, clock.nowMs() + 1);
            }

            @Override
            public void rejectNextCreate(ExchangeErrorKind kind) {
                exchange.faults().rejectNextCreates(1, kind);
            }

            @Override
            public void dropStreams() {
                exchange.dropStreams();
            }

            @Override
            public void advance(long ms) {
                exchange.advanceTo(clock.nowMs() + ms);
            }

            @Override
            public void close() {
                exchange.close();
            }
        };
    }
}
