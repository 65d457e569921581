package io.gridbot.exchange.bybit.contract;

import io.gridbot.core.fault.ExchangeErrorKind;
import io.gridbot.core.market.SymbolRules;
import io.gridbot.exchange.ExchangeAdapter;
import io.gridbot.exchange.ExchangeException;
import io.gridbot.exchange.contract.Await;
import io.gridbot.exchange.bybit.BybitAdapter;
import io.gridbot.exchange.bybit.fake.FakeBybit;
import io.gridbot.exchange.bybit.fake.FakeInstrument;
import io.gridbot.exchange.contract.ContractVenue;
import io.gridbot.exchange.contract.ExchangeAdapterContract;
import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Bybit adapter runs the whole adapter contract kit (hedge mode included) against the fake Bybit, REST and
 * WebSockets, with the core's client ids as they are (they fit Bybit's {@code orderLinkId}) (issue 18).
 */
class BybitAdapterContractTest extends ExchangeAdapterContract {

    private static final String BTC = "BTCUSDT";

    @Override
    protected ContractVenue openVenue() {
        FakeBybit fake = FakeBybit.start(FakeInstrument.BTCUSDT, new BigDecimal("64000.0"));
        BybitAdapter adapter;
        SymbolRules symbolRules;
        try {
            adapter = BybitAdapter.open(fake.settings(), fake.streamSettings(), fake.clientClock(), fake.clientPause());
            symbolRules = adapter.symbolRules(BTC);
        } catch (ExchangeException e) {
            fake.close();
            throw new AssertionError("the adapter did not open against the fake", e);
        }
        Map<String, BigDecimal> last = new ConcurrentHashMap<>(Map.of(BTC, new BigDecimal("64000.0")));
        return new ContractVenue() {
            @Override
            public ExchangeAdapter adapter() {
                return adapter;
            }

            @Override
            public SymbolRules rules() {
                return symbolRules;
            }

            @Override
            public BigDecimal price() {
                return last.get(BTC);
            }

            @Override
            public void trade(BigDecimal price, BigDecimal qty) {
                last.put(BTC, price);
                fake.trade(BTC, price, qty);
            }

            @Override
            public void rejectNextCreate(ExchangeErrorKind kind) {
                if (kind != ExchangeErrorKind.RATE_LIMITED) {
                    throw new IllegalArgumentException("the fake Bybit refuses a create as " + kind + " by its own faults");
                }
                fake.faults().refuseNextRequest(200, 10006, "Too many visits!");
            }

            @Override
            public void dropStreams() {
                Await.until("the streams connected", () -> fake.connections("private") > 0);
                fake.dropStreams();
            }

            @Override
            public boolean endsPostOnlyAfterAccepting() {
                return true; // Bybit answers retCode 0 and cancels it at entry, EC_PostOnlyWillTakeLiquidity (docs/bybit.md)
            }

            @Override
            public void advance(long ms) {
                // the reconnect schedule runs on wall time, 50 / 100 / 150 ms against the fake
            }

            @Override
            public void close() {
                adapter.close();
                fake.close();
            }
        };
    }
}
