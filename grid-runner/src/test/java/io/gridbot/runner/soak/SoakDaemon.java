package io.gridbot.runner.soak;

import io.gridbot.exchange.binance.fake.FakeBinance;
import io.gridbot.exchange.binance.fake.StallingProxy;
import io.gridbot.persistence.DatabaseSettings;
import io.gridbot.persistence.LoopbackProxy;
import io.gridbot.runner.daemon.LeaseSettings;
import io.gridbot.runner.testing.DaemonProcess;
import io.gridbot.runner.testing.OrderWire;
import io.gridbot.runner.venue.BinanceEnvironment;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One daemon slot of a soak: a real {@code grid daemon} process, started again after every kill, with paths of
 * its own that the harness controls: to the database through a {@link LoopbackProxy} (cut for outages and
 * partitions), to the venue's REST through an {@link OrderWire} (so the venue's side says which daemon sent
 * each order), and to its streams through a {@link StallingProxy}. Its output goes to one log across restarts.
 */
final class SoakDaemon implements AutoCloseable {

    final String name;
    private final Path dataDir;
    private final Path log;
    private final List<String> jvmOptions;
    private final Map<String, String> env;
    private final LoopbackProxy databasePath;
    final OrderWire wire;
    private final StallingProxy streamPath;
    private final List<Long> pids = new ArrayList<>();
    private Process process;
    private boolean killing;
    private long logOffset;
    private long exitedAtNanos = -1;
    private int cuts;
    private int crashes;
    private int refusals;
    private int starts;

    SoakDaemon(String name, Path dir, DatabaseSettings database, FakeBinance venue, LeaseSettings lease)
            throws IOException {
        this.name = name;
        this.dataDir = dir.resolve(name);
        this.log = dir.resolve(name + ".log");
        this.jvmOptions = List.of("-D" + LeaseSettings.LEASE + "=" + lease.leaseMs(),
                "-D" + LeaseSettings.RENEW + "=" + lease.renewEveryMs(), "-D" + LeaseSettings.FENCE + "=" + lease.fenceAfterMs(),
                "-D" + LeaseSettings.POLL + "=" + lease.pollMs(), "-Xmx256m");
        URI server = URI.create(database.jdbcUrl().substring("jdbc:".length()));
        this.databasePath = new LoopbackProxy(server.getPort() < 0 ? 3306 : server.getPort());
        this.wire = new OrderWire(venue.restUrl());
        this.streamPath = new StallingProxy(URI.create(venue.streamUrl()).getPort());
        String url = database.jdbcUrl().replaceFirst("//[^/]+/", "//127.0.0.1:" + databasePath.port() + "/");
        this.env = Map.of("GRIDBOT_DB_URL", url, "GRIDBOT_DB_USER", database.user(), "GRIDBOT_DB_PASSWORD",
                database.password(), BinanceEnvironment.API_KEY, FakeBinance.CREDENTIALS.apiKey(),
                BinanceEnvironment.API_SECRET, FakeBinance.CREDENTIALS.secret(), BinanceEnvironment.REST_URL, wire.url(),
                BinanceEnvironment.STREAM_URL, "ws://127.0.0.1:" + streamPath.port());
    }

    /** Starts the process; the harness waits for it with {@link #up}. */
    synchronized void start() throws IOException {
        logOffset = Files.exists(log) ? Files.size(log) : 0;
        exitedAtNanos = -1;
        starts++;
        ProcessBuilder builder = new ProcessBuilder(DaemonProcess.command(jvmOptions, "daemon", "--data-dir",
                dataDir.toString())).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        process = builder.start();
        pids.add(process.pid());
        killing = false;
        Process started = process;
        started.onExit().thenAccept(p -> exited(p));
    }

    /** An exit the harness did not cause: a crash once the process was up, a refusal to start before. */
    private synchronized void exited(Process p) {
        if (p == process && !killing) {
            exitedAtNanos = System.nanoTime();
            if (saidUp()) {
                crashes++;
            } else {
                refusals++;
            }
        }
    }

    /** Whether the running process has said it is up. */
    synchronized boolean up() {
        return alive() && saidUp();
    }

    private boolean saidUp() {
        String out = output();
        return out.length() > logOffset && out.substring((int) Math.min(logOffset, out.length())).contains("gridbot daemon");
    }

    /**
     * Whether the process exited on its own at least {@code afterNanos} ago and is to be started again, as a
     * service manager does (systemd's {@code Restart=on-failure}).
     */
    synchronized boolean dueForRestart(long afterNanos) {
        return exitedAtNanos >= 0 && System.nanoTime() - exitedAtNanos >= afterNanos;
    }

    synchronized boolean alive() {
        return process != null && process.isAlive();
    }

    /** SIGKILL, and waits for the process to be gone. */
    void kill() throws InterruptedException {
        Process p;
        synchronized (this) {
            killing = true;
            p = process;
        }
        if (p != null) {
            p.destroyForcibly().waitFor();
        }
    }

    /** Whether a lease owner names one of this slot's processes. */
    synchronized boolean owns(String leaseOwner) {
        return leaseOwner != null && pids.stream().anyMatch(pid -> leaseOwner.endsWith("/" + pid));
    }

    /** Whether a lease owner names the process running now. */
    synchronized boolean runningAs(String leaseOwner) {
        return leaseOwner != null && process != null && process.isAlive() && leaseOwner.endsWith("/" + process.pid());
    }

    /** Exits the harness did not cause, after the process was up. */
    synchronized int crashes() {
        return crashes;
    }

    /** Exits before the process said it was up (e.g. no database to start on). */
    synchronized int refusals() {
        return refusals;
    }

    synchronized int starts() {
        return starts;
    }

    /** Cuts the database path; cuts nest (an outage during a partition), the last restore ends them. */
    synchronized void cutDatabase() throws IOException {
        if (cuts++ == 0) {
            databasePath.cut();
        }
    }

    synchronized void restoreDatabase() throws IOException {
        if (--cuts == 0) {
            databasePath.restore();
        }
    }

    void stallStreams(boolean stalled) {
        streamPath.stall(stalled);
    }

    Path log() {
        return log;
    }

    String output() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() throws IOException {
        try {
            kill();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        databasePath.close();
        wire.close();
        streamPath.close();
    }
}
