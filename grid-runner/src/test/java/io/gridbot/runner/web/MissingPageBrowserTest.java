package io.gridbot.runner.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Issue 19: an unknown grid's address shows a page saying so, whose link leads back to the list. */
class MissingPageBrowserTest extends DashboardBrowserCase {

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
