package io.gridbot.runner.okx;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.config.GridConfig;
import io.gridbot.core.config.GridMode;
import io.gridbot.core.event.GridEvent.Control;
import io.gridbot.core.status.GridStatus;
import io.gridbot.exchange.okx.OkxVenueProvider;
import io.gridbot.exchange.okx.fake.FakeInstrument;
import io.gridbot.exchange.okx.fake.FakeOkx;
import io.gridbot.exchange.sim.SimulatedVenueProvider;
import io.gridbot.exchange.venue.SymbolListing;
import io.gridbot.exchange.venue.VenueSettings;
import io.gridbot.persistence.Database;
import io.gridbot.runner.store.ControlRequests;
import io.gridbot.runner.testing.Eventually;
import io.gridbot.runner.testing.FakeVenueDaemon;
import io.gridbot.runner.testing.ServerDatabase;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17, in a real daemon process on MariaDB: a start of an OKX grid while OKX's REST host cannot be reached is
 * refused with the venue's reason, once, and the daemon's polling of control requests never fails for it; a grid
 * on the daemon's simulated venue started before keeps running and answers a pause.
 */
class OkxUnreachableDaemonTest {

    @TempDir(cleanup = CleanupMode.ON_SUCCESS) // the daemon's log stays when it fails
    Path dir;

    private ServerDatabase server;
    private Database db;
    private Process daemon;
    private Path log;

    @BeforeEach
    void open() throws Exception {
        server = ServerDatabase.create();
        db = Database.open(server.settings());
    }

    @AfterEach
    void close() throws Exception {
        if (daemon != null) {
            daemon.destroyForcibly().waitFor();
        }
        if (db != null) {
            db.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private boolean said(String text) {
        try {
            return Files.exists(log) && Files.readString(log).contains(text);
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static String closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        }
    }

    private ControlRequests.Acknowledged send(long gridId, Control action) throws InterruptedException {
        return (ControlRequests.Acknowledged) ControlRequests.send(db, gridId, action, "test", 30_000, 60_000,
                System::currentTimeMillis);
    }

    @Test
    void aStartOnOkxWhileItsHostIsUnreachableIsRefusedWithTheReasonAndTheSimulatedGridRunsOn() throws Exception {
        SymbolListing.Listed eth;
        try (FakeOkx listing = FakeOkx.start(FakeInstrument.ETH_USDT_SWAP, new BigDecimal("1650.00"))) {
            eth = (SymbolListing.Listed) new OkxVenueProvider().listing(VenueSettings.of(Map.of(
                    OkxVenueProvider.REST_URL, listing.restUrl())), "ETH-USDT-SWAP");
        }
        long okx = db.configs().create(GridConfig.builder("okx-down", eth.rules()).exchange("okx").mode(GridMode.LONG)
                .band(new BigDecimal("1600"), new BigDecimal("1700")).levels(11).orderQty(new BigDecimal("0.3"))
                .maxPosition(new BigDecimal("1.5")).build(), 0);
        long sim = db.configs().create(GridConfig.builder("sim", SimulatedVenueProvider.BTCUSDT).exchange("simulated")
                .mode(GridMode.NEUTRAL).band(new BigDecimal("25000"), new BigDecimal("27000")).levels(21)
                .orderQty(new BigDecimal("0.010")).maxPosition(new BigDecimal("0.050")).build(), 0);
        String nowhere = closedPort();
        log = dir.resolve("daemon.log");
        daemon = FakeVenueDaemon.builder(dir.resolve("data"), log, server.settings().jdbcUrl(), server.settings().user(),
                server.settings().password(), Map.of(OkxVenueProvider.REST_URL, nowhere,
                        OkxVenueProvider.STREAM_URL, nowhere.replace("http://", ""),
                        OkxVenueProvider.API_KEY, FakeOkx.CREDENTIALS.apiKey(),
                        OkxVenueProvider.API_SECRET, FakeOkx.CREDENTIALS.secret(),
                        OkxVenueProvider.PASSPHRASE, FakeOkx.CREDENTIALS.passphrase())).start();
        Eventually.await("the daemon up", Duration.ofSeconds(60), () -> said("gridbot daemon"));
        assertThat(send(sim, Control.START).refused()).isFalse();

        ControlRequests.Acknowledged refused = send(okx, Control.START);

        assertThat(refused.refused()).as(refused.outcome()).isTrue();
        assertThat(refused.outcome()).startsWith("cannot start on ").contains(": venue okx is unavailable: it did not open: ");
        assertThat(db.runtime().status(okx)).isNotEqualTo(GridStatus.RUNNING);
        ControlRequests.Acknowledged paused = send(sim, Control.PAUSE);
        assertThat(paused.refused()).as(paused.outcome()).isFalse();
        assertThat(paused.outcome()).contains("pause accepted");
        assertThat(Files.readString(log)).doesNotContain("reading control requests failed");
        assertThat(daemon.isAlive()).isTrue();
    }
}
