package io.gridbot.exchange.binance.stream;

import io.gridbot.exchange.ExchangeException;
import io.gridbot.exchange.binance.rest.BinanceErrorCode;
import io.gridbot.exchange.binance.rest.ListenKeyCalls;
import io.gridbot.exchange.binance.wire.NeutralMapper;
import io.gridbot.exchange.binance.wire.StreamParser;
import io.gridbot.exchange.wire.UnknownVenueValueException;
import io.gridbot.exchange.binance.wire.UserDataMessage;
import io.gridbot.exchange.stream.AccountEvent;
import io.gridbot.exchange.stream.OrderEvent;
import java.io.IOException;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The user-data stream: creates a listen key, connects to {@code /private} with it, extends it on schedule (in
 * {@link #doWork}), and maps ORDER_TRADE_UPDATE, ALGO_UPDATE and ACCOUNT_UPDATE to SPI events. An expired or vanished key
 * counts as a lost stream to be reconnected at once with a fresh key; so does an order event with a status or
 * side the adapter does not know, after which the grid resynchronises as after any reconnect.
 */
public final class UserDataStream implements StreamSupervisor.Stream {

    private static final Logger LOG = LoggerFactory.getLogger(UserDataStream.class);

    private final String baseUrl;
    private final ListenKeyCalls listenKey;
    private final StreamParser parser;
    private final Listeners<OrderEvent> orders;
    private final Listeners<AccountEvent> accounts;
    private final Consumer<OrderEvent> observer;
    private final LongSupplier clock;
    private final long keepAliveMs;
    private final TriggeredStops triggered = new TriggeredStops();
    private StreamLink link;
    private StreamSupervisor supervisor;
    /** When the listen key is next extended, local time; none while disconnected. */
    private volatile long keepAliveDueMs = WorkLoop.NOTHING_DUE;

    /**
     * @param baseUrl  e.g. {@code wss://fstream.binance.com/private}
     * @param observer sees every order event first (the adapter's own bookkeeping)
     * @param clock    local time, for the keep-alive schedule
     */
    public UserDataStream(String baseUrl, ListenKeyCalls listenKey, StreamParser parser, Listeners<OrderEvent> orders,
            Listeners<AccountEvent> accounts, Consumer<OrderEvent> observer, LongSupplier clock,
            long keepAliveMs) {
        this.baseUrl = baseUrl;
        this.listenKey = listenKey;
        this.parser = parser;
        this.orders = orders;
        this.accounts = accounts;
        this.observer = observer;
        this.clock = clock;
        this.keepAliveMs = keepAliveMs;
    }

    /** Binds the socket and the supervisor it reports to; call once before connecting. */
    public void bind(StreamLink streamLink, StreamSupervisor streamSupervisor) {
        this.link = streamLink;
        this.supervisor = streamSupervisor;
    }

    @Override
    public String name() {
        return link.name();
    }

    @Override
    public void connect() throws ExchangeException, IOException {
        // POST returns the active key (extended) if there is one, else a new key.
        String key = listenKey.create();
        if (key.isEmpty()) {
            throw new IOException("the venue returned no listen key");
        }
        link.connect(baseUrl + "/ws?listenKey=" + key);
        keepAliveDueMs = clock.getAsLong() + keepAliveMs;
    }

    /** Extends the listen key when due; the next extension is due a keep-alive period after this one ended. */
    @Override
    public long doWork(long nowMs) {
        if (keepAliveDueMs == WorkLoop.NOTHING_DUE || nowMs < keepAliveDueMs) {
            return keepAliveDueMs;
        }
        extend();
        if (keepAliveDueMs != WorkLoop.NOTHING_DUE) {
            keepAliveDueMs = clock.getAsLong() + keepAliveMs;
        }
        return keepAliveDueMs;
    }

    private void extend() {
        try {
            listenKey.keepAlive();
        } catch (ExchangeException e) {
            if (String.valueOf(BinanceErrorCode.INVALID_LISTEN_KEY.code()).equals(e.venueCode())) {
                supervisor.lost("the listen key is gone", true);
            } else {
                LOG.warn("could not extend the listen key: {}", e.getMessage());
            }
        }
    }

    @Override
    public void disconnect() {
        keepAliveDueMs = WorkLoop.NOTHING_DUE;
        link.disconnect();
    }

    /** Handles one frame of the user-data stream. */
    public void onFrame(String frame) {
        UserDataMessage message;
        try {
            message = parser.user(frame);
        } catch (IOException | RuntimeException e) {
            LOG.warn("skipping a malformed user-data frame ({}): {}", e.getMessage(), MarketFeed.abbreviate(frame));
            return;
        }
        try {
            switch (message) {
                case UserDataMessage.OrderTradeUpdate u -> publish(triggered.attribute(NeutralMapper.event(u)));
                case UserDataMessage.AlgoUpdate a -> {
                    triggered.observe(a.order());
                    NeutralMapper.event(a).ifPresent(this::publish);
                }
                case UserDataMessage.AccountUpdate a -> accounts.deliver(null, NeutralMapper.event(a));
                case UserDataMessage.ListenKeyExpired x -> supervisor.lost("the listen key expired", true);
                case UserDataMessage.Other o -> LOG.debug("user-data event {} not used", o.type());
            }
        } catch (UnknownVenueValueException e) {
            // An order update we cannot read is one we missed: the grid reads the venue's state again.
            LOG.error("{}; resynchronising with the venue", e.getMessage());
            supervisor.lost(e.getMessage(), true);
        }
    }

    private void publish(OrderEvent event) {
        observer.accept(event);
        orders.deliver(event.symbol(), event);
    }

    /** Invalidates the listen key on close, so it does not linger for an hour. */
    public void release() {
        try {
            listenKey.close();
        } catch (ExchangeException e) {
            LOG.debug("could not close the listen key: {}", e.getMessage());
        }
    }
}
