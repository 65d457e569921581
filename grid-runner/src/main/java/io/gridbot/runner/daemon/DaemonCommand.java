package io.gridbot.runner.daemon;

import io.gridbot.core.market.SymbolRules;
import io.gridbot.exchange.sim.SimClock;
import io.gridbot.exchange.sim.SimSettings;
import io.gridbot.exchange.sim.SimulatedExchange;
import io.gridbot.persistence.Database;
import io.gridbot.runner.store.StoreOptions;
import io.gridbot.runner.web.DashboardOptions;
import io.gridbot.runner.web.DashboardServer;
import io.gridbot.runner.web.grid.LiveGrids;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code grid daemon}: hosts the stored grids until stopped (Ctrl-C or SIGTERM pauses them, orders kept).
 * For now its venue is the simulated exchange, fed with the recorded BTCUSDT series at {@code --speed}
 * times real time; the Binance adapter plugs in here with issue 6.
 */
@Command(name = "daemon", mixinStandardHelpOptions = true,
        description = "Host the stored grids; control them from another terminal with start, pause, resume, stop.")
public final class DaemonCommand implements Callable<Integer> {

    @Option(names = "--speed", defaultValue = "60", description = "simulated market speed, times real time (default ${DEFAULT-VALUE})")
    double speed;

    @Mixin
    StoreOptions store;

    @Mixin
    DashboardOptions dashboard;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        String owner = System.getProperty("user.name") + "@" + InetAddress.getLocalHost().getHostName() + "/"
                + ProcessHandle.current().pid();
        SimClock clock = new SimClock(System.currentTimeMillis());
        // The simulated venue keeps its state next to the database, so it outlives the daemon as a real one does.
        java.nio.file.Files.createDirectories(store.dataDirectory());
        SimulatedExchange exchange = new SimulatedExchange(clock, SimSettings.defaults())
                .list(new SymbolRules("BTCUSDT", new BigDecimal("0.1"), new BigDecimal("0.001"), new BigDecimal("0.001"),
                        new BigDecimal("5"), 200), new BigDecimal("26076.01"))
                .persistTo(store.dataDirectory().resolve("simulated-venue.state"));
        CountDownLatch stopped = new CountDownLatch(1);
        Database db = store.open();
        GridDaemon daemon = new GridDaemon(db, exchange, System::currentTimeMillis, owner).start();
        SimulatedMarket market = new SimulatedMarket(exchange, speed);
        java.util.Optional<DashboardServer> web = dashboard.start(db, LiveGrids.of(daemon::views),
                spec.commandLine().getOut());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            web.ifPresent(DashboardServer::close);
            market.close();
            daemon.close();
            db.close();
            stopped.countDown();
        }));
        spec.commandLine().getOut().printf("gridbot daemon %s running; market: simulated BTCUSDT at %s× real time. "
                + "Ctrl-C pauses the grids and exits.%n", owner, speed);
        spec.commandLine().getOut().flush();
        stopped.await();
        return 0;
    }
}
