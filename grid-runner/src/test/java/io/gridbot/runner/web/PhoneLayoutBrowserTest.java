package io.gridbot.runner.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.log.LogEntry;
import io.gridbot.core.log.LogType;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Issue 19: at a phone's 390 × 844 no page scrolls sideways, the grid list becomes cards, the log wraps and the
 * buttons are big enough to tap.
 */
class PhoneLayoutBrowserTest extends DashboardBrowserCase {

    private Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    /** Sets the window so that the page itself is 390 CSS pixels wide, as on the phone. */
    private void phone() {
        browser.manage().window().setSize(new Dimension(390, 844));
        long inner = ((Number) js("return window.innerWidth")).longValue();
        if (inner != 390) { // the window's frame takes a little: grow the window by it
            browser.manage().window().setSize(new Dimension(390 + (390 - (int) inner), 844));
        }
        assertThat(((Number) js("return window.innerWidth")).longValue()).isEqualTo(390);
    }

    private void noSidewaysScroll(String page) {
        long scroll = ((Number) js("return document.documentElement.scrollWidth")).longValue();
        long inner = ((Number) js("return window.innerWidth")).longValue();
        assertThat(scroll).as("%s: the page's width against the window's", page).isLessThanOrEqualTo(inner);
    }

    @Test
    void onAPhoneTheListGridAndConfigPagesFitTheWidthAndTheLogWraps() throws Exception {
        f.startGrid();
        String longDetail = "cancel gb_g_E_B_0010_000001 BUY 0.010 @ 26000.0: its level changed while it was in "
                + "flight, and this detail is long enough_to_need_wrapping_on_any_phone_screen_without_spaces_here";
        long now = System.currentTimeMillis();
        f.db.tradeLog().append(f.gridId, List.of(new LogEntry(now, LogType.ORDER, longDetail, null, 10)), now);
        BrowserLogin.logIn(browser, wait, f);
        phone();

        browser.get(f.uri("/").toString());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#grid-rows tr[data-name='g'] td.actions")));
        wait.until(d -> d.findElement(By.cssSelector("#grid-totals td[data-label='Fills']")) != null);
        noSidewaysScroll("the grid list");
        assertThat(js("return getComputedStyle(document.querySelector('#grid-table thead')).display")).as("cards, no header")
                .isEqualTo("none");
        Number tap = (Number) js("return document.querySelector(\"#grid-rows button[data-action='pause']\")"
                + ".getBoundingClientRect().height");
        assertThat(tap.doubleValue()).as("a row button's height").isGreaterThanOrEqualTo(40);

        browser.get(f.uri("/grids/g").toString());
        wait.until(ExpectedConditions.textToBe(By.id("status"), "RUNNING"));
        wait.until(d -> d.findElement(By.id("log-rows")).getText().contains("long enough"));
        noSidewaysScroll("the grid page");
        assertThat(((Number) js("return document.getElementById('btn-stop').getBoundingClientRect().height"))
                .doubleValue()).as("the stop button's height").isGreaterThanOrEqualTo(44);
        Object wraps = js("const td = [...document.querySelectorAll('#log-rows td.detail')]"
                + ".find(t => t.textContent.includes('long enough'));"
                + "const r = td.getBoundingClientRect();"
                + "return {fits: td.scrollWidth <= td.clientWidth + 1, tall: r.height > 2 * parseFloat(getComputedStyle(td).lineHeight),"
                + " inside: r.right <= window.innerWidth};");
        assertThat(wraps).as("the long log detail wraps inside the screen")
                .isEqualTo(java.util.Map.of("fits", true, "tall", true, "inside", true));

        browser.get(f.uri("/grids/g/edit").toString());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("f-levels")));
        noSidewaysScroll("the config page");
        browser.get(f.uri("/new-grid").toString());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("f-name")));
        noSidewaysScroll("the new-grid page");
    }
}
