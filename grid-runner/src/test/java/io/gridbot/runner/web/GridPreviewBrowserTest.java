package io.gridbot.runner.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.runner.venue.VenueListings;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * Issue 19 in a real headless Chromium: the new-grid form's preview follows what is typed, its figures agree with
 * a calculation written here line by line, and choosing the symbol fills its rules and the preview's price from the
 * venue.
 */
class GridPreviewBrowserTest extends DashboardBrowserCase {

    private void openNewGridForm() {
        BrowserLogin.logIn(browser, wait, f);
        browser.get(f.uri("/new-grid").toString());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("f-name")));
    }

    private void type(String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    private static String at(BigDecimal v, int scale) {
        return v.setScale(scale, RoundingMode.HALF_UP).toPlainString();
    }

    @Test
    void thePreviewFollowsTheTypedFieldsAndItsFiguresMatchAnIndependentCalculation() {
        openNewGridForm();
        new Select(browser.findElement(By.id("f-mode"))).selectByValue("long");
        type("f-lowerPrice", "25000");
        type("f-upperPrice", "27000");
        type("f-levels", "11");
        type("f-orderQty", "0.010");
        type("f-maxPosition", "0.030");
        type("pv-leverage", "20");
        type("pv-price", "26000");
        wait.until(d -> d.findElement(By.id("pv-line-count")).getText().equals("11")
                && d.findElement(By.id("pv-price-shown")).getText().equals("26000")
                && d.findElement(By.cssSelector("#pv-worst tr[data-side='long'] .pv-margin")).getText().contains("20x"));

        // Line k = 25,000 + k × (27,000 − 25,000) / 10, on the 0.1 tick.
        List<BigDecimal> lines = new ArrayList<>();
        for (int k = 0; k <= 10; k++) {
            lines.add(new BigDecimal(25000 + 200 * k).setScale(1));
        }
        assertThat(text("#pv-lines").split("\\s+")).containsExactly(lines.stream().map(BigDecimal::toPlainString)
                .toArray(String[]::new));
        assertThat(text("#pv-step")).isEqualTo("200.00000");

        // Profit of a pair after a 0.02 % maker fee on each leg, per lower line; the narrowest is at the top.
        BigDecimal fee = new BigDecimal("0.0002");
        BigDecimal top = lines.get(10).subtract(lines.get(9)).subtract(fee.multiply(lines.get(10).add(lines.get(9))));
        BigDecimal bottom = lines.get(1).subtract(lines.get(0)).subtract(fee.multiply(lines.get(1).add(lines.get(0))));
        String lowPct = at(top.multiply(new BigDecimal(100)).divide(lines.get(9), MathContext.DECIMAL64), 4);
        String highPct = at(bottom.multiply(new BigDecimal(100)).divide(lines.get(0), MathContext.DECIMAL64), 4);
        assertThat(text("#pv-profit-pct")).isEqualTo(lowPct + " % to " + highPct + " %");
        assertThat(text("#pv-profit-quote")).isEqualTo(at(top.multiply(new BigDecimal("0.010")), 4) + " to "
                + at(bottom.multiply(new BigDecimal("0.010")), 4));

        // A long grid starts at the top: buys at lines 9, 8, 7 fill before the cap of 0.030 stops the next.
        BigDecimal qty = new BigDecimal("0.030");
        BigDecimal notional = lines.get(9).add(lines.get(8)).add(lines.get(7)).multiply(new BigDecimal("0.010"));
        BigDecimal average = notional.divide(qty, MathContext.DECIMAL64);
        BigDecimal margin = notional.divide(new BigDecimal(20), MathContext.DECIMAL64);
        // Isolated long, simulated BTCUSDT's first bracket (0.4 %, nothing deducted): (N − M) / (Q × (1 − 0.004))
        BigDecimal liquidation = notional.subtract(margin).divide(qty.multiply(new BigDecimal("0.996")),
                MathContext.DECIMAL64);
        String row = "#pv-worst tr[data-side='long'] ";
        assertThat(text(row + ".pv-entries")).isEqualTo("3");
        assertThat(text(row + ".pv-qty")).isEqualTo("0.030");
        assertThat(text(row + ".pv-avg")).isEqualTo(at(average, 1));
        assertThat(text(row + ".pv-notional")).isEqualTo(at(notional, 4));
        assertThat(text(row + ".pv-margin")).isEqualTo(at(margin, 4) + " at 20x");
        assertThat(text(row + ".pv-liq")).isEqualTo(at(liquidation, 1));
        assertThat(browser.findElements(By.cssSelector("#pv-worst tr"))).hasSize(1);

        // Band edges and stop lines (0.5 % outside the band by default) from the price of 26,000.
        BigDecimal price = new BigDecimal("26000");
        BigDecimal lowerStop = lines.get(0).multiply(new BigDecimal("0.995"));
        assertThat(text("#pv-distances tr:nth-child(1) .pv-amount")).isEqualTo(at(lowerStop.subtract(price), 1));
        assertThat(text("#pv-distances tr:nth-child(2) .pv-amount")).isEqualTo("-1000.0");
        assertThat(text("#pv-distances tr:nth-child(2) .pv-percent")).isEqualTo(at(new BigDecimal("-1000")
                .multiply(new BigDecimal(100)).divide(price, MathContext.DECIMAL64), 4) + " %");

        // A typo shows the field's problem in the panel, and the preview comes back once it is put right.
        type("f-levels", "lots");
        wait.until(d -> d.findElement(By.id("pv-problems")).getText().contains("levels"));
        assertThat(browser.findElement(By.id("pv-body")).isDisplayed()).isFalse();
        type("f-levels", "6");
        wait.until(d -> d.findElement(By.id("pv-line-count")).getText().equals("6"));
        assertThat(text("#pv-problems")).isEmpty();
    }

    @Test
    void theExchangeIsChosenFromTheFoundVenuesAndChoosingASymbolFillsItsRules() {
        openNewGridForm();
        List<String> venues = new Select(browser.findElement(By.id("f-exchange"))).getOptions().stream()
                .map(o -> o.getDomAttribute("value")).toList();
        assertThat(venues).containsExactlyElementsOf(VenueListings.standard(System.getenv()).codes()).contains("simulated");
        wait.until(d -> !d.findElements(By.cssSelector("#symbol-list option[value='BTCUSDT']")).isEmpty());

        type("f-priceTick", "0.5");
        type("f-minNotional", "1");
        type("f-symbol", "BTCUSDT");
        browser.findElement(By.id("f-symbol")).sendKeys(Keys.TAB); // the change event: the symbol is chosen
        wait.until(d -> d.findElement(By.id("f-priceTick")).getDomProperty("value").equals("0.1"));
        assertThat(browser.findElement(By.id("f-qtyStep")).getDomProperty("value")).isEqualTo("0.001");
        assertThat(browser.findElement(By.id("f-minNotional")).getDomProperty("value")).isEqualTo("5");
        assertThat(text("#symbol-note")).isEqualTo("rules filled from simulated");
        // no price typed yet: the preview starts from the venue's current price (the simulated one opens at 26,076.01)
        wait.until(d -> d.findElement(By.id("pv-price")).getDomProperty("value").equals("26076.01"));

        type("f-symbol", "DOGEUSDT");
        browser.findElement(By.id("f-symbol")).sendKeys(Keys.TAB);
        wait.until(d -> d.findElement(By.id("symbol-note")).getText().contains("BTCUSDT only"));
    }
}
