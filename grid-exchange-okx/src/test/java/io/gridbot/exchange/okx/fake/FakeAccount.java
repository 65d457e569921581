package io.gridbot.exchange.okx.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.gridbot.core.config.PositionMode;
import io.gridbot.exchange.ExchangeException;
import io.gridbot.exchange.account.PositionSnapshot;
import java.util.List;
import java.util.Map;

/**
 * The fake's account and public routes: instruments, a ticker, the balance, positions (only those that are open, in
 * contracts), the account configuration and the position-mode switch, which the simulator refuses (59000) while
 * positions or orders are open. A switch to the mode the account is in succeeds and changes nothing.
 */
final class FakeAccount {

    private final FakeOkx fake;
    private final FakeAnswers answers;

    FakeAccount(FakeOkx fake, FakeAnswers answers) {
        this.fake = fake;
        this.answers = answers;
    }

    FakeRest.Answer instruments(Map<String, String> q) {
        if (!q.containsKey("instType")) {
            return answers.error("50014", "Parameter instType can not be empty.");
        }
        ArrayNode out = fake.wire.array();
        if (!q.get("instType").equals("SWAP")) {
            return answers.ok(out);
        }
        if (q.containsKey("instId") && !fake.listed.containsKey(q.get("instId"))) {
            return answers.error("51001", "Instrument ID, Instrument ID code or Spread ID doesn't exist.");
        }
        fake.listed.values().stream().filter(i -> !q.containsKey("instId") || i.instId().equals(q.get("instId")))
                .forEach(i -> out.add(fake.wire.instrument(i, fake.terms.getOrDefault(i.instId(), FakeWire.Terms.TRADED))));
        return answers.ok(out);
    }

    /** One instrument's ticker; OKX answers 51001 for one it does not list. */
    FakeRest.Answer ticker(Map<String, String> q) {
        FakeInstrument listed = fake.listed.get(q.getOrDefault("instId", ""));
        if (listed == null) {
            return answers.error("51001", "Instrument ID, Instrument ID code or Spread ID doesn't exist.");
        }
        return answers.ok(fake.wire.array().add(fake.wire.ticker(listed, fake.lastPrice.get(listed.instId()), fake.now())));
    }

    FakeRest.Answer balance() {
        return answers.ok(fake.wire.array().add(fake.wire.balance(fake.sim.balances(), fake.now())));
    }

    FakeRest.Answer positions(Map<String, String> q) {
        ArrayNode out = fake.wire.array();
        List<String> instIds = q.containsKey("instId") ? List.of(q.get("instId").split(",")) : List.copyOf(fake.listed.keySet());
        for (String instId : instIds) {
            FakeInstrument inst = fake.listed.get(instId);
            if (inst == null) {
                continue;
            }
            try {
                for (PositionSnapshot p : fake.sim.positions(instId)) {
                    if (p.netQty().signum() != 0) {
                        out.add(fake.wire.position(inst, p, fake.lastPrice.get(instId)));
                    }
                }
            } catch (ExchangeException e) {
                return answers.error(e.venueCode(), e.venueMessage());
            }
        }
        return answers.ok(out);
    }

    FakeRest.Answer config() {
        String posMode = fake.sim.positionMode() == PositionMode.HEDGE ? "long_short_mode" : "net_mode";
        return answers.ok(fake.wire.array().add(fake.wire.object().put("uid", "44705892343619584").put("mainUid", "44705892343619584")
                .put("acctLv", "2").put("posMode", posMode).put("autoLoan", false).put("level", "Lv1")
                .put("perm", "read_only,trade").put("label", "fake").put("ip", "")));
    }

    FakeRest.Answer setPositionMode(JsonNode body) {
        String posMode = body == null ? "" : body.path("posMode").asText("");
        PositionMode mode = switch (posMode) {
            case "net_mode" -> PositionMode.ONE_WAY;
            case "long_short_mode" -> PositionMode.HEDGE;
            default -> null;
        };
        if (mode == null) {
            return answers.error("51000", "Parameter posMode error");
        }
        if (mode != fake.sim.positionMode()) {
            try {
                fake.sim.changePositionMode(mode);
            } catch (ExchangeException e) {
                return answers.error(e.venueCode(), e.venueMessage());
            }
        }
        return answers.ok(fake.wire.array().add(fake.wire.object().put("posMode", posMode)));
    }
}
