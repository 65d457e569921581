package io.gridbot.runner.web;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What every browser test of the dashboard starts from: a {@link DashboardFixture} (a real daemon, an embedded
 * database, a simulated exchange) and a headless Chromium with a profile and a download folder of its own,
 * both closed after each test. Skips, saying why, where Chromium is not installed (see {@link HeadlessChromium}).
 */
abstract class DashboardBrowserCase {

    @TempDir
    Path dir;

    @TempDir
    Path downloads;

    @TempDir
    Path profile;

    DashboardFixture f;
    ChromeDriver browser;
    /** Waits up to 20 s; an element replaced while it is read is looked up again. */
    WebDriverWait wait;

    @BeforeEach
    void openDashboardAndBrowser() throws Exception {
        HeadlessChromium.requireOrSkip();
        f = new DashboardFixture(dir);
        browser = (ChromeDriver) HeadlessChromium.open(profile, downloads);
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.ignoring(StaleElementReferenceException.class);
    }

    @AfterEach
    void closeBrowserAndDashboard() {
        if (browser != null) {
            browser.quit();
        }
        if (f != null) {
            f.close();
        }
    }
}
