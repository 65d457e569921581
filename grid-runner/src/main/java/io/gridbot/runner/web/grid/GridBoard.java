package io.gridbot.runner.web.grid;

import io.gridbot.core.level.Level;
import io.gridbot.core.level.LevelState;
import io.gridbot.core.log.LogType;
import io.gridbot.core.machine.GridView;
import io.gridbot.core.stoploss.StopLines;
import io.gridbot.core.spacing.GridLadder;
import io.gridbot.core.order.Fill;
import io.gridbot.core.status.GridStatus;
import io.gridbot.persistence.Database;
import io.gridbot.persistence.config.StoredGrid;
import io.gridbot.persistence.log.LogQuery;
import io.gridbot.persistence.log.TradeLogRepository;
import io.gridbot.runner.store.StatisticsSource;
import io.gridbot.stats.curve.EquityCurve;
import io.gridbot.stats.ledger.PricePoint;
import io.gridbot.stats.metrics.GridStatistics;
import io.gridbot.stats.metrics.Period;
import io.gridbot.stats.metrics.StatisticsCalculator;
import io.gridbot.stats.metrics.StatisticsInput;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The dashboard's read model: what each page shows, computed on demand from the database (so grids run by a
 * daemon on another host appear too) and from the live engines of this process when it hosts the grid.
 * Statistics are computed from the ledger at request time, so a fill shows within a second of being stored;
 * the all-time figures of the live push are shared by every viewer for up to {@value #SHARED_FOR_MS} ms.
 */
public final class GridBoard {

    /** Entries on the log page (the "last 200"). */
    public static final int LOG_PAGE = 200;
    /** How many of the newest entries a keyword search reads. */
    public static final int KEYWORD_SEARCHES = 100_000;
    /** How long the pushed all-time figures are reused between viewers. */
    static final long SHARED_FOR_MS = 900;
    private static final int CURVE_POINTS = 600;

    /** The all-time figures, the price they value the position at (and when it was seen), and the levels. */
    private record Figures(long atMs, GridStatistics all, BigDecimal lastPrice, Long priceAtMs, List<Level> levels) {
    }

    private final Database db;
    private final LiveGrids live;
    private final LongSupplier clock;
    private final Map<Long, Figures> shared = new ConcurrentHashMap<>();

    public GridBoard(Database db, LiveGrids live, LongSupplier clock) {
        this.db = db;
        this.live = live;
        this.clock = clock;
    }

    /** The stored grid of this name. */
    public Optional<StoredGrid> grid(String name) {
        return db.configs().find(name);
    }

    /** The grid list. */
    public List<GridRow> rows() {
        return db.configs().list().stream().map(this::row).toList();
    }

    /** The grid list's totals over these rows. */
    public GridTotals totals(List<GridRow> rows) {
        return GridTotals.of(rows);
    }

    /** The live picture of one grid. */
    public GridSnapshot snapshot(StoredGrid grid) {
        Optional<GridView> view = live.view(grid.config().name());
        Figures figures = figures(grid);
        List<Level> levels = view.map(GridView::levels).orElseGet(() -> db.levels().levels(grid.id()));
        List<GridSnapshot.LevelRow> levelRows = levels.stream()
                .map(l -> new GridSnapshot.LevelRow(l.line(), Decimals.text(l.price()), l.state().name(),
                        Decimals.text(l.signedPosition())))
                .toList();
        List<GridSnapshot.OpenOrder> orders = db.orderIntents().open(grid.id(), grid.config().symbol()).stream()
                .map(i -> new GridSnapshot.OpenOrder(i.clientOrderId(), i.request().side().name(),
                        i.intent() == null ? "-" : i.intent().name(),
                        Decimals.text(i.request().price() != null ? i.request().price() : i.request().stopPrice()),
                        Decimals.text(i.request().quantity()), Decimals.text(i.filled()), i.line()))
                .toList();
        var c = grid.config();
        SymbolAssets assets = SymbolAssets.of(c.symbol());
        return new GridSnapshot(row(grid, view, figures), clock.getAsLong(), figures.priceAtMs(), Decimals.text(c.lowerPrice()),
                Decimals.text(c.upperPrice()), Decimals.text(c.maxPosition()), Decimals.text(figures.all().fees()),
                view.map(GridView::streamUp).orElse(false), view.map(GridView::skippedEntries).orElse(0L),
                view.map(v -> (long) v.stopLossCount()).orElse(figures.all().stopLossCount()), levelRows, orders,
                stopLoss(levels, c.stopLossBufferPct()), assets.base(), assets.quote());
    }

    /** The stop-loss lines of the grid's lines, as the core computes them; none before it has lines. */
    private static GridSnapshot.StopLoss stopLoss(List<Level> levels, BigDecimal bufferPct) {
        if (levels.isEmpty()) {
            return null;
        }
        StopLines lines = StopLines.of(new GridLadder(levels.stream().map(Level::price).sorted().toList()), bufferPct);
        return new GridSnapshot.StopLoss(Decimals.text(lines.lower()), Decimals.text(lines.upper()));
    }

    /** Statistics for a period, computed now from the ledger (and the live price when hosted here). */
    public StatisticsReport statistics(StoredGrid grid, Period period) {
        return statistics(grid, period, BigDecimal.ZERO, Long.MAX_VALUE);
    }

    /**
     * Statistics for the period ending at {@code untilMs} (now when later), with percentages of this capital
     * (none when zero). A period that ends before now values the position at the last fill's price before its
     * end: the market price of that moment is not kept.
     */
    public StatisticsReport statistics(StoredGrid grid, Period period, BigDecimal capital, long untilMs) {
        long now = clock.getAsLong();
        long to = Math.min(now, untilMs);
        StatisticsInput input = to == now ? input(grid, now, capital)
                : StatisticsSource.read(db, grid, to, capital, List.of());
        return StatisticsReport.of(StatisticsCalculator.compute(input, period, StatisticsSource.end(grid, input, to)),
                grid.config());
    }

    /** Every period's statistics, computed now: the statistics CSV. */
    public List<GridStatistics> report(StoredGrid grid, StatisticsInput input, long nowMs) {
        long end = StatisticsSource.end(grid, input, nowMs);
        return java.util.Arrays.stream(Period.values()).map(p -> StatisticsCalculator.compute(input, p, end)).toList();
    }

    /**
     * The live price (seen now) when the grid runs here, else the one its hosting daemon last recorded (when it
     * recorded it), else none.
     */
    private Optional<PricePoint> marketPrice(StoredGrid grid, long nowMs) {
        return live.view(grid.config().name()).map(GridView::lastPrice).map(p -> new PricePoint(nowMs, p))
                .or(() -> db.runtime().mark(grid.id()).map(m -> new PricePoint(m.atMs(), m.price())));
    }

    /** What the statistics and the CSV exports are computed from. */
    public StatisticsInput input(StoredGrid grid, long nowMs) {
        return input(grid, nowMs, BigDecimal.ZERO);
    }

    private StatisticsInput input(StoredGrid grid, long nowMs, BigDecimal capital) {
        List<PricePoint> prices = marketPrice(grid, nowMs).map(List::of).orElse(List.of());
        return StatisticsSource.read(db, grid, nowMs, capital, prices);
    }

    /** The configuration as the API serves it, with the grid's recorded state. */
    public ConfigDocument config(StoredGrid grid) {
        return ConfigDocument.of(grid.config(), db.runtime().status(grid.id()));
    }

    /** Every stored configuration, as {@link #config} serves each. */
    public List<ConfigDocument> configs() {
        return db.configs().list().stream().map(this::config).toList();
    }

    /** The equity curve from the ledger and the stored marks, ending at the live price when hosted here. */
    public List<EquityCurve.Point> equity(StoredGrid grid) {
        long now = clock.getAsLong();
        BigDecimal price = marketPrice(grid, now).map(PricePoint::price).orElse(null);
        List<io.gridbot.stats.ledger.FundingPayment> funding = db.accountHistory().funding(grid.id(), 0, now).stream()
                .map(f -> new io.gridbot.stats.ledger.FundingPayment(f.atMs(), f.amount())).toList();
        return EquityCurve.of(grid.config().positionMode(), db.fills().between(grid.id(), 0, now), funding,
                StatisticsSource.storedMarks(db, grid.id(), now), price, now, CURVE_POINTS);
    }

    /**
     * The newest {@value #LOG_PAGE} log entries of these types (all when empty) containing the keyword. A keyword
     * search reads the newest {@value #KEYWORD_SEARCHES} entries only: a substring match reads every row, and
     * the page must stay quick with millions of them ({@code grid logs --keyword} searches everything).
     */
    public LogPage logs(StoredGrid grid, Set<LogType> types, String keyword) {
        return logs(grid, LogFilter.newest(types, keyword));
    }

    /**
     * The entries the filter selects. Without a start ({@link LogFilter#sinceMs} {@code null}) a keyword search
     * reads the newest {@value #KEYWORD_SEARCHES} entries only, as on the log page; with one it reads the range.
     */
    public LogPage logs(StoredGrid grid, LogFilter filter) {
        boolean search = filter.keyword() != null && !filter.keyword().isBlank();
        long from = filter.sinceMs() != null ? filter.sinceMs()
                : search ? db.tradeLog().newestTime(grid.id(), KEYWORD_SEARCHES - 1).orElse(0L) : 0;
        TradeLogRepository.Page page = db.tradeLog().query(new LogQuery(grid.id(), from, filter.untilMs(),
                filter.types(), filter.keyword(), filter.page(), filter.size()));
        return new LogPage(page.entries().stream().map(e -> new LogPage.Row(e.atMs(), e.type().name(), e.detail(),
                e.clientOrderId(), e.line())).toList(), page.more());
    }

    private GridRow row(StoredGrid grid) {
        return row(grid, live.view(grid.config().name()), figures(grid));
    }

    private GridRow row(StoredGrid grid, Optional<GridView> view, Figures f) {
        GridStatus status = view.map(GridView::status).orElseGet(() -> db.runtime().status(grid.id()));
        GridStatistics s = f.all();
        BigDecimal position = view.map(GridView::position).orElse(s.currentPosition());
        List<Level> levels = view.map(GridView::levels).orElse(f.levels());
        var c = grid.config();
        Long since = status == GridStatus.RUNNING ? runningSince(grid) : null;
        long now = clock.getAsLong();
        return new GridRow(c.name(), c.exchange(), c.symbol(), c.mode().name(), status.name(), view.isPresent(),
                Decimals.text(f.lastPrice()), Decimals.text(position), Decimals.text(s.realizedPnl()),
                Decimals.text(s.unrealizedPnl()), Decimals.text(s.totalPnl()), s.totalTrades(),
                working(levels, LevelState.ENTRY_WORKING), working(levels, LevelState.EXIT_WORKING),
                Decimals.text(c.lowerPrice()), Decimals.text(c.upperPrice()), Decimals.text(s.fees()),
                null, since, since == null ? null : Math.max(0, now - since));
    }

    /** When the grid last entered running, as recorded; unknown while the recording lags the live engine. */
    private Long runningSince(StoredGrid grid) {
        return db.runtime().runningSince(grid.id()).orElse(null);
    }

    private static long working(List<Level> levels, LevelState state) {
        return levels.stream().filter(l -> l.state() == state).count();
    }

    /** The all-time figures, shared between viewers for a moment: the ledger is read once per push, not per viewer. */
    private Figures figures(StoredGrid grid) {
        long now = clock.getAsLong();
        Figures cached = shared.get(grid.id());
        if (cached != null && now - cached.atMs() < SHARED_FOR_MS && now >= cached.atMs()) {
            return cached;
        }
        PricePoint market = marketPrice(grid, now).orElse(null);
        StatisticsInput input = StatisticsSource.read(db, grid, now, BigDecimal.ZERO,
                market == null ? List.of() : List.of(market));
        BigDecimal price = market == null ? lastPrice(input) : market.price();
        Figures fresh = new Figures(now, StatisticsCalculator.compute(input, Period.ALL,
                StatisticsSource.end(grid, input, now)), price, market == null ? null : market.atMs(), input.levels());
        shared.put(grid.id(), fresh);
        return fresh;
    }

    /** The price the position is valued at without a market price: the latest stored mark's or fill's. */
    private static BigDecimal lastPrice(StatisticsInput input) {
        List<Fill> fills = input.fills();
        List<PricePoint> marks = input.prices();
        Fill fill = fills.isEmpty() ? null : fills.get(fills.size() - 1);
        PricePoint mark = marks.isEmpty() ? null : marks.get(marks.size() - 1);
        if (mark == null || (fill != null && fill.atMs() > mark.atMs())) {
            return fill == null ? null : fill.price();
        }
        return mark.price();
    }
}
