package io.gridbot.exchange.binance.contract;

import io.gridbot.core.fault.ExchangeErrorKind;
import io.gridbot.core.market.SymbolRules;
import io.gridbot.exchange.ExchangeAdapter;
import io.gridbot.exchange.ExchangeException;
import io.gridbot.exchange.binance.BinanceAdapter;
import io.gridbot.exchange.binance.fake.FakeBinance;
import io.gridbot.exchange.contract.Await;
import io.gridbot.exchange.contract.ContractVenue;
import io.gridbot.exchange.contract.ExchangeAdapterContract;
import java.math.BigDecimal;

/** The Binance adapter passes the whole adapter contract kit against the fake Binance (issue 6). */
class BinanceAdapterContractTest extends ExchangeAdapterContract {

    @Override
    protected ContractVenue openVenue() {
        FakeBinance fake = FakeBinance.start(FakeBinance.BTCUSDT, new BigDecimal("26000.0"));
        BinanceAdapter binance;
        SymbolRules symbolRules;
        try {
            binance = BinanceAdapter.open(fake.settings());
            // the rules come over the wire, from exchangeInfo's filters
            symbolRules = binance.symbolRules("BTCUSDT");
        } catch (ExchangeException e) {
            fake.close();
            throw new AssertionError("the adapter did not open against the fake", e);
        }
        return new ContractVenue() {
            @Override
            public ExchangeAdapter adapter() {
                return binance;
            }

            @Override
            public SymbolRules rules() {
                return symbolRules;
            }

            @Override
            public BigDecimal price() {
                return fake.lastPrice("BTCUSDT");
            }

            @Override
            public void trade(BigDecimal price, BigDecimal qty) {
                fake.trade("BTCUSDT", price, qty);
            }

            @Override
            public void rejectNextCreate(ExchangeErrorKind kind) {
                fake.faults().rejectNextCreate(kind);
            }

            @Override
            public void dropStreams() {
                // The streams connect on their own threads after the subscriptions: a drop before they are up
                // would drop nothing, and no DISCONNECTED could follow.
                Await.until("the streams connected", () -> fake.connections("public")
                        + fake.connections("market") + fake.connections("private") > 0);
                fake.dropStreams();
            }

            @Override
            public void advance(long ms) {
                // the adapter's reconnect schedule runs on wall time, 50 / 100 / 150 ms against the fake
            }

            @Override
            public void close() {
                binance.close();
                fake.close();
            }
        };
    }
}
