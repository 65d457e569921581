package io.gridbot.runner.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.log.LogEntry;
import io.gridbot.core.log.LogType;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Issue 19: every dashboard page shows a banner when a grid hits a stop-loss, enters safe mode, lacks balance
 * or fails; a dismissed banner stays dismissed.
 */
class AlertBannerBrowserTest extends DashboardBrowserCase {

    @Test
    void aStopLossShowsABannerOnTheGridPageThatStaysGoneOnceDismissed() throws Exception {
        f.startGrid();
        BrowserLogin.logIn(browser, wait, f);
        browser.get(f.uri("/grids/g").toString());
        wait.until(ExpectedConditions.textToBe(By.id("status"), "RUNNING"));
        assertThat(browser.findElements(By.cssSelector(".alert-banner"))).isEmpty();

        f.trade("23700.0"); // below the band by more than the 5 % buffer: the stop-loss fires
        WebElement banner = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".alert-banner[data-kind='STOP_LOSS']")));
        assertThat(banner.getText()).contains("Stop-loss", "g", "stop-loss triggered");

        banner.findElement(By.cssSelector("button.alert-dismiss")).click();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".alert-banner[data-kind='STOP_LOSS']"), 0));
        browser.navigate().refresh();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("alerts")));
        browser.get(f.uri("/").toString());
        // Polls keep coming (the list is live); the dismissed alert never returns.
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("live-text"), "live"));
        waitForPolls(2);
        assertThat(browser.findElements(By.cssSelector(".alert-banner[data-kind='STOP_LOSS']"))).isEmpty();
    }

    @Test
    void anErrorLoggedByTheDaemonHostingAGridShowsABannerOnTheList() throws Exception {
        BrowserLogin.logIn(browser, wait, f);
        long now = System.currentTimeMillis();
        // Written to the database as a daemon on another host would: this dashboard hosts nothing of it.
        f.db.tradeLog().append(f.gridId, List.of(new LogEntry(now, LogType.ERROR,
                "unexpected error in the grid core: boom\n\tat somewhere", null, null)), now);
        WebElement banner = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".alert-banner[data-kind='ERROR']")));
        assertThat(banner.getText()).contains("Error", "unexpected error in the grid core: boom")
                .doesNotContain("at somewhere");
        assertThat(banner.findElement(By.tagName("a")).getDomAttribute("href")).isEqualTo("/grids/g");
    }

    /** Waits until the page has asked for alerts this many more times. */
    private void waitForPolls(int more) {
        org.openqa.selenium.JavascriptExecutor js = (org.openqa.selenium.JavascriptExecutor) browser;
        js.executeScript("window.__alertPolls = 0; const f = window.fetch; window.fetch = function(u, o) {"
                + " if (String(u).includes('/api/alerts')) window.__alertPolls++; return f.apply(this, arguments); };");
        wait.until(d -> ((Number) js.executeScript("return window.__alertPolls")).intValue() >= more);
    }
}
