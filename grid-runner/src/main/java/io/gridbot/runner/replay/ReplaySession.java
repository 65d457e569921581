package io.gridbot.runner.replay;

import io.gridbot.core.config.GridConfig;
import io.gridbot.core.event.GridEvent;
import io.gridbot.core.machine.GridMachine;
import io.gridbot.core.machine.GridView;
import io.gridbot.core.machine.VenueCheck;
import io.gridbot.core.order.Fill;
import io.gridbot.exchange.ExchangeAdapter;
import io.gridbot.exchange.ExchangeException;
import io.gridbot.exchange.replay.FundingSchedule;
import io.gridbot.exchange.replay.MarketReplay;
import io.gridbot.exchange.replay.MarketTrade;
import io.gridbot.exchange.replay.PriceSeries;
import io.gridbot.exchange.sim.Liquidation;
import io.gridbot.exchange.sim.SimClock;
import io.gridbot.exchange.sim.SimSettings;
import io.gridbot.exchange.sim.SimulatedExchange;
import io.gridbot.runner.engine.GridEngine;
import io.gridbot.runner.engine.GridJournal;
import io.gridbot.runner.engine.MemoryJournal;
import io.gridbot.runner.engine.PriceListener;
import io.gridbot.stats.curve.MarkTrail;
import io.gridbot.stats.ledger.FundingPayment;
import io.gridbot.stats.metrics.GridStatistics;
import io.gridbot.stats.metrics.Period;
import io.gridbot.stats.metrics.StatisticsCalculator;
import io.gridbot.stats.metrics.StatisticsInput;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;
import java.util.function.UnaryOperator;

/**
 * Runs one grid on the simulated exchange over a recorded or generated price series, as fast as possible
 * and on one thread: the real core and the real engine, the simulator for a venue. How users check a
 * configuration before risking money, and what the demo shows.
 *
 * <p>The venue charges the grid's own {@code makerFeeRate} on maker fills (the rate its break-even check
 * assumes) and the settings' taker rate on taker fills; it holds the symbol at the settings' leverage, settles
 * the {@linkplain #withFunding funding schedule} on the open position, and liquidates the account when its
 * equity falls below the maintenance margin: the replay then books the liquidation in the grid's ledger and
 * stops the grid ({@link LiquidationWatch}). The grid compares itself with the simulator only on a doubt
 * ({@link VenueCheck#ON_DOUBT}) unless {@linkplain #checkingTheVenue asked to}.
 */
public final class ReplaySession {

    /**
     * What a replay produced.
     *
     * @param trades     market trades played
     * @param firstMs    the first trade's time
     * @param lastMs     the replay's end: the latest time seen, of a trade or a fill
     * @param view       the grid at the end
     * @param journal    its fills, stop-losses and log counts
     * @param statistics the statistics over the whole replay, from every trade's price, marked at the last
     * @param marks      the trade prices the statistics need of every one ({@link MarkTrail}), with the equity
     *                   and position each found: what a stored replay keeps for the same figures
     * @param venue      the venue's settings as the replay ran them: the fees charged, the leverage, the margin
     * @param funding    the funding schedule settled ({@link FundingSchedule#NONE} without one)
     * @param liquidation the venue's forced liquidation of the account, if it came to that
     */
    public record Result(long trades, long firstMs, long lastMs, GridView view, MemoryJournal journal,
            GridStatistics statistics, List<MarkTrail.Kept> marks, SimSettings venue, FundingSchedule funding,
            Optional<Liquidation> liquidation) {
    }

    /** Progress, called every so many trades with the count so far and the virtual time. */
    @FunctionalInterface
    public interface Progress {
        void update(long trades, long atMs);
    }

    private final GridConfig config;
    private final SimSettings settings;
    private final UnaryOperator<ExchangeAdapter> venueView;
    private FundingSchedule funding = FundingSchedule.NONE;
    private VenueCheck venueCheck = VenueCheck.ON_DOUBT;
    private PriceListener prices = PriceListener.NONE;

    public ReplaySession(GridConfig config, SimSettings settings) {
        this(config, settings, UnaryOperator.identity());
    }

    /**
     * @param venueView wraps the simulator as the engine sees it: tests use it to check every request
     */
    public ReplaySession(GridConfig config, SimSettings settings, UnaryOperator<ExchangeAdapter> venueView) {
        this.config = config.requireValid();
        this.settings = settings.withFees(config.makerFeeRate(), settings.takerFeeRate());
        this.venueView = venueView;
    }

    /** Settles this funding schedule on the grid's position as the replay's clock passes its times. */
    public ReplaySession withFunding(FundingSchedule schedule) {
        this.funding = schedule;
        return this;
    }

    /**
     * Has the grid compare itself with the simulator every minute of market time, as a daemon does with a venue.
     * Off by default: the simulator's streams deliver every change in order, so the comparison finds nothing,
     * and it would cost more than the rest of the replay.
     */
    public ReplaySession checkingTheVenue() {
        this.venueCheck = VenueCheck.PERIODIC;
        return this;
    }

    /** Tells {@code listener} every trade price of the series as it is replayed (a stored replay's candles). */
    public ReplaySession pricesTo(PriceListener listener) {
        this.prices = listener;
        return this;
    }

    /** Replays the series; {@code progressEvery} trades between progress calls. */
    public Result run(PriceSeries series, long progressEvery, Progress progress) throws InterruptedException {
        return run(series, progressEvery, progress, GridJournal.NONE);
    }

    /** The simulated account keeps positions as the grid expects: a hedge-mode grid replays on a hedge account. */
    private void inGridsPositionMode(SimulatedExchange exchange) {
        if (exchange.positionMode() == config.positionMode()) {
            return;
        }
        try {
            exchange.changePositionMode(config.positionMode());
        } catch (ExchangeException e) {
            throw new IllegalStateException("the simulated account could not switch to " + config.positionMode(), e);
        }
    }

    /** Replays the series, also recording into {@code also} (e.g. the database). */
    public Result run(PriceSeries series, long progressEvery, Progress progress, GridJournal also)
            throws InterruptedException {
        if (!series.hasNext()) {
            throw new IllegalArgumentException("the price series is empty");
        }
        MarketTrade first = series.next();
        SimClock clock = new SimClock(first.atMs());
        SimulatedExchange exchange = new SimulatedExchange(clock, settings).list(config.rules(), first.price());
        exchange.margin().leverage(config.symbol(), settings.leverage());
        inGridsPositionMode(exchange);
        MemoryJournal journal = new MemoryJournal();
        MarkTrail trail = new MarkTrail(config.positionMode()); // every trade's price, every fill and funding payment, in a few points
        GridJournal kept = new GridJournal() {
            @Override
            public void fill(String grid, Fill fill) {
                trail.fill(fill);
            }

            @Override
            public void funding(String grid, FundingPayment payment, String asset) {
                trail.funding(payment);
            }
        };
        trail.mark(first.atMs(), first.price());
        prices.seen(first.atMs(), first.price());
        GridJournal ledger = GridJournal.both(GridJournal.both(journal, kept), also);
        ReplayFunding fundingDue = new ReplayFunding(funding, first.atMs(), exchange, config.symbol(), config.name(),
                settings.quoteAsset(), ledger);
        LiquidationWatch liquidation = new LiquidationWatch(exchange, config.symbol(), config.name(),
                settings.quoteAsset(), ledger);
        try (GridEngine engine = new GridEngine(GridMachine.create(config, venueCheck), venueView.apply(exchange), Runnable::run,
                clock::nowMs, ledger).attach()) {
            liquidation.stopping(engine);
            engine.control(GridEvent.Control.START);
            exchange.trade(config.symbol(), first.price(), first.qty(), first.atMs());
            engine.pump();
            liquidation.book();
            long[] count = {1};
            LongConsumer afterEach = atMs -> {
                engine.tick();
                engine.pump();
                liquidation.book();
                count[0]++;
                if (count[0] % progressEvery == 0) {
                    progress.update(count[0], atMs);
                }
            };
            PriceSeries tracked = new PriceSeries() {
                @Override
                public boolean hasNext() {
                    return series.hasNext();
                }

                @Override
                public MarketTrade next() {
                    MarketTrade t = series.next();
                    fundingDue.settleBy(t.atMs());
                    trail.mark(t.atMs(), t.price());
                    prices.seen(t.atMs(), t.price());
                    return t;
                }
            };
            MarketReplay.asFastAsPossible(exchange, config.symbol()).play(tracked, afterEach);
            GridView view = engine.view();
            List<MarkTrail.Kept> marks = trail.kept();
            // The end is the latest time seen: a file whose last row is not its latest must not drop the fills after it.
            long endMs = trail.latestMs();
            StatisticsInput input = new StatisticsInput(config.name(), config.positionMode(), journal.fills(),
                    journal.funding(), trail.marks(), journal.orders(),
                    journal.stopLosses().stream().map(r -> r.triggeredAtMs()).toList(), view.levels(),
                    settings.initialBalance());
            GridStatistics stats = StatisticsCalculator.compute(input, Period.ALL, endMs);
            return new Result(count[0], first.atMs(), endMs, view, journal, stats, marks, settings, funding,
                    liquidation.first());
        } finally {
            series.close();
        }
    }
}
