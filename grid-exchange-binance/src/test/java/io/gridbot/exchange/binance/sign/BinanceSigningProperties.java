package io.gridbot.exchange.binance.sign;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.exchange.ExchangeException;
import io.gridbot.exchange.binance.fake.FakeBinance;
import io.gridbot.exchange.binance.limits.RequestBudget;
import io.gridbot.exchange.binance.rest.BinanceRestClient;
import io.gridbot.exchange.binance.rest.Endpoint;
import io.gridbot.exchange.wire.ServerClock;
import io.gridbot.exchange.binance.wire.WireJson;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.Scale;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import okhttp3.OkHttpClient;

/**
 * Signing: the documented HMAC vector, and the fake (which recomputes the HMAC over the raw bytes it received)
 * verifies every signature the client produces, whatever the decimals and texts in the parameters.
 */
class BinanceSigningProperties {

    private static FakeBinance fake;
    private static BinanceRestClient client;

    @BeforeContainer
    static void start() {
        fake = FakeBinance.start(FakeBinance.BTCUSDT, new BigDecimal("26000.0"));
        ServerClock clock = new ServerClock(System::currentTimeMillis);
        client = new BinanceRestClient(new OkHttpClient(), fake.restUrl(), FakeBinance.CREDENTIALS, 5_000, clock,
                new RequestBudget(clock::localMs, Thread::sleep, 0.9), WireJson.mapper());
    }

    @AfterContainer
    static void stop() {
        fake.close();
    }

    @Example
    void theDocumentedExampleSignsAsDocumented() {
        // Binance's API documentation example (secret, query and signature as published there)
        RequestSigner signer = new RequestSigner("NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j");
        assertThat(signer.sign("symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000"
                + "&timestamp=1499827319559")).isEqualTo("c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71");
        assertThat(signer.toString()).doesNotContain("NhqPtmd");
        assertThat(new ApiCredentials("k3y", "s3cret").toString()).doesNotContain("k3y").doesNotContain("s3cret");
    }

    @Property(tries = 40)
    void theVenueVerifiesEverySignatureWhateverTheParameters(
            @ForAll @BigRange(min = "0.00000001", max = "99999999") @Scale(8) BigDecimal price,
            @ForAll @BigRange(min = "0.001", max = "1000") @Scale(3) BigDecimal qty,
            @ForAll @StringLength(max = 40) String note) throws ExchangeException {
        int before = fake.goodSignatures();
        Map<String, String> params = new LinkedHashMap<>();
        params.put("symbol", "BTCUSDT");
        params.put("price", price.toPlainString());
        params.put("quantity", qty.toPlainString());
        params.put("note", note);

        client.call(Endpoint.OPEN_ORDERS, params);

        assertThat(fake.goodSignatures()).isEqualTo(before + 1);
        assertThat(fake.badSignatures()).isZero();
    }
}
