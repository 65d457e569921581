package io.gridbot.runner.web;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Logs a headless browser into a {@link DashboardFixture}'s dashboard; it lands on the grid list. */
final class BrowserLogin {

    private BrowserLogin() {
    }

    static void logIn(WebDriver browser, WebDriverWait wait, DashboardFixture f) {
        browser.get(f.uri("/login").toString());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(DashboardFixture.USER);
        browser.findElement(By.id("password")).sendKeys(DashboardFixture.PASSWORD);
        browser.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#grid-rows tr[data-name='g']")));
    }
}
