package io.gridbot.exchange.binance.stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridbot.core.fault.ExchangeErrorKind;
import io.gridbot.exchange.ExchangeException;
import io.gridbot.exchange.Subscription;
import io.gridbot.exchange.binance.rest.ListenKeyCalls;
import io.gridbot.exchange.wire.ServerClock;
import io.gridbot.exchange.binance.wire.StreamParser;
import io.gridbot.exchange.stream.AccountEvent;
import io.gridbot.exchange.stream.DepthEvent;
import io.gridbot.exchange.stream.OrderEvent;
import io.gridbot.exchange.stream.StreamHealthEvent;
import io.gridbot.exchange.stream.TickerEvent;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import okhttp3.OkHttpClient;

/**
 * The adapter's three streams and their subscribers: {@code /public} (book ticker, depth) and {@code /market}
 * (trades, mark prices), which connect with their first subscription, and {@code /private} (user data), all
 * kept alive by one {@link StreamSupervisor}. Subscribers of each kind of event are served in order.
 */
public final class VenueStreams implements AutoCloseable {

    private final Listeners<TickerEvent> tickers = new Listeners<>();
    private final Listeners<DepthEvent> depths = new Listeners<>();
    private final Listeners<OrderEvent> orders = new Listeners<>();
    private final Listeners<AccountEvent> accounts = new Listeners<>();
    private final Listeners<StreamHealthEvent> health = new Listeners<>();
    private final OkHttpClient http;
    private final StreamSettings settings;
    private final StreamSupervisor supervisor;
    private final MarketFeed feed;
    private final MarketRoute bookRoute;
    private final MarketRoute priceRoute;
    private final UserDataStream userData;
    private final WorkLoop loop;

    /**
     * @param clock    local time for the schedule (the loop's clock), the venue's for health reports
     * @param loop     runs the supervisor's timed work; this closes it
     * @param observer sees every order event before the subscribers (the adapter's own bookkeeping)
     */
    public VenueStreams(StreamSettings settings, OkHttpClient http, ListenKeyCalls listenKey, ServerClock clock,
            WorkLoop loop, ObjectMapper json, Consumer<OrderEvent> observer) {
        this.http = http;
        this.settings = settings;
        this.loop = loop;
        this.supervisor = new StreamSupervisor(settings.reconnectDelays(), settings.maxAge(), clock, health);
        supervisor.wakeWith(loop::wake);
        loop.drive(supervisor::doWork);
        StreamParser parser = new StreamParser(json);
        this.feed = new MarketFeed(parser, tickers, depths);
        this.bookRoute = new MarketRoute(settings.baseUrl() + "/public", link("public stream", feed::onFrame));
        this.priceRoute = new MarketRoute(settings.baseUrl() + "/market", link("market stream", feed::onFrame));
        this.userData = new UserDataStream(settings.baseUrl() + "/private", listenKey, parser, orders, accounts, observer,
                clock::localMs, settings.keepAlive().toMillis());
        userData.bind(link("user-data stream", userData::onFrame), supervisor);
    }

    private StreamLink link(String name, Consumer<String> onFrame) {
        return new StreamLink(name, http, settings.connectTimeout(), onFrame, why -> supervisor.lost(why, false));
    }

    /** Connects the user-data stream (and any route with subscriptions) on the caller's thread. */
    public void open() throws ExchangeException {
        try {
            supervisor.open(userData);
            supervisor.open(bookRoute);
            supervisor.open(priceRoute);
        } catch (ExchangeException e) {
            throw e;
        } catch (Exception e) {
            throw new ExchangeException(ExchangeErrorKind.NETWORK, null, "the user-data stream did not open: " + e.getMessage());
        }
    }

    /** What brings the adapter's view up to date after a reconnect, before CONNECTED is reported. */
    public void resyncWith(StreamSupervisor.Resync resync) {
        supervisor.resyncWith(resync);
    }

    /** The venue's state is in doubt: the streams reconnect at once and the grid resynchronises. */
    public void doubt(String why) {
        supervisor.lost(why, true);
    }

    public Subscription watchTicker(String symbol, Consumer<TickerEvent> listener) {
        Subscription s = tickers.add(symbol, listener);
        String name = symbol.toLowerCase(Locale.ROOT);
        subscribe(bookRoute, List.of(name + "@bookTicker"));
        subscribe(priceRoute, List.of(name + "@aggTrade", name + "@markPrice@1s"));
        return s;
    }

    public Subscription watchDepth(String symbol, Consumer<DepthEvent> listener) {
        Subscription s = depths.add(symbol, listener);
        subscribe(bookRoute, List.of(symbol.toLowerCase(Locale.ROOT) + "@depth10@100ms"));
        return s;
    }

    private void subscribe(MarketRoute route, List<String> names) {
        if (route.add(names)) {
            supervisor.connectLate(route);
        }
    }

    public Subscription watchOrders(Consumer<OrderEvent> listener) {
        return orders.add(null, listener);
    }

    public Subscription watchAccount(Consumer<AccountEvent> listener) {
        return accounts.add(null, listener);
    }

    public Subscription watchHealth(Consumer<StreamHealthEvent> listener) {
        return health.add(null, listener);
    }

    /** Delivers an account event the adapter made itself (a resynchronised position). */
    public void deliver(AccountEvent event) {
        accounts.deliver(null, event);
    }

    /** The last mark price the market stream gave for a watched symbol, or {@code null}. */
    public BigDecimal markPrice(String symbol) {
        return feed.markPrice(symbol);
    }

    /** Closes every stream, invalidates the listen key and forgets the subscribers. */
    @Override
    public void close() {
        supervisor.close();
        loop.close();
        userData.release();
        tickers.clear();
        depths.clear();
        orders.clear();
        accounts.clear();
        health.clear();
    }
}
