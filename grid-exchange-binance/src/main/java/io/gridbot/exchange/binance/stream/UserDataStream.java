package io.gridbot.exchange.binance.stream;

import io.gridbot.exchange.ExchangeException;
import io.gridbot.exchange.binance.rest.BinanceErrorCode;
import io.gridbot.exchange.binance.rest.ListenKeyCalls;
import io.gridbot.exchange.binance.wire.NeutralMapper;
import io.gridbot.exchange.binance.wire.StreamParser;
import io.gridbot.exchange.binance.wire.UnknownVenueValueException;
import io.gridbot.exchange.binance.wire.UserDataMessage;
import io.gridbot.exchange.stream.AccountEvent;
import io.gridbot.exchange.stream.OrderEvent;
import java.io.IOException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The user-data stream: creates a listen key, connects to {@code /private} with it, extends it on schedule,
 * and maps ORDER_TRADE_UPDATE, ALGO_UPDATE and ACCOUNT_UPDATE to SPI events. An expired or vanished key
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
    private final ScheduledExecutorService scheduler;
    private final long keepAliveMs;
    private final TriggeredStops triggered = new TriggeredStops();
    private StreamLink link;
    private StreamSupervisor supervisor;
    private volatile ScheduledFuture<?> keepAlive;

    /**
     * @param baseUrl  e.g. {@code wss://fstream.binance.com/private}
     * @param observer sees every order event first (the adapter's own bookkeeping)
     */
    public UserDataStream(String baseUrl, ListenKeyCalls listenKey, StreamParser parser, Listeners<OrderEvent> orders,
            Listeners<AccountEvent> accounts, Consumer<OrderEvent> observer, ScheduledExecutorService scheduler,
            long keepAliveMs) {
        this.baseUrl = baseUrl;
        this.listenKey = listenKey;
        this.parser = parser;
        this.orders = orders;
        this.accounts = accounts;
        this.observer = observer;
        this.scheduler = scheduler;
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
        ScheduledFuture<?> previous = keepAlive;
        if (previous != null) {
            previous.cancel(false);
        }
        keepAlive = scheduler.scheduleWithFixedDelay(this::extend, keepAliveMs, keepAliveMs, TimeUnit.MILLISECONDS);
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
        ScheduledFuture<?> k = keepAlive;
        if (k != null) {
            k.cancel(false);
        }
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
