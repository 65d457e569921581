package io.gridbot.core.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Issue 16: a fill's leg follows from its kind and side, in one place. */
class FillLegTest {

    private static Fill fill(ClientOrderId.Kind kind, Side side) {
        return new Fill(0, "c", "e", "t", kind, side, kind == ClientOrderId.Kind.ENTRY || kind == ClientOrderId.Kind.EXIT
                ? 3 : -1, BigDecimal.TEN, BigDecimal.ONE, BigDecimal.ZERO, "USDT", BigDecimal.ZERO);
    }

    @Test
    void entriesAreTheLegTheyOpen() {
        assertThat(fill(ClientOrderId.Kind.ENTRY, Side.BUY).leg()).isEqualTo(PositionSide.LONG);
        assertThat(fill(ClientOrderId.Kind.ENTRY, Side.SELL).leg()).isEqualTo(PositionSide.SHORT);
    }

    @ParameterizedTest
    @EnumSource(value = ClientOrderId.Kind.class, names = {"EXIT", "STOP", "CLOSE"})
    void exitsStopsAndClosesAreTheLegTheyReduce(ClientOrderId.Kind kind) {
        assertThat(fill(kind, Side.SELL).leg()).isEqualTo(PositionSide.LONG);
        assertThat(fill(kind, Side.BUY).leg()).isEqualTo(PositionSide.SHORT);
    }
}
