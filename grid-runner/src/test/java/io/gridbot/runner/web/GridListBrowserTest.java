package io.gridbot.runner.web;

import static io.gridbot.runner.web.DashboardFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridbot.core.status.GridStatus;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Issue 19: the grid list in a real browser shows band, exchange, fees, APR and uptime, a totals row summed by
 * the server, and each row's controls with the grid page's confirmations.
 */
class GridListBrowserTest extends DashboardBrowserCase {

    private static final ObjectMapper JSON = new ObjectMapper();

    private String cell(String label) {
        return wait.until(d -> d.findElement(By.cssSelector("#grid-rows tr[data-name='g'] td[data-label='" + label
                + "']")).getText());
    }

    @Test
    void theListShowsBandExchangeFeesAprAndUptimeWithAServerSummedTotalsRow() throws Exception {
        f.startGrid();
        f.trade("25890.0"); // the buys at 26,000 and 25,900 fill
        await("two fills", () -> f.db.fills().between(f.gridId, 0, Long.MAX_VALUE).size() >= 2);
        BrowserLogin.logIn(browser, wait, f);

        List<String> headers = browser.findElements(By.cssSelector("#grid-table thead th")).stream()
                .map(th -> th.getDomProperty("textContent")).toList();
        assertThat(headers).containsExactly("Grid", "Exchange", "Symbol", "Mode", "State", "Band", "Last price",
                "Position", "Realized", "Unrealized", "Fees", "Total PnL", "APR", "Fills", "Uptime", "Actions");
        wait.until(d -> cell("Fills").equals("2"));
        assertThat(cell("Exchange")).isEqualTo("simulated");
        assertThat(cell("Band")).isEqualTo("25,000–27,000");
        WebElement apr = browser.findElement(By.cssSelector("#grid-rows tr[data-name='g'] td[data-label='APR']"));
        assertThat(apr.getText()).isEqualTo("—");
        assertThat(apr.getDomAttribute("title")).contains("capital");
        assertThat(cell("Uptime")).matches("\\d+ (s|min \\d+ s)");

        DashboardSession s = DashboardSession.logIn(f);
        JsonNode row = JSON.readTree(s.get("/api/grids").body()).get(0);
        JsonNode totals = JSON.readTree(s.get("/api/totals").body());
        assertThat(new BigDecimal(totals.path("fees").asText())).isPositive()
                .isEqualByComparingTo(new BigDecimal(row.path("fees").asText()));
        assertThat(totals.path("trades").asLong()).isEqualTo(2);
        wait.until(d -> d.findElement(By.cssSelector("#grid-totals td[data-label='Fills']")).getText().equals("2"));
        assertThat(browser.findElement(By.cssSelector("#grid-totals td[data-label='Fees']")).getDomAttribute("title"))
                .as("the exact sum from the server").isEqualTo(totals.path("fees").asText());
        assertThat(browser.findElement(By.cssSelector("#grid-totals td[data-label='Totals']")).getText())
                .isEqualTo("Totals · 1 grid");
    }

    @Test
    void aRowsPauseAndStopAskFirstAndStopSaysItCancelsEveryOrderAndClosesThePosition() throws Exception {
        f.startGrid();
        BrowserLogin.logIn(browser, wait, f);
        wait.until(d -> cell("State").equals("RUNNING"));

        clickAction("pause");
        WebElement dialog = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("modal")));
        assertThat(dialog.getText()).contains("Pause g?");
        browser.findElement(By.id("modal-cancel")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("modal")));
        assertThat(f.db.runtime().status(f.gridId)).as("cancelled: still running").isEqualTo(GridStatus.RUNNING);

        clickAction("pause");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("modal-ok"))).click();
        await("paused from the list", () -> f.db.runtime().status(f.gridId) == GridStatus.PAUSED);
        wait.until(d -> cell("State").equals("PAUSED"));
        wait.until(d -> d.findElement(By.cssSelector("#grid-rows tr[data-name='g'] button[data-action='resume']"))
                .isEnabled());

        clickAction("stop");
        dialog = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("modal")));
        assertThat(dialog.getText()).contains("Every order is cancelled", "the position is closed");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("modal-ok"))).click();
        await("stopped from the list", () -> f.db.runtime().status(f.gridId) == GridStatus.STOPPED);
        wait.until(d -> cell("State").equals("STOPPED"));
        assertThat(browser.getCurrentUrl()).as("the click stayed on the list").endsWith("/");
    }

    private void clickAction(String action) {
        wait.until(d -> {
            WebElement b = d.findElement(By.cssSelector("#grid-rows tr[data-name='g'] button[data-action='" + action + "']"));
            if (!b.isEnabled()) {
                return false;
            }
            b.click();
            return true;
        });
    }
}
