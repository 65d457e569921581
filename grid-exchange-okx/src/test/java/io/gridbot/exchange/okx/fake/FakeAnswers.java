package io.gridbot.exchange.okx.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/**
 * The fake's answers as OKX sends them: data with code 0; a refusal of the whole request with its code, an empty
 * data and OKX's HTTP status for it (400 for a malformed request, else 200); item answers with code 0 when every
 * item succeeded, 2 when some did, 1 when none did.
 */
final class FakeAnswers {

    /** Codes OKX answers with HTTP 400. */
    private static final Set<String> BAD_REQUEST = Set.of("50000", "50002", "50014", "51000");

    private final FakeWire wire;

    FakeAnswers(FakeWire wire) {
        this.wire = wire;
    }

    FakeRest.Answer ok(ArrayNode data) {
        return new FakeRest.Answer(200, wire.ok(data));
    }

    FakeRest.Answer error(String code, String msg) {
        return new FakeRest.Answer(BAD_REQUEST.contains(code) ? 400 : 200, wire.envelope(code, msg, wire.array()));
    }

    /** The answer to a request of one item (a single place or cancel). */
    FakeRest.Answer single(ObjectNode item) {
        return items(wire.array().add(item));
    }

    FakeRest.Answer items(ArrayNode items) {
        long ok = 0;
        for (JsonNode item : items) {
            ok += "0".equals(item.path("sCode").asText()) ? 1 : 0;
        }
        String code = ok == items.size() ? "0" : ok == 0 ? "1" : "2";
        String msg = code.equals("0") ? "" : code.equals("1") ? "Operation failed." : "Bulk operation partially succeeded.";
        return new FakeRest.Answer(200, wire.envelope(code, msg, items));
    }
}
