package io.gridbot.exchange.okx;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridbot.exchange.okx.limits.RequestPacing;
import io.gridbot.exchange.okx.rest.AccountCalls;
import io.gridbot.exchange.okx.rest.InstrumentCalls;
import io.gridbot.exchange.okx.rest.OkxRestClient;
import io.gridbot.exchange.okx.rest.OrderCalls;
import io.gridbot.exchange.wire.ServerClock;
import io.gridbot.exchange.okx.rest.WireReader;
import io.gridbot.exchange.okx.wire.OkxJson;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * OKX's REST side as the adapter uses it, built from {@link OkxSettings}: one signed client with its server clock
 * and pacing, and the typed calls over it (instruments, orders and stops, the account). The clock and the pause
 * are inputs, so tests step through rate-limit windows without sleeping.
 *
 * @param client      the signed client
 * @param wire        how answers are read and converted
 * @param instruments the instrument list and each swap's rules
 * @param orders      orders and the protective stop
 * @param account     positions, balance, position mode, fills
 */
public record OkxRest(OkxRestClient client, WireReader wire, InstrumentCalls instruments, OrderCalls orders,
        AccountCalls account) {

    /**
     * @param clock the local clock, in ms
     * @param pause how pacing waits
     * @param doubt told when an answer names a value the adapter does not know (the grid resynchronises)
     */
    public static OkxRest open(OkxSettings settings, LongSupplier clock, RequestPacing.Pause pause, Consumer<String> doubt) {
        ObjectMapper json = OkxJson.mapper();
        OkxRestClient client = new OkxRestClient(settings.httpClient(), settings.restUrl(), settings.credentials(),
                settings.simulated(), new ServerClock(clock), new RequestPacing(clock, pause, settings.rateHeadroom()), json);
        WireReader wire = new WireReader(json, doubt);
        return new OkxRest(client, wire, new InstrumentCalls(client, wire), new OrderCalls(client, wire),
                new AccountCalls(client, wire));
    }

    /** Real time: the system clock, sleeping to pace. */
    public static OkxRest open(OkxSettings settings, Consumer<String> doubt) {
        return open(settings, System::currentTimeMillis, Thread::sleep, doubt);
    }
}
