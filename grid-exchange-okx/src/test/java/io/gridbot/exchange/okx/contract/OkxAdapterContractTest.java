package io.gridbot.exchange.okx.contract;

import io.gridbot.core.fault.ExchangeErrorKind;
import io.gridbot.core.market.SymbolRules;
import io.gridbot.exchange.ExchangeAdapter;
import io.gridbot.exchange.ExchangeException;
import io.gridbot.exchange.contract.ContractVenue;
import io.gridbot.exchange.contract.ExchangeAdapterContract;
import io.gridbot.exchange.contract.Await;
import io.gridbot.exchange.okx.OkxAdapter;
import io.gridbot.exchange.okx.fake.FakeInstrument;
import io.gridbot.exchange.okx.fake.FakeOkx;
import io.gridbot.exchange.venue.ClientIdCodec;
import io.gridbot.exchange.venue.EncodedClientIds;
import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The OKX adapter runs the whole adapter contract kit (hedge mode included) against the fake OKX, REST and
 * WebSockets, spoken to as the runner speaks to it: through OKX's letters-and-digits client id codec, since OKX
 * refuses the core's {@code _} (issue 17). A post-only order that would take is accepted by OKX and then
 * cancelled, so the kit checks that it ends EXPIRED rather than that the create fails.
 */
class OkxAdapterContractTest extends ExchangeAdapterContract {

    private static final String BTC = "BTC-USDT-SWAP";

    @Override
    protected ContractVenue openVenue() {
        FakeOkx fake = FakeOkx.start(FakeInstrument.BTC_USDT_SWAP, new BigDecimal("64000.0"));
        OkxAdapter okx;
        SymbolRules symbolRules;
        try {
            okx = OkxAdapter.open(fake.settings(), fake.streamSettings(), fake.clientClock(), fake.clientPause());
            symbolRules = okx.symbolRules(BTC);
        } catch (ExchangeException e) {
            fake.close();
            throw new AssertionError("the adapter did not open against the fake", e);
        }
        ExchangeAdapter adapter = new EncodedClientIds(okx, ClientIdCodec.LETTERS_AND_DIGITS);
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
                    throw new IllegalArgumentException("the fake OKX refuses a create as " + kind + " by its own faults");
                }
                fake.faults().refuseNextRequest(429, "50011", "Too Many Requests");
            }

            @Override
            public void dropStreams() {
                Await.until("the streams connected", () -> fake.connections("private") > 0);
                fake.dropStreams();
            }

            @Override
            public boolean endsPostOnlyAfterAccepting() {
                return true; // OKX answers sCode 0 and cancels the order with cancel source 31 (docs/okx.md)
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
