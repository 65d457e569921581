package io.gridbot.runner.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.event.GridEvent;
import io.gridbot.core.order.PositionSide;
import io.gridbot.exchange.account.PositionSnapshot;
import io.gridbot.exchange.stream.AccountEvent;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 16: an account event's position rows reach the core one leg at a time, never summed. */
class VenueTranslationTest {

    private static PositionSnapshot row(String symbol, String qty, PositionSide side) {
        return new PositionSnapshot(symbol, new BigDecimal(qty), BigDecimal.ZERO, BigDecimal.ZERO, 5, side);
    }

    @Test
    void eachRowOfTheSymbolIsOneLegsUpdate() {
        AccountEvent event = new AccountEvent("ORDER", List.of(), List.of(row("BTCUSDT", "0.020", PositionSide.LONG),
                row("ETHUSDT", "1", PositionSide.LONG), row("BTCUSDT", "-0.050", PositionSide.SHORT)), 7);

        assertThat(VenueTranslation.positionUpdates(event, "BTCUSDT")).containsExactly(
                new GridEvent.PositionUpdate(7, PositionSide.LONG, new BigDecimal("0.020")),
                new GridEvent.PositionUpdate(7, PositionSide.SHORT, new BigDecimal("-0.050")));
    }

    /** Binance lists only the legs that changed: the other leg is not told as flat, nor summed into this one. */
    @Test
    void anEventWithOneChangedLegTellsThatLegAlone() {
        AccountEvent event = new AccountEvent("ORDER", List.of(), List.of(row("BTCUSDT", "-0.010", PositionSide.SHORT)),
                7);

        assertThat(VenueTranslation.positionUpdates(event, "BTCUSDT")).containsExactly(
                new GridEvent.PositionUpdate(7, PositionSide.SHORT, new BigDecimal("-0.010")));
    }

    @Test
    void aOneWayRowIsTheNetPosition() {
        AccountEvent event = new AccountEvent("ORDER", List.of(), List.of(row("BTCUSDT", "-0.030", PositionSide.BOTH)),
                7);

        assertThat(VenueTranslation.positionUpdates(event, "BTCUSDT")).containsExactly(
                new GridEvent.PositionUpdate(7, new BigDecimal("-0.030")));
        assertThat(VenueTranslation.positionUpdates(event, "ETHUSDT")).isEmpty();
    }
}
