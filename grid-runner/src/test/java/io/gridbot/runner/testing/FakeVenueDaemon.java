package io.gridbot.runner.testing;

import io.gridbot.exchange.binance.fake.FakeBinance;
import io.gridbot.exchange.bybit.BybitVenueProvider;
import io.gridbot.exchange.bybit.fake.FakeBybit;
import io.gridbot.exchange.okx.OkxVenueProvider;
import io.gridbot.exchange.okx.fake.FakeOkx;
import io.gridbot.persistence.Database;
import io.gridbot.runner.daemon.LeaseSettings;
import io.gridbot.runner.venue.BinanceEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A real daemon process trading on a fake venue, for the tests that kill daemons: short leases, so that another
 * daemon takes a killed one's grids over within seconds, and the fake's credentials and addresses in its
 * environment, as a person sets them.
 */
public final class FakeVenueDaemon {

    /** Leases of 4 s, renewed every 0.5 s, fenced after 2 s, requests read every 0.2 s. */
    public static final LeaseSettings QUICK_LEASE = new LeaseSettings(4_000, 500, 2_000, 200);

    private FakeVenueDaemon() {
    }

    /** A daemon process started by a test, and the file its output goes to. */
    public record Running(Process process, Path log) {
        /** Whether its output holds {@code text} so far. */
        public boolean said(String text) {
            try {
                return Files.exists(log) && Files.readString(log).contains(text);
            } catch (IOException e) {
                return false;
            }
        }

        /** Whether it holds the grid's lease and the grid runs (a grid runs only once it has seen the venue). */
        public boolean hostsRunning(Database db, long gridId) {
            return db.runtime().lease(gridId).map(l -> l.owner() != null && l.owner().endsWith("/" + process.pid()))
                    .orElse(false) && db.runtime().status(gridId) == io.gridbot.core.status.GridStatus.RUNNING;
        }

        /** SIGKILL, as {@code kill -9} does, and waits for the process to end. */
        public void kill() throws InterruptedException {
            process.destroyForcibly().waitFor();
        }
    }

    /** Starts the process and waits until it says it is up (within {@code wait}). */
    public static Running start(ProcessBuilder builder, Duration wait) throws IOException, InterruptedException {
        Path log = builder.redirectOutput().file().toPath();
        Running daemon = new Running(builder.start(), log);
        Eventually.await("the daemon logging to " + log.getFileName() + " up", wait, () -> daemon.said("gridbot daemon"));
        return daemon;
    }

    /**
     * The daemon's process, not started: its data in {@code dataDir}, its output to {@code log}, its database at
     * {@code jdbcUrl}, the venue's settings in {@code venueEnvironment}.
     */
    public static ProcessBuilder builder(Path dataDir, Path log, String jdbcUrl, String user, String password,
            Map<String, String> venueEnvironment) {
        ProcessBuilder builder = new ProcessBuilder(DaemonProcess.command(List.of(
                "-D" + LeaseSettings.LEASE + "=" + QUICK_LEASE.leaseMs(),
                "-D" + LeaseSettings.RENEW + "=" + QUICK_LEASE.renewEveryMs(),
                "-D" + LeaseSettings.FENCE + "=" + QUICK_LEASE.fenceAfterMs(),
                "-D" + LeaseSettings.POLL + "=" + QUICK_LEASE.pollMs()),
                "daemon", "--data-dir", dataDir.toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("GRIDBOT_DB_URL", jdbcUrl);
        env.put("GRIDBOT_DB_USER", user);
        env.put("GRIDBOT_DB_PASSWORD", password);
        env.putAll(venueEnvironment);
        return builder;
    }

    /** A fake Binance's credentials and streams, its orders sent to {@code restUrl} (the fake's, or a wire in front of it). */
    public static Map<String, String> binance(FakeBinance fake, String restUrl) {
        return Map.of(BinanceEnvironment.API_KEY, FakeBinance.CREDENTIALS.apiKey(),
                BinanceEnvironment.API_SECRET, FakeBinance.CREDENTIALS.secret(),
                BinanceEnvironment.REST_URL, restUrl,
                BinanceEnvironment.STREAM_URL, fake.streamUrl());
    }

    /** A fake OKX's credentials (its demo environment) and hosts. */
    public static Map<String, String> okx(FakeOkx fake) {
        return Map.of(OkxVenueProvider.API_KEY, FakeOkx.CREDENTIALS.apiKey(),
                OkxVenueProvider.API_SECRET, FakeOkx.CREDENTIALS.secret(),
                OkxVenueProvider.PASSPHRASE, FakeOkx.CREDENTIALS.passphrase(),
                OkxVenueProvider.REST_URL, fake.restUrl(),
                OkxVenueProvider.STREAM_URL, fake.streamHost());
    }

    /** A fake Bybit's credentials (testnet, the default environment) and hosts. */
    public static Map<String, String> bybit(FakeBybit fake) {
        return Map.of(BybitVenueProvider.API_KEY, FakeBybit.CREDENTIALS.apiKey(),
                BybitVenueProvider.API_SECRET, FakeBybit.CREDENTIALS.secret(),
                BybitVenueProvider.REST_URL, fake.restUrl(),
                BybitVenueProvider.STREAM_URL, fake.streamHost());
    }
}
