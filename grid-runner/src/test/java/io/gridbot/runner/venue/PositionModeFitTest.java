package io.gridbot.runner.venue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridbot.core.config.GridConfig;
import io.gridbot.core.config.GridMode;
import io.gridbot.core.config.PositionMode;
import io.gridbot.core.market.SymbolRules;
import io.gridbot.exchange.Capabilities;
import io.gridbot.exchange.ExchangeAdapter;
import io.gridbot.exchange.ForwardingAdapter;
import io.gridbot.exchange.sim.SimClock;
import io.gridbot.exchange.sim.SimSettings;
import io.gridbot.exchange.sim.SimulatedExchange;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Issue 16: a grid whose position mode differs from its account's is refused when hosted, saying how to fix it. */
class PositionModeFitTest {

    private static final SymbolRules BTC = new SymbolRules("BTCUSDT", new BigDecimal("0.1"), new BigDecimal("0.001"),
            new BigDecimal("0.001"), new BigDecimal("5"), 200);

    private final SimulatedExchange venue = new SimulatedExchange(new SimClock(1_700_000_000_000L),
            SimSettings.defaults()).list(BTC, new BigDecimal("26000.0"));

    private static GridConfig grid(PositionMode mode) {
        return GridConfig.builder("g", BTC).mode(GridMode.LONG).positionMode(mode)
                .band(new BigDecimal("25000"), new BigDecimal("27000")).levels(5).orderQty(new BigDecimal("0.010"))
                .maxPosition(new BigDecimal("0.050")).build();
    }

    @Test
    void aGridInTheAccountsModeFits() throws Exception {
        assertThatCode(() -> PositionModeFit.require(grid(PositionMode.ONE_WAY), venue)).doesNotThrowAnyException();
        venue.changePositionMode(PositionMode.HEDGE);
        assertThatCode(() -> PositionModeFit.require(grid(PositionMode.HEDGE), venue)).doesNotThrowAnyException();
        assertThat(venue.positionMode()).isEqualTo(PositionMode.HEDGE);
    }

    @Test
    void aOneWayGridOnAHedgeAccountIsRefusedNamingBothModesAndTheFixes() throws Exception {
        venue.changePositionMode(PositionMode.HEDGE);

        assertThatThrownBy(() -> PositionModeFit.require(grid(PositionMode.ONE_WAY), venue))
                .isInstanceOf(VenueUnavailableException.class)
                .hasMessage("grid 'g' is set to positionMode ONE_WAY, but the simulated account is in HEDGE position "
                        + "mode: set the grid's positionMode to HEDGE, or switch the account to ONE_WAY (only possible "
                        + "while it holds no position and no open order on any symbol; gridbot switches it only when "
                        + "asked, with 'grid account position-mode')");
        assertThat(venue.positionMode()).as("never switched").isEqualTo(PositionMode.HEDGE);
    }

    @Test
    void aHedgeGridOnAOneWayAccountIsRefused() {
        assertThatThrownBy(() -> PositionModeFit.require(grid(PositionMode.HEDGE), venue))
                .hasMessageContaining("positionMode HEDGE, but the simulated account is in ONE_WAY position mode")
                .hasMessageContaining("set the grid's positionMode to ONE_WAY, or switch the account to HEDGE");
        assertThat(venue.positionMode()).isEqualTo(PositionMode.ONE_WAY);
    }

    @Test
    void aHedgeGridOnAVenueWithoutHedgeModeIsRefused() {
        ExchangeAdapter oneWayOnly = new ForwardingAdapter(venue) {
            @Override
            public Capabilities capabilities() {
                return new Capabilities(true, false, 5);
            }
        };

        assertThatThrownBy(() -> PositionModeFit.require(grid(PositionMode.HEDGE), oneWayOnly))
                .hasMessage("grid 'g' is set to positionMode HEDGE, but venue simulated has no hedge position mode: "
                        + "set the grid's positionMode to ONE_WAY");
    }
}
