package io.gridbot.runner.web;

import static io.gridbot.runner.web.DashboardFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.status.GridStatus;
import io.gridbot.stats.export.CsvExport;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The dashboard in a real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}): logging
 * in, a live update arriving without a reload, the charts rendering, a CSV download landing, the config
 * form's field-level messages and the stop button's confirmation. Skipped when the browser is not installed,
 * unless {@code GRID_REQUIRE_BROWSER=true} (CI), where that is a failure.
 */
class DashboardBrowserTest extends DashboardBrowserCase {

    private void logIn() {
        browser.get(f.uri("/grids/g").toString());
        wait.until(ExpectedConditions.urlContains("/login"));
        browser.findElement(By.id("username")).sendKeys(DashboardFixture.USER);
        browser.findElement(By.id("password")).sendKeys(DashboardFixture.PASSWORD);
        browser.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#grid-rows tr[data-name='g']")));
    }

    private void startGrid() throws Exception {
        f.startGrid();
    }

    @Test
    void aUserLogsInWatchesTheGridTradeLiveSeesItsChartsAndDownloadsItsFills() throws Exception {
        startGrid();
        logIn();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#grid-rows tr[data-name='g'] .badge"), "RUNNING"));

        // The list is redrawn by each push: retry the click if the row was replaced under it.
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
            d.findElement(By.linkText("g")).click();
            return true;
        });
        wait.until(ExpectedConditions.textToBe(By.id("status"), "RUNNING"));
        ((JavascriptExecutor) browser).executeScript("window.__samePage = true;");
        String firstPush = waitForPush(null);
        assertThat(waitForPush(firstPush)).as("pushes keep arriving").isNotEqualTo(firstPush);
        assertThat(browser.findElement(By.id("position")).getText()).isEqualTo("0");

        f.trade("25890.0"); // the buys at 26000 and 25900 fill: the page must show it without a reload
        wait.until(d -> d.findElement(By.id("position")).getText().equals("0.02"));
        assertThat(((JavascriptExecutor) browser).executeScript("return window.__samePage === true")).isEqualTo(true);
        wait.until(d -> ((Number) chart("level-chart", "o.series[0].data.filter(b => b.side === 'long').length"))
                .intValue() > 0);
        assertThat(((Number) chart("price-chart", "o.series.find(x => x.id === 'lines').markLine.data"
                + ".filter(l => l.raw.kind === 'level').length"))
                .intValue()).isEqualTo(21);
        assertThat(browser.findElements(By.cssSelector("#orders tr td.num")).size()).isPositive();

        // The equity chart refreshes every 5 s; a line needs two fills.
        wait.withTimeout(Duration.ofSeconds(20)).until(d -> ((Number) chart("equity-chart", "o.series[0].data.length"))
                .intValue() >= 2);
        wait.until(d -> d.findElement(By.cssSelector("#stats [data-stat='totalTrades'] .num")).getText().equals("2"));
        browser.findElement(By.cssSelector("#periods button[data-period='HOUR_1']")).click();
        wait.until(d -> "HOUR_1".equals(d.findElement(By.id("stats")).getDomAttribute("data-period")));
        wait.until(d -> !d.findElements(By.cssSelector("#log-rows .tag.FILL")).isEmpty());

        browser.findElement(By.id("export-fills")).click();
        Path csv = downloads.resolve("g-fills.csv");
        await("the CSV download", () -> Files.exists(csv) && !hasPartialDownload());
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo(String.join(",", CsvExport.FILL_COLUMNS));
        assertThat(lines).hasSize(3);
    }

    @Test
    void theLogFiltersNarrowTheEntries() throws Exception {
        f.db.tradeLog().append(f.gridId, List.of(
                new io.gridbot.core.log.LogEntry(1_000, io.gridbot.core.log.LogType.INFO, "grid started", null, null),
                new io.gridbot.core.log.LogEntry(2_000, io.gridbot.core.log.LogType.FILL, "BUY 0.010 @ 25900", "c1", -1),
                new io.gridbot.core.log.LogEntry(3_000, io.gridbot.core.log.LogType.WARN, "stream reconnecting", null, null)),
                3_000);
        logIn();
        browser.get(f.uri("/grids/g").toString());
        wait.until(d -> d.findElements(By.cssSelector("#log-rows tr")).size() == 3);
        browser.findElement(By.cssSelector("input.log-type[value='FILL']")).click();
        wait.until(d -> d.findElements(By.cssSelector("#log-rows tr")).size() == 1);
        assertThat(browser.findElement(By.cssSelector("#log-rows td.detail")).getText()).contains("BUY 0.010");
        browser.findElement(By.cssSelector("input.log-type[value='FILL']")).click();
        browser.findElement(By.id("log-keyword")).sendKeys("stream");
        wait.until(d -> d.findElements(By.cssSelector("#log-rows tr")).size() == 1
                && d.findElement(By.cssSelector("#log-rows td.detail")).getText().contains("reconnecting"));
    }

    @Test
    void theConfigFormShowsEachFieldsProblemPausesFirstAndStopAsksForConfirmation() throws Exception {
        logIn();
        browser.get(f.uri("/new-grid").toString());
        WebElement name = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("f-name")));
        name.sendKeys("h");
        browser.findElement(By.id("f-lowerPrice")).sendKeys("27000");
        browser.findElement(By.id("f-upperPrice")).sendKeys("25000");
        browser.findElement(By.id("f-orderQty")).sendKeys("0.010");
        browser.findElement(By.id("f-levels")).clear();
        browser.findElement(By.id("f-levels")).sendKeys("lots");
        browser.findElement(By.id("save")).click();
        wait.until(d -> !d.findElement(By.cssSelector(".field-error[data-for='levels']")).getText().isEmpty());
        assertThat(browser.findElement(By.cssSelector(".field-error[data-for='levels']")).getText()).contains("whole number");
        assertThat(browser.findElement(By.id("f-levels")).findElement(By.xpath("..")).getDomAttribute("class")).contains("invalid");
        browser.findElement(By.id("f-levels")).clear();
        browser.findElement(By.id("f-levels")).sendKeys("21");
        browser.findElement(By.id("f-lowerPrice")).clear();
        browser.findElement(By.id("f-lowerPrice")).sendKeys("25000");
        browser.findElement(By.id("f-upperPrice")).clear();
        browser.findElement(By.id("f-upperPrice")).sendKeys("27000");
        browser.findElement(By.id("save")).click();
        wait.until(ExpectedConditions.urlContains("/grids/h"));
        assertThat(f.db.configs().find("h")).isPresent();

        startGrid();
        browser.get(f.uri("/grids/g/edit").toString());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("running-notice"), "pause it first"));
        browser.findElement(By.id("pause-first")).click();
        await("paused from the edit page", () -> f.db.runtime().status(f.gridId) == GridStatus.PAUSED);
        browser.findElement(By.id("f-levels")).clear();
        browser.findElement(By.id("f-levels")).sendKeys("31");
        browser.findElement(By.id("save")).click();
        wait.until(ExpectedConditions.urlMatches(".*/grids/g$"));
        assertThat(f.db.configs().find("g").orElseThrow().config().levels()).isEqualTo(31);

        wait.until(ExpectedConditions.textToBe(By.id("status"), "PAUSED"));
        browser.findElement(By.id("btn-stop")).click();
        WebElement dialog = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("modal")));
        assertThat(dialog.getText()).contains("position is closed");
        browser.findElement(By.id("modal-cancel")).click();
        assertThat(f.db.runtime().status(f.gridId)).as("cancelled: still paused").isEqualTo(GridStatus.PAUSED);
        browser.findElement(By.id("btn-stop")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("modal-ok"))).click();
        wait.until(ExpectedConditions.textToBe(By.id("status"), "STOPPED"));
    }

    /** A value read from the option of the chart drawn in the element of this id, {@code o} in the expression. */
    private Object chart(String id, String expression) {
        return ((JavascriptExecutor) browser).executeScript("const o = echarts.getInstanceByDom(document.getElementById('"
                + id + "')).getOption(); return " + expression + ";");
    }

    private String waitForPush(String previous) {
        return wait.until(d -> {
            String at = d.findElement(By.id("live")).getDomAttribute("data-at");
            return at != null && !at.equals(previous) ? at : null;
        });
    }

    private boolean hasPartialDownload() {
        File[] files = downloads.toFile().listFiles((d, n) -> n.endsWith(".crdownload"));
        return files != null && files.length > 0;
    }
}
