package io.gridbot.runner.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Issue 19: an unknown grid's address shows a page saying so, whose link leads back to the list. */
class MissingPageBrowserTest {

    @TempDir
    Path dir;

    @TempDir
    Path downloads;

    @TempDir
    Path profile;

    private DashboardFixture f;
    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void start() throws Exception {
        HeadlessChromium.requireOrSkip();
        f = new DashboardFixture(dir);
        browser = HeadlessChromium.open(profile, downloads);
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (f != null) {
            f.close();
        }
    }

    @Test
    void anUnknownGridsPageSaysThereIsNoSuchGridAndLinksBackToTheList() {
        BrowserLogin.logIn(browser, wait, f);
        browser.get(f.uri("/grids/UNKNOWN").toString());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("missing-message")));
        assertThat(browser.findElement(By.id("missing-message")).getText()).isEqualTo("No grid named “UNKNOWN”.");
        assertThat(browser.getPageSource()).doesNotContain("reconnecting");
        browser.findElement(By.id("back-to-list")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#grid-rows tr[data-name='g']")));
    }
}
