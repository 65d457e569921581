package io.gridbot.runner.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven by Selenium, with the driver named explicitly so that Selenium Manager
 * never looks for or downloads one, and a fresh profile with no network chatter.
 */
final class HeadlessChromium {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private HeadlessChromium() {
    }

    /** Skips the calling test when the browser is missing, or fails it when {@code GRID_REQUIRE_BROWSER=true}. */
    static void requireOrSkip() {
        requireOrSkip(CHROMIUM, CHROMEDRIVER, System.getenv("GRID_REQUIRE_BROWSER"));
    }

    static void requireOrSkip(Path chromium, Path driver, String requireBrowser) {
        boolean installed = Files.isExecutable(chromium) && Files.isExecutable(driver);
        String message = "headless Chromium is not installed (" + chromium + ", " + driver
                + "; apt-get install chromium chromium-driver): the browser tests are skipped";
        if ("true".equals(requireBrowser)) {
            assertThat(installed).as("GRID_REQUIRE_BROWSER=true but " + message).isTrue();
        } else {
            Assumptions.assumeTrue(installed, message);
        }
    }

    /** A new browser with its own profile; downloads land in {@code downloads} without a prompt. */
    static WebDriver open(Path profile, Path downloads) {
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-quic", "--no-first-run", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1440,1000", "--user-data-dir=" + profile);
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false, "download.directory_upgrade", true,
                "safebrowsing.enabled", false));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    /** Saves the whole page as a PNG, the window stretched to the page's height for the shot. */
    static void screenshot(WebDriver browser, Path file) throws java.io.IOException {
        Dimension size = browser.manage().window().getSize();
        Number height = (Number) ((JavascriptExecutor) browser).executeScript(
                "window.scrollTo(0, 0); return Math.max(document.documentElement.scrollHeight, 760)");
        browser.manage().window().setSize(new Dimension(1440, Math.min(3200, height.intValue() + 90)));
        // The window's size includes what the browser itself draws: grow until the whole page fits.
        Number inner = (Number) ((JavascriptExecutor) browser).executeScript("return window.innerHeight");
        if (inner.intValue() < height.intValue()) {
            browser.manage().window().setSize(new Dimension(1440, Math.min(3200,
                    height.intValue() + 90 + height.intValue() - inner.intValue())));
        }
        Files.createDirectories(file.getParent());
        Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        browser.manage().window().setSize(size);
    }
}
