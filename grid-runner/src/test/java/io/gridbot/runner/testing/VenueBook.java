package io.gridbot.runner.testing;

import io.gridbot.core.order.ClientOrderId;
import io.gridbot.core.order.OpenOrder;
import io.gridbot.core.risk.PositionLegs;
import io.gridbot.exchange.ExchangeAdapter;
import io.gridbot.exchange.ExchangeException;
import io.gridbot.exchange.account.PositionSnapshot;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** What a venue holds for a symbol, read for assertions (a failing read fails the test). */
public record VenueBook(ExchangeAdapter venue, String symbol) {

    public List<OpenOrder> openOrders() {
        try {
            return venue.openOrders(symbol);
        } catch (ExchangeException e) {
            throw new IllegalStateException(e);
        }
    }

    public BigDecimal position() {
        try {
            return venue.position(symbol).netQty();
        } catch (ExchangeException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The position leg by leg: the net in one-way mode, the long and the short leg in hedge mode. */
    public PositionLegs legs() {
        try {
            PositionLegs legs = PositionLegs.FLAT;
            for (PositionSnapshot leg : venue.positions(symbol)) {
                legs = legs.plus(leg.positionSide(), leg.netQty());
            }
            return legs;
        } catch (ExchangeException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The resting grid order that shares its identity (kind, side, line) with another, if any. */
    public Optional<OpenOrder> duplicateIdentity() {
        Set<String> identities = new HashSet<>();
        for (OpenOrder o : openOrders()) {
            ClientOrderId.Parsed p = ClientOrderId.parse(o.clientOrderId()).orElseThrow();
            if (!identities.add(p.kind() + "/" + p.side() + "/" + p.line())) {
                return Optional.of(o);
            }
        }
        return Optional.empty();
    }
}
