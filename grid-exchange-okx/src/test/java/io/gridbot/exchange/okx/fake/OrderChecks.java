package io.gridbot.exchange.okx.fake;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridbot.core.config.PositionMode;
import io.gridbot.core.order.PositionSide;
import io.gridbot.core.order.Side;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * The checks the fake makes of an order body before the simulator sees it, with OKX's codes: a listed
 * instrument (51001), a client id of 1 to 32 letters and digits, a side, a decimal, and the position side against
 * the position mode ({@code net} or none in net mode, {@code long} / {@code short} in long/short mode), else 51000.
 */
final class OrderChecks {

    static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9]{1,32}");

    private final FakeOkx fake;

    OrderChecks(FakeOkx fake) {
        this.fake = fake;
    }

    FakeInstrument listed(String instId) throws Refused {
        FakeInstrument inst = fake.listed.get(instId);
        if (inst == null) {
            throw new Refused("51001", "Instrument ID, Instrument ID code or Spread ID doesn't exist.");
        }
        return inst;
    }

    PositionSide positionSide(JsonNode o) throws Refused {
        String posSide = o.path("posSide").asText("");
        boolean longShort = fake.sim.positionMode() == PositionMode.HEDGE;
        PositionSide side = switch (posSide) {
            case "", "net" -> PositionSide.BOTH;
            case "long" -> PositionSide.LONG;
            case "short" -> PositionSide.SHORT;
            default -> null;
        };
        if (side == null || longShort == (side == PositionSide.BOTH)) {
            throw new Refused("51000", "Parameter posSide error");
        }
        return side;
    }

    static String clientId(String id, String field) throws Refused {
        if (id == null || !CLIENT_ID.matcher(id).matches()) {
            throw new Refused("51000", "Parameter " + field + " error");
        }
        return id;
    }

    static Side side(String side) throws Refused {
        return switch (side) {
            case "buy" -> Side.BUY;
            case "sell" -> Side.SELL;
            default -> throw new Refused("51000", "Parameter side error");
        };
    }

    static BigDecimal decimal(JsonNode o, String field) throws Refused {
        try {
            return new BigDecimal(o.path(field).asText(""));
        } catch (NumberFormatException e) {
            throw new Refused("51000", "Parameter " + field + " error");
        }
    }

    /** A request body OKX refuses, with its code. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        private final String code;

        Refused(String code, String message) {
            super(message, null, false, false);
            this.code = code;
        }

        String code() {
            return code;
        }
    }
}
