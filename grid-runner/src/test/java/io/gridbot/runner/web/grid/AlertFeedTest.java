package io.gridbot.runner.web.grid;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.log.LogEntry;
import io.gridbot.core.log.LogType;
import io.gridbot.persistence.Database;
import io.gridbot.persistence.DatabaseSettings;
import io.gridbot.runner.testing.StoredGrids;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The banners' reading is shared by every viewer for two seconds, then read again. */
class AlertFeedTest {

    @TempDir
    Path dir;

    @Test
    void oneReadingServesEveryViewerForTwoSeconds() {
        try (Database db = Database.open(DatabaseSettings.embedded(dir))) {
            long id = StoredGrids.longBtc(db, "g");
            AtomicLong now = new AtomicLong(10_000_000);
            AlertFeed feed = new AlertFeed(db, now::get);
            db.tradeLog().append(id, List.of(new LogEntry(now.get() - 1, LogType.ERROR, "the venue refused", null, null)),
                    now.get());
            assertThat(feed.recent()).extracting(DashboardAlert::kind).containsExactly("ERROR");

            db.tradeLog().append(id, List.of(new LogEntry(now.get(), LogType.WARN, "insufficient balance: 3 USDT",
                    null, null)), now.get());
            now.addAndGet(AlertFeed.SHARED_FOR_MS - 1);
            assertThat(feed.recent()).as("the shared reading").extracting(DashboardAlert::kind).containsExactly("ERROR");

            now.addAndGet(1);
            assertThat(feed.recent()).extracting(DashboardAlert::kind).containsExactly("BALANCE", "ERROR");
        }
    }
}
