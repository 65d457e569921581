package io.gridbot.runner.metrics;

import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.gridbot.core.config.GridConfig;
import io.gridbot.persistence.Database;
import io.gridbot.persistence.writebehind.WriteBehind;
import io.gridbot.runner.engine.VenueCallWatch;
import io.gridbot.runner.web.http.Route;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.jetty.JettyConnectionMetrics;
import io.micrometer.core.instrument.binder.jetty.JettyServerThreadPoolMetrics;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.eclipse.jetty.server.Server;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A daemon's health and metrics: the meters of its grids, its venue calls, its write-behind and database pool,
 * the JVM and the HTTP server, all in one Prometheus registry, and the health judged by {@link HealthCheck}.
 * Per-grid gauges are set from the hosted grids just before each scrape, so a scrape shows one moment; the
 * venue-call meters count as calls happen. docs/monitoring.md lists every meter.
 */
public final class Monitoring implements HttpMonitoring, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Monitoring.class);

    /** A hosted grid with its stream reading, as health and the gauges see it. */
    record Observed(HostedGridState state, StreamLog.Reading stream) {
    }

    private final PrometheusMeterRegistry registry;
    private final HostedGrids grids;
    private final LongSupplier clock;
    private final HealthCheck health;
    private final LedgerFigures ledger;
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final Map<String, VenueMeters> venues = new ConcurrentHashMap<>();
    private final Map<Long, GridGauges> gauges = new HashMap<>();
    private volatile HealthReport.Status lastStatus = HealthReport.Status.UP;
    private volatile boolean databaseUp = true;
    private volatile NotifierMeters notifiers;

    /**
     * Binds the JVM's, the database pool's and the write-behind's meters to {@code registry}.
     *
     * @param grids  the grids hosted now
     * @param daemon the daemon's identity, shown by {@code /health}
     */
    public Monitoring(PrometheusMeterRegistry registry, Database db, WriteBehind writes, LongSupplier clock,
            String daemon, HostedGrids grids) {
        this.registry = registry;
        this.grids = grids;
        this.clock = clock;
        this.health = new HealthCheck(db, writes, clock, daemon);
        this.ledger = new LedgerFigures(db);
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        try {
            db.trackPool(new MicrometerMetricsTrackerFactory(registry));
        } catch (IllegalStateException e) {
            LOG.debug("the database pool reports to another registry already: {}", e.getMessage());
        }
        Gauge.builder(MeterNames.BACKLOG, writes, WriteBehind::backlog)
                .description("Entries waiting in the write-behind").register(registry);
        FunctionCounter.builder(MeterNames.DROPPED, writes, WriteBehind::droppedLogs)
                .description("Log entries the write-behind dropped (its buffer was full)").register(registry);
        Gauge.builder(MeterNames.OUTAGE, writes, w -> w.healthy() ? 0 : 1)
                .description("1 while the write-behind's writes fail").register(registry);
        Gauge.builder(MeterNames.DATABASE_UP, this, m -> m.databaseUp ? 1 : 0)
                .description("1 while the database answers (checked at each scrape)").register(registry);
        Gauge.builder(MeterNames.HOSTED, this, m -> m.gaugeCount())
                .description("Grids this daemon hosts").register(registry);
        for (HealthReport.Status s : HealthReport.Status.values()) {
            Gauge.builder(MeterNames.HEALTH, this, m -> m.lastStatus == s ? 1 : 0).tag("status", s.name())
                    .description("1 for the daemon's health status (as /health judges it)").register(registry);
        }
    }

    private synchronized int gaugeCount() {
        return gauges.size();
    }

    /** The watch of a grid's venue calls, as it is hosted: the same meters each time it is hosted again. */
    public VenueCallWatch venueCalls(GridConfig config) {
        long now = clock.getAsLong();
        VenueMeters meters = venues.computeIfAbsent(config.name(), n -> new VenueMeters(registry, tags(config), now));
        meters.rehosted(now);
        return meters;
    }

    private static Tags tags(GridConfig config) {
        return Tags.of("grid", config.name(), "exchange", config.exchange(), "symbol", config.symbol());
    }

    /** The hosted grids now, each with its stream's reading. */
    private List<Observed> observe() {
        long now = clock.getAsLong();
        return grids.now().stream().map(g -> {
            VenueMeters meters = venues.get(g.name());
            StreamLog.Reading stream = meters == null
                    ? new StreamLog.Reading(g.view().streamUp(), g.view().streamUp() ? "CONNECTED" : "SILENT", g.hostedAtMs())
                    : meters.stream().observe(g.view().streamUp(), now);
            return new Observed(g, stream);
        }).toList();
    }

    /** The daemon's health now. */
    public HealthReport health() {
        HealthReport report = health.check(observe());
        lastStatus = report.status();
        databaseUp = report.database().reachable();
        return report;
    }

    /** Every meter in Prometheus's text format, the grids' gauges and the health set afresh first. */
    public synchronized String scrape() {
        long now = clock.getAsLong();
        List<Observed> observed = observe();
        Map<Long, GridGauges> gone = new HashMap<>(gauges);
        for (Observed o : ledger.round(observed, o -> o.state().stored().id())) {
            HostedGridState g = o.state();
            gone.remove(g.stored().id());
            GridGauges shown = gauges.computeIfAbsent(g.stored().id(), id -> new GridGauges(registry, tags(g.stored().config())));
            shown.show(g, ledger.of(g.stored(), g.view().lastPrice(), now), o.stream().connected(), now);
        }
        gone.forEach((id, shown) -> {
            shown.remove();
            gauges.remove(id);
            ledger.forget(id);
        });
        HealthReport report = health.check(observed);
        lastStatus = report.status();
        databaseUp = report.database().reachable();
        if (notifiers != null) {
            notifiers.refresh();
        }
        return registry.scrape();
    }

    @Override
    public List<Route> routes() {
        return new MonitoringRoutes(this).routes();
    }

    @Override
    public void watch(Server server) {
        new JettyServerThreadPoolMetrics(server.getThreadPool(), Tags.empty()).bindTo(registry);
        JettyConnectionMetrics.addToAllConnectors(server, registry);
    }

    /** Counts what the daemon's notifiers deliver and drop, per notifier, from the next scrape on. */
    public void countNotifiers(NotifierFigures figures) {
        notifiers = new NotifierMeters(registry, figures);
    }

    /** The registry, for what else the process reports. */
    public PrometheusMeterRegistry registry() {
        return registry;
    }

    @Override
    public void close() {
        gc.close();
    }
}
