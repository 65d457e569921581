package io.gridbot.runner.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The grid page's price chart in a real headless Chromium (issue 19): drawn by the charting library served from
 * the jar, with the grid's lines, the exact stop-loss lines and the fills, following a new price pushed by the
 * server without a reload, and with no violation of the page's content security policy.
 */
class PriceChartBrowserTest extends DashboardBrowserCase {

    /** Collects the page's policy violations from the first script on, before any of the page's own. */
    private static final String CSP_WATCH = "window.__csp = []; document.addEventListener('securitypolicyviolation',"
            + " e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber));";
    private static final String OPTION = "const o = echarts.getInstanceByDom(document.getElementById('price-chart'))"
            + ".getOption(); const s = id => o.series.find(x => x.id === id);";

    @BeforeEach
    void watchThePolicy() {
        browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", CSP_WATCH));
    }

    private Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    private void openGridPage() {
        BrowserLogin.logIn(browser, wait, f);
        browser.get(f.uri("/grids/g").toString());
        wait.until(ExpectedConditions.textToBe(By.id("status"), "RUNNING"));
    }

    @Test
    void theChartDrawsTheGridsLinesStopLossesAndFillsAndFollowsANewPriceWithoutAReload() throws Exception {
        f.startGrid();
        openGridPage();
        js("window.__samePage = true;");

        // Every grid line, coloured by its state, and the stop-loss lines at the server's exact prices.
        wait.until(d -> ((Number) js(OPTION + "return s('lines').markLine.data.filter(l => l.raw.kind === 'level')"
                + ".length;")).intValue() == 21);
        assertThat(js(OPTION + "return s('lines').markLine.data.filter(l => l.raw.kind === 'stop-loss')"
                + ".map(l => l.raw.price);")).isEqualTo(List.of("23750", "28350"));
        assertThat(js(OPTION + "return s('lines').markLine.data.some(l => l.raw.state === 'ENTRY_WORKING'"
                + " && l.lineStyle.color === '#4c8dff');")).isEqualTo(true);
        assertThat(js(OPTION + "return o.yAxis[0].name;")).isEqualTo("price (USDT)");
        wait.until(d -> ((Number) js(OPTION + "return s('orders').data.length;")).intValue() > 0);

        // The buys at 26,000 and 25,900 fill: markers appear and the lines change colour, without a reload.
        f.trade("25890.0");
        wait.until(d -> ((Number) js(OPTION + "return s('fills').data.filter(p => p.raw.side === 'BUY'"
                + " && p.raw.kind === 'ENTRY').length;")).intValue() == 2);
        assertThat(js(OPTION + "return s('fills').data.map(p => p.raw.price).sort();"))
                .isEqualTo(List.of("25900", "26000"));
        wait.until(d -> (Boolean) js(OPTION + "return s('lines').markLine.data.some(l => l.raw.state === 'EXIT_WORKING'"
                + " || l.raw.state === 'POSITION_OPEN');"));

        // A new price reaches the chart's last candle through the push.
        f.trade("25955.5");
        wait.until(d -> "25955.5".equals(js(OPTION + "const c = s('candles').data; return c.length ? c[c.length - 1]"
                + ".raw.close : null;")));
        assertThat(js("return window.__samePage === true")).isEqualTo(true);

        // Every price the grid saw is recorded in the stored one-minute candles (the pushes sample it only), which
        // the chart reads back on an interval change.
        DashboardFixture.await("the prices stored as candles", () -> {
            var minutes = f.db.candles().minutes(f.gridId, 0, Long.MAX_VALUE);
            return minutes.stream().anyMatch(c -> c.low().compareTo(new java.math.BigDecimal("25890")) == 0)
                    && minutes.getLast().close().compareTo(new java.math.BigDecimal("25955.5")) == 0;
        });
        browser.findElement(By.cssSelector("#intervals button[data-interval='5m']")).click();
        wait.until(d -> "25955.5".equals(js(OPTION + "const c = s('candles').data; return c.length ? c[c.length - 1]"
                + ".raw.close : null;")));
        assertThat(js(OPTION + "return o.dataZoom.map(z => z.type);")).isEqualTo(List.of("inside", "slider"));

        assertThat(js("return echarts.version")).isEqualTo(Pages.ECHARTS_VERSION);
        assertThat(js("return window.__csp")).as("no content security policy violation").isEqualTo(List.of());
    }

    @Test
    void theEquityCurveAndThePositionPerLevelAreDrawnWithUnits() throws Exception {
        f.startGrid();
        openGridPage();
        f.trade("25890.0");
        String level = "const o = echarts.getInstanceByDom(document.getElementById('level-chart')).getOption();";
        wait.until(d -> ((Number) js(level + "return o.series[0].data.filter(b => b.side === 'long').length;"))
                .intValue() == 2);
        assertThat(js(level + "return o.yAxis[0].name;")).isEqualTo("position (BTC)");
        String equity = "const o = echarts.getInstanceByDom(document.getElementById('equity-chart')).getOption();";
        wait.until(d -> ((Number) js(equity + "return o.series[0].data.length;")).intValue() >= 2);
        assertThat(js(equity + "return o.yAxis[0].name;")).isEqualTo("equity (USDT)");
        assertThat(js("return window.__csp")).as("no content security policy violation").isEqualTo(List.of());
    }

    @Test
    void theChartingLibraryAndItsNoticeAreServedFromTheJarToAnyone() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<byte[]> script = http.send(HttpRequest.newBuilder(f.uri("/assets/vendor/echarts.min.js")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("text/javascript"));
        assertThat(script.headers().firstValue("Cache-Control")).contains("private, max-age=86400");
        try (InputStream packaged = getClass().getResourceAsStream("/META-INF/resources/webjars/echarts/"
                + Pages.ECHARTS_VERSION + "/echarts.min.js")) {
            assertThat(packaged).as("the version named in Pages is the one on the class path").isNotNull();
            assertThat(script.body()).isEqualTo(packaged.readAllBytes());
        }
        HttpResponse<String> notice = http.send(HttpRequest.newBuilder(f.uri("/assets/vendor/THIRD-PARTY.txt")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(notice.statusCode()).isEqualTo(200);
        assertThat(notice.body()).contains("Apache ECharts " + Pages.ECHARTS_VERSION, "Apache License 2.0");
        HttpResponse<String> licence = http.send(HttpRequest.newBuilder(
                f.uri("/assets/vendor/LICENSE-Apache-2.0.txt")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(licence.body()).contains("Apache License", "Version 2.0, January 2004");
        assertThat(http.send(HttpRequest.newBuilder(f.uri("/assets/vendor/echarts.js")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).as("only the named files").isEqualTo(404);
    }
}
