package io.gridbot.runner.web;

import io.gridbot.core.config.GridConfig;
import io.gridbot.core.config.GridMode;
import io.gridbot.core.market.SymbolRules;
import io.gridbot.persistence.Database;
import io.gridbot.persistence.DatabaseSettings;
import io.gridbot.runner.demo.LiveDemo;
import io.gridbot.runner.web.auth.PasswordHash;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Not a check but the generator of the screenshots in docs/: the live demo at high speed for a while, then
 * each main page photographed in headless Chromium. Run with
 * {@code ./mvnw -q -pl grid-runner exec:exec@screenshots} after an install (argument: the output folder,
 * {@code docs/screenshots} by default).
 */
public final class DashboardScreenshots {

    private DashboardScreenshots() {
    }

    public static void main(String[] args) throws Exception {
        if (!Files.isExecutable(HeadlessChromium.CHROMIUM) || !Files.isExecutable(HeadlessChromium.CHROMEDRIVER)) {
            throw new IllegalStateException("needs Debian's chromium and chromium-driver: apt-get install chromium chromium-driver");
        }
        Path out = Path.of(args.length > 0 ? args[0] : "docs/screenshots").toAbsolutePath();
        Files.createDirectories(out);
        Path dir = Files.createTempDirectory("gridbot-screenshots");
        Path profile = Files.createTempDirectory("gridbot-screenshots-profile");
        try (Database db = Database.open(DatabaseSettings.embedded(dir))) {
            db.dashboardUsers().save("admin", PasswordHash.of("demo-password".toCharArray()), 0);
            SymbolRules eth = new SymbolRules("ETHUSDT", new BigDecimal("0.01"), new BigDecimal("0.001"),
                    new BigDecimal("0.001"), new BigDecimal("5"), 200);
            db.configs().create(GridConfig.builder("eth_long_grid", eth).exchange("simulated").mode(GridMode.LONG)
                    .band(new BigDecimal("1500"), new BigDecimal("1800")).levels(31).orderQty(new BigDecimal("0.100"))
                    .maxPosition(new BigDecimal("2.000")).stopLossBufferPct(new BigDecimal("4")).build(), 0);
            try (LiveDemo live = LiveDemo.start(db, dir, DashboardOptions.on("127.0.0.1", 0), 3_000,
                    new PrintWriter(new StringWriter()))) {
                long id = db.configs().find(LiveDemo.NAME).orElseThrow().id();
                long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
                while (db.fills().between(id, 0, Long.MAX_VALUE).size() < 60 && System.nanoTime() < deadline) {
                    Thread.sleep(500);
                }
                WebDriver browser = HeadlessChromium.open(profile, dir);
                try {
                    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
                    browser.get(live.uri().resolve("/login").toString());
                    browser.findElement(By.id("username")).sendKeys("admin");
                    HeadlessChromium.screenshot(browser, out.resolve("dashboard-login.png"));
                    browser.findElement(By.id("password")).sendKeys("demo-password");
                    browser.findElement(By.id("login-submit")).click();
                    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#grid-rows tr[data-name]")));
                    Thread.sleep(1_000);
                    HeadlessChromium.screenshot(browser, out.resolve("dashboard-grids.png"));

                    browser.get(live.uri().resolve("/grids/" + LiveDemo.NAME).toString());
                    wait.until(d -> chartPoints(d, "equity-chart") >= 2 && chartPoints(d, "price-chart") >= 2);
                    wait.until(d -> !d.findElements(By.cssSelector("#log-rows .tag")).isEmpty());
                    Thread.sleep(1_500);
                    HeadlessChromium.screenshot(browser, out.resolve("dashboard-grid.png"));

                    browser.get(live.uri().resolve("/grids/" + LiveDemo.NAME + "/edit").toString());
                    wait.until(d -> !d.findElement(By.id("f-name")).getDomProperty("value").isEmpty());
                    browser.findElement(By.id("pv-leverage")).clear();
                    browser.findElement(By.id("pv-leverage")).sendKeys("10");
                    browser.findElement(By.id("pv-price")).clear();
                    browser.findElement(By.id("pv-price")).sendKeys("26500");
                    wait.until(d -> d.findElement(By.id("pv-price-shown")).getText().equals("26500"));
                    HeadlessChromium.screenshot(browser, out.resolve("dashboard-config.png"));

                    // A phone's width: the list as cards, the grid page in one column.
                    browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
                    browser.get(live.uri().resolve("/").toString());
                    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#grid-rows tr[data-name]")));
                    Files.write(out.resolve("dashboard-phone-grids.png"),
                            ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
                    browser.get(live.uri().resolve("/grids/" + LiveDemo.NAME).toString());
                    wait.until(d -> chartPoints(d, "equity-chart") >= 2 && chartPoints(d, "price-chart") >= 2);
                    Files.write(out.resolve("dashboard-phone-grid.png"),
                            ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
                } finally {
                    browser.quit();
                }
                System.out.println("screenshots written to " + out);
            }
        }
    }

    /** How many points the first series of the chart in element {@code id} holds; 0 before the chart is drawn. */
    private static int chartPoints(WebDriver browser, String id) {
        Object n = ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("const c = echarts.getInstanceByDom("
                + "document.getElementById(arguments[0])); const o = c && c.getOption(); const s = o && o.series;"
                + " return s && s.length ? s[0].data.length : 0", id);
        return ((Number) n).intValue();
    }
}
