package io.gridbot.runner.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.status.GridStatus;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * Issue 19's whole path in a real headless Chromium over a real daemon: a user creates a grid from the form while
 * reading its preview, starts it from its page, and watches the price, the lines and the fills on the chart change
 * as the market trades, without reloading the page.
 */
class GridJourneyBrowserTest extends DashboardBrowserCase {

    private static final String CHART = "const o = echarts.getInstanceByDom(document.getElementById('price-chart'))"
            + "?.getOption(); const s = id => o && o.series.find(x => x.id === id);";

    @Test
    void aUserCreatesAGridReadingItsPreviewStartsItAndWatchesItTradeOnTheChart() throws Exception {
        BrowserLogin.logIn(browser, wait, f);
        browser.get(f.uri("/new-grid").toString());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("f-name")));

        // The form: the symbol chosen from the venue fills its rules and the preview's price.
        type("f-name", "journey");
        new Select(browser.findElement(By.id("f-mode"))).selectByValue("neutral");
        type("f-symbol", "BTCUSDT");
        browser.findElement(By.id("f-symbol")).sendKeys(Keys.TAB);
        wait.until(d -> d.findElement(By.id("f-priceTick")).getDomProperty("value").equals("0.1"));
        type("f-lowerPrice", "25000");
        type("f-upperPrice", "27000");
        type("f-levels", "21");
        type("f-orderQty", "0.010");
        type("f-maxPosition", "0.050");
        type("f-stopLossBufferPct", "5");
        type("pv-price", "26050");

        // The preview as typed: 21 lines 100 apart, the stop-loss lines 5 % beyond the band, the distances from 26,050.
        wait.until(d -> d.findElement(By.id("pv-line-count")).getText().equals("21")
                && d.findElement(By.id("pv-price-shown")).getText().equals("26050"));
        assertThat(browser.findElement(By.id("pv-stops")).getText()).isEqualTo("23750.0 and 28350.0");
        assertThat(browser.findElement(By.id("pv-lines")).getText().split("\\s+")).startsWith("25000.0", "25100.0")
                .endsWith("27000.0");
        List<String> distances = browser.findElements(By.cssSelector("#pv-distances .pv-amount")).stream()
                .map(WebElement::getText).toList();
        assertThat(distances).containsExactly("-2300.0", "-1050.0", "950.0", "2300.0");

        browser.findElement(By.id("save")).click();
        wait.until(ExpectedConditions.urlMatches(".*/grids/journey$"));
        long id = f.db.configs().find("journey").orElseThrow().id();

        // Started from its page; the daemon takes it and the market gives it a first price.
        wait.until(ExpectedConditions.elementToBeClickable(By.id("btn-start"))).click();
        DashboardFixture.await("the grid runs with its buys resting", () -> {
            f.trade("26050.0");
            return f.db.runtime().status(id) == GridStatus.RUNNING && f.buysResting();
        });
        wait.until(ExpectedConditions.textToBe(By.id("status"), "RUNNING"));
        ((JavascriptExecutor) browser).executeScript("window.__samePage = true;");

        // The chart: the grid's 21 lines and its resting orders.
        wait.until(d -> ((Number) js(CHART + "return s('lines') ? s('lines').markLine.data.filter(l => l.raw.kind"
                + " === 'level').length : 0;")).intValue() == 21);
        wait.until(d -> ((Number) js(CHART + "return s('orders') ? s('orders').data.length : 0;")).intValue() > 0);

        // The market falls through two buys: both fills appear as markers, and the last candle follows the price.
        f.trade("25890.0");
        wait.until(d -> ((Number) js(CHART + "return s('fills') ? s('fills').data.filter(p => p.raw.side === 'BUY'"
                + " && p.raw.kind === 'ENTRY').length : 0;")).intValue() == 2);
        f.trade("25944.4");
        wait.until(d -> "25944.4".equals(js(CHART + "const c = s('candles') ? s('candles').data : [];"
                + " return c.length ? c[c.length - 1].raw.close : null;")));
        assertThat(browser.findElement(By.id("last-price")).getText()).isEqualTo("25,944.4");
        assertThat(js("return window.__samePage === true")).as("no reload").isEqualTo(true);
    }

    private void type(String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }
}
