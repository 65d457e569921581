package io.gridbot.runner.web;

import static io.gridbot.runner.web.DashboardFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridbot.core.order.ClientOrderId;
import java.math.BigDecimal;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19: the log, the level table and the client order id number the grid's lines one way, from 0 at the
 * lowest line; the centre-relative index is nowhere a user reads it.
 */
class OneLineNumberingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private DashboardFixture f;

    @BeforeEach
    void start() throws Exception {
        f = new DashboardFixture(dir);
    }

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void aFillsLogEntryTheLevelTableAndItsClientIdNameTheSameLine() throws Exception {
        f.startGrid();
        DashboardSession s = DashboardSession.logIn(f);
        f.trade("25890.0"); // the buys at 26,000 and 25,900 fill
        await("the fills logged", () -> {
            try {
                return JSON.readTree(s.get("/api/grids/g/logs?types=FILL").body()).path("entries").size() >= 2;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        JsonNode fill = JSON.readTree(s.get("/api/grids/g/logs?types=FILL").body()).path("entries").get(0);
        JsonNode levels = JSON.readTree(s.get("/api/grids/g").body()).path("levels");

        int fromClientId = ClientOrderId.parse(fill.path("clientOrderId").asText()).orElseThrow().line();
        assertThat(fill.path("line").asInt()).as("the log entry's line").isEqualTo(fromClientId);
        assertThat(fill.has("levelIndex")).isFalse();
        JsonNode level = levels.get(fromClientId);
        assertThat(level.path("line").asInt()).isEqualTo(fromClientId);
        assertThat(level.has("index")).as("no centre-relative index beside the line").isFalse();
        assertThat(new BigDecimal(level.path("position").asText())).as("the level table's line holds the fill")
                .isPositive();
        assertThat(new BigDecimal(level.path("price").asText())).isIn(new BigDecimal("26000"), new BigDecimal("25900"));
        // 21 lines from 25,000 by 100: 26,000 is line 10, which the centre-relative index called 0.
        assertThat(fromClientId).isEqualTo(new BigDecimal(level.path("price").asText())
                .subtract(new BigDecimal("25000")).divide(new BigDecimal("100")).intValueExact());
    }
}
