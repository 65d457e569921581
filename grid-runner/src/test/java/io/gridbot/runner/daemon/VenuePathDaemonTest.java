package io.gridbot.runner.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.config.GridConfig;
import io.gridbot.core.config.GridMode;
import io.gridbot.core.event.GridEvent.Control;
import io.gridbot.core.status.GridStatus;
import io.gridbot.exchange.sim.SimulatedVenueProvider;
import io.gridbot.persistence.Database;
import io.gridbot.runner.store.ControlRequests;
import io.gridbot.runner.testing.Eventually;
import io.gridbot.runner.testing.ExampleVenueJar;
import io.gridbot.runner.testing.FakeVenueDaemon;
import io.gridbot.runner.testing.ServerDatabase;
import io.gridbot.runner.venue.VenuePath;
import java.math.BigDecimal;
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
 * Issue 17, in a real daemon process on MariaDB: a venue loaded from {@code GRIDBOT_VENUE_PATH} (the example venue's
 * jar, which is on no class path) is one the daemon hosts grids on: a start of a grid on {@code example} is taken and
 * carried out there, its venue opened through the provider in that jar, not refused as an unknown venue.
 */
class VenuePathDaemonTest {

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

    @Test
    void aGridOnAVenueFromTheVenuePathIsHostedByTheDaemon() throws Exception {
        Path venues = dir.resolve("venues");
        ExampleVenueJar.into(venues);
        long id = db.configs().create(GridConfig.builder("ex", SimulatedVenueProvider.BTCUSDT).exchange("example")
                .mode(GridMode.NEUTRAL).band(new BigDecimal("25000"), new BigDecimal("27000")).levels(21)
                .orderQty(new BigDecimal("0.010")).maxPosition(new BigDecimal("0.050")).build(), 0);
        log = dir.resolve("daemon.log");
        daemon = FakeVenueDaemon.builder(dir.resolve("data"), log, server.settings().jdbcUrl(), server.settings().user(),
                server.settings().password(), Map.of(VenuePath.VARIABLE, venues.toString(),
                        "GRIDBOT_EXAMPLE_API_KEY", "example-key")).start();
        Eventually.await("the daemon up", Duration.ofSeconds(60), () -> said("gridbot daemon"));

        ControlRequests.Reply reply = ControlRequests.send(db, id, Control.START, "test", 30_000, 10_000,
                System::currentTimeMillis);

        assertThat(reply).as(reply.toString()).isNotInstanceOf(ControlRequests.Unanswered.class);
        if (reply instanceof ControlRequests.Acknowledged ack) {
            assertThat(ack.refused()).as(ack.outcome()).isFalse();
        }
        Eventually.await("the grid hosted by the daemon", Duration.ofSeconds(30), () -> db.runtime().lease(id)
                .map(l -> l.owner() != null && l.owner().endsWith("/" + daemon.pid())).orElse(false));
        assertThat(db.runtime().status(id)).isIn(GridStatus.INITIALIZING, GridStatus.RUNNING);
        assertThat(Files.readString(log)).doesNotContain("unknown venue").doesNotContain("is unavailable")
                .doesNotContain("reading control requests failed");
    }
}
