package io.gridbot.runner.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.event.GridEvent;
import io.gridbot.core.fault.ExchangeErrorKind;
import io.gridbot.core.market.SymbolRules;
import io.gridbot.core.order.ClientOrderId;
import io.gridbot.core.order.OrderOwnership;
import io.gridbot.core.order.OrderRequest;
import io.gridbot.core.order.OrderStatus;
import io.gridbot.core.order.PositionSide;
import io.gridbot.core.order.Side;
import io.gridbot.core.order.TimeInForce;
import io.gridbot.core.risk.PositionLegs;
import io.gridbot.exchange.ExchangeAdapter;
import io.gridbot.exchange.ExchangeException;
import io.gridbot.exchange.ForwardingAdapter;
import io.gridbot.exchange.OrderAck;
import io.gridbot.exchange.OrderState;
import io.gridbot.exchange.TradeRecord;
import io.gridbot.exchange.account.PositionSnapshot;
import io.gridbot.exchange.sim.SimClock;
import io.gridbot.exchange.sim.SimSettings;
import io.gridbot.exchange.sim.SimulatedExchange;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 12: what each venue call's outcome tells the core, as the engine told it before the split (one
 * {@link VenueAttempt} now instead of six copied try/catch blocks).
 */
class VenueCallsTest {

    private static final SymbolRules BTC = new SymbolRules("BTCUSDT", new BigDecimal("0.1"), new BigDecimal("0.001"),
            new BigDecimal("0.001"), new BigDecimal("5"), 200);

    private final SimClock clock = new SimClock(1_700_000_000_000L);
    private final SimulatedExchange exchange = new SimulatedExchange(clock, SimSettings.defaults())
            .list(BTC, new BigDecimal("26050.0"));
    private final Failing venue = new Failing(exchange);
    private final List<GridEvent> inbox = new ArrayList<>();
    private final OrderOwnership owner = OrderOwnership.of("calls");
    private final VenueLink link = new VenueLink(venue, Runnable::run, clock::nowMs, "calls", "BTCUSDT", owner,
            inbox::addAll);
    private final VenueCalls calls = new VenueCalls(link, () -> PositionLegs.oneWay(new BigDecimal("0.030")));
    private final String id = ClientOrderId.of(owner.tag(), ClientOrderId.Kind.ENTRY, Side.BUY, 3, 1);
    private final OrderRequest entry = OrderRequest.limit(id, "BTCUSDT", Side.BUY, new BigDecimal("25900.0"),
            new BigDecimal("0.010"), TimeInForce.GTX, false, PositionSide.BOTH);

    /**
     * The simulated venue, failing every call with {@code failure} while it is set, and reads of its trade
     * history with {@code historyFailure}.
     */
    private static final class Failing extends ForwardingAdapter {
        Exception failure;
        Exception historyFailure;

        Failing(ExchangeAdapter venue) {
            super(venue);
        }

        private void failIfAsked() throws ExchangeException {
            fail(failure);
        }

        private static void fail(Exception with) throws ExchangeException {
            if (with instanceof ExchangeException e) {
                throw e;
            }
            if (with instanceof RuntimeException e) {
                throw e;
            }
        }

        @Override
        public OrderAck createOrder(OrderRequest request) throws ExchangeException {
            failIfAsked();
            return super.createOrder(request);
        }

        @Override
        public void cancelOrder(String symbol, String clientOrderId) throws ExchangeException {
            failIfAsked();
            super.cancelOrder(symbol, clientOrderId);
        }

        @Override
        public void cancelProtectiveStop(String symbol, String clientOrderId) throws ExchangeException {
            failIfAsked();
            super.cancelProtectiveStop(symbol, clientOrderId);
        }

        @Override
        public OrderState queryOrder(String symbol, String clientOrderId) throws ExchangeException {
            failIfAsked();
            return super.queryOrder(symbol, clientOrderId);
        }

        @Override
        public PositionSnapshot position(String symbol) throws ExchangeException {
            failIfAsked();
            return super.position(symbol);
        }

        @Override
        public List<PositionSnapshot> positions(String symbol) throws ExchangeException {
            failIfAsked();
            return super.positions(symbol);
        }

        @Override
        public List<TradeRecord> trades(String symbol, long fromMs) throws ExchangeException {
            fail(historyFailure);
            failIfAsked();
            return super.trades(symbol, fromMs);
        }
    }

    private final ExchangeException refusal = new ExchangeException(ExchangeErrorKind.RATE_LIMITED, "-1015",
            "Too many new orders", 2_000);
    private final RuntimeException breakage = new IllegalStateException("socket closed");

    @Test
    void anAcceptedCreateIsANewOrderAtTheClocksTime() {
        clock.advanceTo(clock.nowMs() + 5);
        calls.place(entry);
        GridEvent.OrderUpdate update = (GridEvent.OrderUpdate) inbox.getFirst();
        assertThat(update.atMs()).isEqualTo(clock.nowMs());
        assertThat(update.clientOrderId()).isEqualTo(id);
        assertThat(update.exchangeOrderId()).isNotNull();
        assertThat(update.status()).isEqualTo(OrderStatus.NEW);
        assertThat(update.cumFilledQty()).isZero();
        assertThat(update.tradeId()).isNull();
    }

    @Test
    void aRefusedCreateOrQueryIsRejectedWithTheVenuesWords() {
        venue.failure = refusal;
        calls.place(entry);
        calls.query(id);
        GridEvent.OrderRejected expected = new GridEvent.OrderRejected(clock.nowMs(), id, ExchangeErrorKind.RATE_LIMITED,
                2_000, "-1015", "Too many new orders");
        assertThat(inbox).containsExactly(expected, expected);
    }

    @Test
    void aCreateThatBrokeMayHavePlacedTheOrderAndAQueryThatBrokeIsANetworkError() {
        venue.failure = breakage;
        calls.place(entry);
        calls.query(id);
        assertThat(inbox).containsExactly(
                new GridEvent.OrderRejected(clock.nowMs(), id, ExchangeErrorKind.TIMEOUT_UNKNOWN, 0, null,
                        breakage.toString()),
                new GridEvent.OrderRejected(clock.nowMs(), id, ExchangeErrorKind.NETWORK, 0, null, breakage.toString()));
    }

    @Test
    void aRefusedCancelIsRejectedAndOneThatBrokeIsANetworkErrorButABrokenStopCancelTellsNothing() {
        venue.failure = refusal;
        calls.cancel(id);
        calls.cancelStop(id);
        venue.failure = breakage;
        calls.cancel(id);
        calls.cancelStop(id);
        assertThat(inbox).containsExactly(
                new GridEvent.CancelRejected(clock.nowMs(), id, ExchangeErrorKind.RATE_LIMITED, "Too many new orders"),
                new GridEvent.CancelRejected(clock.nowMs(), id, ExchangeErrorKind.RATE_LIMITED, "Too many new orders"),
                new GridEvent.CancelRejected(clock.nowMs(), id, ExchangeErrorKind.NETWORK, breakage.toString()));
    }

    @Test
    void aSnapshotCarriesTheOtherGridsShareARefusedOneSaysWhyAndABrokenOneIsAFault() {
        calls.snapshot();
        GridEvent.ExchangeSnapshot snapshot = (GridEvent.ExchangeSnapshot) inbox.getFirst();
        assertThat(snapshot.atMs()).isEqualTo(clock.nowMs());
        assertThat(snapshot.otherGridsNet()).isEqualByComparingTo("0.030");
        venue.failure = refusal;
        calls.snapshot();
        venue.failure = breakage;
        calls.snapshot();
        assertThat(inbox.subList(1, 3)).containsExactly(
                new GridEvent.SnapshotFailed(clock.nowMs(), refusal.kind(), refusal.retryAfterMs(), refusal.getMessage()),
                new GridEvent.Fault(clock.nowMs(), "could not read the venue's orders and position: " + breakage));
    }

    /** Issue 16: a hedge-mode account's snapshot carries its legs as the venue lists them, and the other grids' legs. */
    @Test
    void aHedgeSnapshotCarriesEachLegAndTheOtherGridsLegs() {
        ExchangeAdapter hedge = new ForwardingAdapter(exchange) {
            @Override
            public List<PositionSnapshot> positions(String symbol) {
                return List.of(new PositionSnapshot(symbol, new BigDecimal("0.020"), BigDecimal.ONE, BigDecimal.ZERO, 1,
                        PositionSide.LONG), new PositionSnapshot(symbol, new BigDecimal("-0.050"), BigDecimal.ONE,
                        BigDecimal.ZERO, 1, PositionSide.SHORT));
            }
        };
        PositionLegs others = PositionLegs.hedge(new BigDecimal("0.010"), new BigDecimal("-0.030"));
        new VenueCalls(new VenueLink(hedge, Runnable::run, clock::nowMs, "calls", "BTCUSDT", owner, inbox::addAll),
                () -> others).snapshot();

        GridEvent.ExchangeSnapshot snapshot = (GridEvent.ExchangeSnapshot) inbox.getFirst();
        assertThat(snapshot.position().sameAs(PositionLegs.hedge(new BigDecimal("0.020"), new BigDecimal("-0.050"))))
                .as(snapshot.position().toString()).isTrue();
        assertThat(snapshot.otherGrids()).isEqualTo(others);
    }

    @Test
    void theVenuesRowsBecomeLegsAOneWayRowItsNet() {
        assertThat(VenueCalls.legs(List.of(new PositionSnapshot("BTCUSDT", new BigDecimal("-0.040"), BigDecimal.ONE,
                BigDecimal.ZERO, 1))).sameAs(PositionLegs.oneWay(new BigDecimal("-0.040")))).isTrue();
        assertThat(VenueCalls.legs(List.of()).sameAs(PositionLegs.FLAT)).isTrue();
    }

    /**
     * Seen in the long soak (issue 14): a LINKUSDT exit whose create's outcome was unknown was booked twice, once
     * from the query's cumulative answer without a trade id or fee, and again when its execution was read from the
     * history. A query now hands over the order's executions, each with its trade id, price and fee.
     */
    @Test
    void aQueriedOrderThatFilledComesWithItsExecutionsEachWithItsTradeIdAndFee() throws Exception {
        ExecutionRecovery recovery = new ExecutionRecovery(link);
        VenueCalls recovering = new VenueCalls(link, () -> PositionLegs.FLAT).recoveringWith(recovery);
        recovering.place(entry);
        clock.advanceTo(clock.nowMs() + 1_000);
        exchange.trade("BTCUSDT", new BigDecimal("25850.0"), null, clock.nowMs());
        List<TradeRecord> executions = exchange.trades("BTCUSDT", 0);
        inbox.clear();

        recovering.query(id);
        assertThat(inbox).as("recovery off: the answer alone").singleElement()
                .satisfies(e -> assertThat(((GridEvent.OrderUpdate) e).tradeId()).isNull());
        inbox.clear();
        recovery.since(0);
        recovering.query(id);

        assertThat(inbox).hasSize(executions.size())
                .allSatisfy(e -> assertThat(e).isInstanceOf(GridEvent.OrderUpdate.class));
        List<GridEvent.OrderUpdate> updates = inbox.stream().map(GridEvent.OrderUpdate.class::cast).toList();
        assertThat(updates).extracting(GridEvent.OrderUpdate::tradeId)
                .containsExactlyElementsOf(executions.stream().map(TradeRecord::tradeId).toList());
        assertThat(updates).extracting(GridEvent.OrderUpdate::fee)
                .containsExactlyElementsOf(executions.stream().map(TradeRecord::fee).toList());
        assertThat(updates.getLast().status()).isEqualTo(OrderStatus.FILLED);
        assertThat(updates.getLast().cumFilledQty()).isEqualByComparingTo("0.010");
    }

    @Test
    void recoveryHandsOverOnlyThisGridsExecutionsRightBehindTheSnapshotAndAnUnreadableHistoryTellsNothing() {
        ExecutionRecovery recovery = new ExecutionRecovery(link);
        VenueCalls recovering = new VenueCalls(link, () -> PositionLegs.FLAT).recoveringWith(recovery);
        recovering.snapshot();
        assertThat(inbox).as("off until turned on").singleElement().isInstanceOf(GridEvent.ExchangeSnapshot.class);

        String theirs = ClientOrderId.of(ClientOrderId.tagOf("other"), ClientOrderId.Kind.ENTRY, Side.BUY, 3, 1);
        calls.place(entry);
        calls.place(OrderRequest.limit(theirs, "BTCUSDT", Side.BUY, new BigDecimal("25900.0"), new BigDecimal("0.010"),
                TimeInForce.GTX, false, PositionSide.BOTH));
        inbox.clear();
        clock.advanceTo(clock.nowMs() + 1_000);
        exchange.trade("BTCUSDT", new BigDecimal("25850.0"), null, clock.nowMs());

        recovery.since(0);
        recovering.snapshot();
        assertThat(inbox).hasSize(2).first().isInstanceOf(GridEvent.ExchangeSnapshot.class);
        GridEvent.ExecutionsRecovered recovered = (GridEvent.ExecutionsRecovered) inbox.get(1);
        assertThat(recovered.atMs()).isEqualTo(clock.nowMs());
        assertThat(recovered.executions()).isNotEmpty().allSatisfy(e -> assertThat(e.clientOrderId()).isEqualTo(id));

        inbox.clear();
        venue.historyFailure = breakage;
        recovering.snapshot();
        venue.historyFailure = refusal;
        recovering.snapshot();
        assertThat(inbox).as("the snapshots, without executions").hasSize(2)
                .allMatch(e -> e instanceof GridEvent.ExchangeSnapshot);
    }

    /** What a watcher heard, in order. */
    private static final class Recording implements VenueCallWatch {
        final List<String> heard = new ArrayList<>();

        @Override
        public Placing placing() {
            heard.add("placing");
            return outcome -> heard.add("answered " + outcome);
        }

        @Override
        public void refused(ExchangeErrorKind kind) {
            heard.add("refused " + kind);
        }

        @Override
        public void streamHealth(GridEvent.StreamState state, long atMs) {
            heard.add("stream " + state + " at " + atMs);
        }
    }

    @Test
    void aWatcherTimesEachCreateUntilItsAnswerAndHearsEveryRefusalByKind() {
        Recording watch = new Recording();
        VenueCalls watched = new VenueCalls(link, () -> PositionLegs.FLAT, watch);
        watched.place(entry);
        venue.failure = refusal;
        watched.place(entry);
        watched.cancel(id);
        venue.failure = new ExchangeException(ExchangeErrorKind.TIMEOUT_UNKNOWN, null, "read timed out");
        watched.place(entry);
        venue.failure = breakage;
        watched.place(entry);

        assertThat(watch.heard).containsExactly(
                "placing", "answered ACCEPTED",
                "placing", "refused RATE_LIMITED", "answered REFUSED",
                "refused RATE_LIMITED",
                "placing", "refused TIMEOUT_UNKNOWN", "answered FAILED",
                "placing", "answered FAILED");
    }

    @Test
    void aWatcherHearsTheStreamsHealthAtTheVenuesTime() {
        Recording watch = new Recording();
        VenueStreams streams = new VenueStreams(link, watch);
        streams.attach();
        exchange.dropStreams();
        streams.close();
        assertThat(watch.heard).first().asString().startsWith("stream DISCONNECTED at " + clock.nowMs());
        assertThat(inbox).anySatisfy(e -> assertThat(e).isInstanceOf(GridEvent.StreamHealth.class));
    }

    /**
     * Seen in CI (issue 14's runs): an order left resting after a stop. Calls run side by side, so a cancel sent
     * while its order's create was on its way could reach the venue first, be answered "unknown order", and
     * leave the order resting once the create landed. A cancel now waits for its order's create.
     */
    @Test
    void aCancelSentWhileItsCreateIsOnItsWayReachesTheVenueAfterTheCreate() throws Exception {
        java.util.Deque<Runnable> queued = new java.util.ArrayDeque<>();
        VenueCalls sideBySide = new VenueCalls(new VenueLink(venue, queued::add, clock::nowMs, "calls", "BTCUSDT",
                owner, inbox::addAll), () -> PositionLegs.FLAT);
        sideBySide.place(entry);
        sideBySide.cancel(id);
        while (!queued.isEmpty()) {
            queued.pollLast().run(); // the latest call first: the order a loaded machine may run them in
        }
        assertThat(exchange.openOrders("BTCUSDT")).as("nothing rests").isEmpty();
        assertThat(inbox).noneMatch(e -> e instanceof GridEvent.CancelRejected);
    }
}
