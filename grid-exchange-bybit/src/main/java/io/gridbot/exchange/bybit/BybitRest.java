package io.gridbot.exchange.bybit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridbot.exchange.bybit.limits.RequestPacing;
import io.gridbot.exchange.bybit.rest.AccountCalls;
import io.gridbot.exchange.bybit.rest.BybitRestClient;
import io.gridbot.exchange.bybit.rest.InstrumentCalls;
import io.gridbot.exchange.bybit.rest.OrderCalls;
import io.gridbot.exchange.wire.ServerClock;
import io.gridbot.exchange.bybit.rest.WireReader;
import io.gridbot.exchange.bybit.wire.BybitJson;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Bybit's REST side as the adapter uses it, built from {@link BybitSettings}: one signed client with its server clock
 * and pacing, and the typed calls over it (instruments, orders and the stop, the account). The clock and the pause
 * are inputs, so tests step through rate-limit windows without sleeping.
 *
 * @param client      the signed client
 * @param wire        how answers are read and converted
 * @param instruments each contract's rules
 * @param orders      orders and the protective stop
 * @param account     positions, position mode, wallet, executions
 */
public record BybitRest(BybitRestClient client, WireReader wire, InstrumentCalls instruments, OrderCalls orders,
        AccountCalls account) {

    /**
     * @param clock the local clock, in ms
     * @param pause how pacing waits
     * @param doubt told when an answer names a value the adapter does not know (the grid resynchronises)
     */
    public static BybitRest open(BybitSettings settings, LongSupplier clock, RequestPacing.Pause pause, Consumer<String> doubt) {
        ObjectMapper json = BybitJson.mapper();
        BybitRestClient client = new BybitRestClient(settings.httpClient(), settings.restUrl(), settings.credentials(),
                settings.recvWindow().toMillis(), new ServerClock(clock), new RequestPacing(clock, pause,
                settings.rateHeadroom()), json);
        WireReader wire = new WireReader(json, doubt);
        return new BybitRest(client, wire, new InstrumentCalls(client, wire), new OrderCalls(client, wire),
                new AccountCalls(client, wire));
    }

    /** Real time: the system clock, sleeping to pace. */
    public static BybitRest open(BybitSettings settings, Consumer<String> doubt) {
        return open(settings, System::currentTimeMillis, Thread::sleep, doubt);
    }
}
