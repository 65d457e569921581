package io.gridbot.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.log.LogEntry;
import io.gridbot.core.log.LogType;
import io.gridbot.core.order.ClientOrderId;
import io.gridbot.core.order.Fill;
import io.gridbot.core.order.Side;
import io.gridbot.persistence.log.LogQuery;
import io.gridbot.persistence.writebehind.WriteBehind;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * Edge case 5 for real: the database becomes unreachable mid-run (a loopback proxy in front of it is cut)
 * and comes back. Nothing is lost but the log entries beyond the 1,000 kept in memory; every fill arrives.
 * Runs against the server database; the embedded file database has no network to lose (an H2 TCP server
 * behind the same proxy left its client hanging after the cut, so that variant is not kept).
 */
abstract class WriteBehindOutageContract {

    /** A database reached through the proxy; subclasses build both. */
    protected abstract Database database();

    protected abstract LoopbackProxy proxy();

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 60 s: " + what);
            }
            Thread.sleep(20);
        }
    }

    private static Fill fill(int i) {
        return new Fill(10_000L + i, "gb_x_ES_1_" + i, "o" + i, "t" + i, ClientOrderId.Kind.ENTRY, Side.SELL, 1,
                new BigDecimal("100.0"), new BigDecimal("0.010"), BigDecimal.ZERO, "USDT", BigDecimal.ZERO);
    }

    @Test
    void EC5_anOutageCostsOnlyTheLogEntriesBeyondTheBufferAndNoFill() throws Exception {
        long id = database().configs().create(PersistenceContract.grid("g"), 0);
        try (WriteBehind writes = new WriteBehind(database().tradeLog(), database().fills(), 200, 20, () -> 0L).start()) {
            for (int i = 0; i < 10; i++) {
                writes.log(id, new LogEntry(i, LogType.INFO, "before " + i, null, null));
            }
            writes.fill(id, fill(0));
            // In the database, not only out of the queue: a batch being written is in neither.
            await("the first entries stored", () -> database().tradeLog().count(id) == 10
                    && database().fills().between(id, 0, Long.MAX_VALUE).size() == 1);

            proxy().cut();
            writes.log(id, new LogEntry(999, LogType.WARN, "probe", null, null));
            await("the outage noticed", () -> !writes.healthy());
            for (int i = 0; i < 1_200; i++) {
                writes.log(id, new LogEntry(1_000 + i, LogType.ORDER, "during " + i, null, null));
            }
            for (int i = 1; i <= 5; i++) {
                writes.fill(id, fill(i));
            }
            // 1,201 entries arrived while down; the newest 1,000 are kept.
            await("the oldest dropped", () -> writes.droppedLogs() == 201);

            proxy().restore();
            await("the backlog written", () -> writes.backlog() == 0 && writes.healthy());
        }

        assertThat(database().fills().between(id, 0, Long.MAX_VALUE)).hasSize(6);
        assertThat(database().tradeLog().count(id)).isEqualTo(10 + 1_000);
        var during = database().tradeLog().query(new LogQuery(id, 1_000, 3_000, Set.of(), "during", 0, 1_000));
        assertThat(during.entries()).hasSize(1_000);
        assertThat(during.entries().getLast().detail()).isEqualTo("during 200"); // the oldest 200 were dropped
    }
}
