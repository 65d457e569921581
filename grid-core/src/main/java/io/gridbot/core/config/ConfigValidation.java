package io.gridbot.core.config;

import io.gridbot.core.market.SymbolRules;
import io.gridbot.core.spacing.GridLadder;
import io.gridbot.core.spacing.Spacing;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** A grid configuration's rules, checked field by field. */
final class ConfigValidation {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private ConfigValidation() {
    }

    static List<ConfigViolation> check(GridConfig c) {
        List<ConfigViolation> out = new ArrayList<>();
        if (c.name() == null || !NAME.matcher(c.name()).matches()) {
            out.add(new ConfigViolation("name", "must be 1 to 64 letters, digits, '_', '.' or '-', starting with a letter or digit"));
        }
        if (c.exchange() == null || c.exchange().isBlank()) {
            out.add(new ConfigViolation("exchange", "is required"));
        }
        SymbolRules rules = c.rules();
        boolean rulesOk = checkRules(rules, out);
        boolean bandOk = checkBand(c, out);
        if (c.levels() < 5) {
            out.add(new ConfigViolation("levels", "must be at least 5, was " + c.levels()));
        } else if (c.levels() > 10_000) {
            out.add(new ConfigViolation("levels", "must be at most 10000, was " + c.levels()));
        }
        int maxResting = c.mode() == GridMode.NEUTRAL ? c.levels() : c.levels() - 1;
        if (rulesOk && c.levels() >= 5 && maxResting > rules.maxOpenOrders()) {
            out.add(new ConfigViolation("levels", "a " + c.mode().name().toLowerCase() + " grid of " + c.levels()
                    + " lines can rest " + maxResting + " orders, more than the venue's cap of "
                    + rules.maxOpenOrders() + " open orders on " + rules.symbol()));
        }
        checkQuantities(c, rulesOk, out);
        if (c.stopLossBufferPct() == null || c.stopLossBufferPct().signum() < 0
                || c.stopLossBufferPct().compareTo(HUNDRED) >= 0) {
            out.add(new ConfigViolation("stopLossBufferPct", "must be at least 0 and below 100 (percent)"));
        }
        if (c.refreshIntervalMs() < GridConfig.MIN_REFRESH_MS) {
            out.add(new ConfigViolation("refreshIntervalMs", "must be at least " + GridConfig.MIN_REFRESH_MS + " ms"));
        }
        if (c.makerFeeRate() == null || c.makerFeeRate().signum() < 0) {
            out.add(new ConfigViolation("makerFeeRate", "must be zero or more (a fraction: 0.0002 is 0.02 %)"));
        }
        if (c.cooldownMs() < 0) {
            out.add(new ConfigViolation("cooldownMs", "must not be negative"));
        }
        if (c.partialFillTimeoutMs() <= 0) {
            out.add(new ConfigViolation("partialFillTimeoutMs", "must be positive"));
        }
        if (c.logCapacity() < 1 || c.logCapacity() > GridConfig.MAX_LOG_CAPACITY) {
            out.add(new ConfigViolation("logCapacity", "must be between 1 and " + GridConfig.MAX_LOG_CAPACITY));
        }
        if (out.isEmpty() && rulesOk && bandOk) {
            checkLadder(c, out);
        }
        return out;
    }

    private static boolean checkRules(SymbolRules rules, List<ConfigViolation> out) {
        int before = out.size();
        if (rules.symbol().isBlank()) {
            out.add(new ConfigViolation("symbol", "is required"));
        }
        if (rules.tickSize().signum() <= 0) {
            out.add(new ConfigViolation("priceTick", "must be above zero"));
        }
        if (rules.stepSize().signum() <= 0) {
            out.add(new ConfigViolation("qtyStep", "must be above zero"));
        }
        if (rules.minQty().signum() < 0) {
            out.add(new ConfigViolation("minQty", "must not be negative"));
        }
        if (rules.minNotional().signum() < 0) {
            out.add(new ConfigViolation("minNotional", "must not be negative"));
        }
        if (rules.maxOpenOrders() < 1) {
            out.add(new ConfigViolation("maxOpenOrders", "must be at least 1"));
        }
        return out.size() == before;
    }

    private static boolean checkBand(GridConfig c, List<ConfigViolation> out) {
        int before = out.size();
        if (c.spacing() instanceof Spacing.Percentage p) {
            if (p.percent() == null || p.percent().signum() <= 0) {
                out.add(new ConfigViolation("spacingPct", "must be above zero"));
            }
            if (p.centre() != null && p.centre().signum() <= 0) {
                out.add(new ConfigViolation("centrePrice", "must be above zero"));
            }
            return out.size() == before;
        }
        if (c.lowerPrice() == null || c.lowerPrice().signum() <= 0) {
            out.add(new ConfigViolation("lowerPrice", "must be above zero"));
        }
        if (c.upperPrice() == null || c.upperPrice().signum() <= 0) {
            out.add(new ConfigViolation("upperPrice", "must be above zero"));
        }
        if (out.size() == before && c.lowerPrice().compareTo(c.upperPrice()) >= 0) {
            out.add(new ConfigViolation("upperPrice", "must be above lowerPrice (" + c.lowerPrice().toPlainString() + ")"));
        }
        return out.size() == before;
    }

    private static void checkQuantities(GridConfig c, boolean rulesOk, List<ConfigViolation> out) {
        BigDecimal qty = c.orderQty();
        if (qty == null || qty.signum() <= 0) {
            out.add(new ConfigViolation("orderQty", "must be above zero"));
            return;
        }
        if (rulesOk) {
            if (!c.rules().onStep(qty)) {
                out.add(new ConfigViolation("orderQty", qty.toPlainString() + " is not a multiple of the quantity step "
                        + c.rules().stepSize().toPlainString()));
            }
            if (qty.compareTo(c.rules().minQty()) < 0) {
                out.add(new ConfigViolation("orderQty", qty.toPlainString() + " is below the venue's minimum quantity "
                        + c.rules().minQty().toPlainString()));
            }
        }
        BigDecimal max = c.maxPosition();
        if (max == null || max.signum() <= 0) {
            out.add(new ConfigViolation("maxPosition", "must be above zero"));
        } else if (max.compareTo(qty) < 0) {
            out.add(new ConfigViolation("maxPosition", max.toPlainString()
                    + " is below orderQty: no entry could ever be placed"));
        }
    }

    /** Checks what only the built lines show: distinct prices, minimum notional, break-even spacing. */
    private static void checkLadder(GridConfig c, List<ConfigViolation> out) {
        if (c.spacing() instanceof Spacing.Percentage p) {
            // Lines are known only at first start; the ratio still decides break-even.
            BigDecimal roundTrip = c.makerFeeRate().multiply(BigDecimal.valueOf(2)).multiply(HUNDRED);
            if (p.percent().compareTo(roundTrip) <= 0) {
                out.add(new ConfigViolation("spacingPct", p.percent().toPlainString()
                        + " % cannot pay two maker fees of " + c.makerFeeRate().toPlainString() + " per round trip"));
            }
            if (p.centre() == null) {
                return;
            }
        }
        GridLadder ladder;
        try {
            ladder = GridLadder.build(c.spacing(), c.lowerPrice(), c.upperPrice(), c.levels(), c.rules().tickSize(), null);
        } catch (IllegalArgumentException e) {
            out.add(new ConfigViolation("levels", e.getMessage()));
            return;
        }
        BigDecimal lowest = ladder.lowest();
        if (lowest.multiply(c.orderQty()).compareTo(c.rules().minNotional()) < 0) {
            out.add(new ConfigViolation("orderQty", "an order of " + c.orderQty().toPlainString() + " at the lowest line "
                    + lowest.toPlainString() + " is worth less than the venue's minimum notional "
                    + c.rules().minNotional().toPlainString()));
        }
        for (int i = 1; i < ladder.size(); i++) {
            BigDecimal lo = ladder.price(i - 1);
            BigDecimal hi = ladder.price(i);
            BigDecimal fees = c.makerFeeRate().multiply(lo.add(hi));
            if (hi.subtract(lo).compareTo(fees) <= 0) {
                out.add(new ConfigViolation("levels", "the spacing between lines " + (i - 1) + " and " + i + " ("
                        + hi.subtract(lo).toPlainString() + ") cannot pay two maker fees of "
                        + c.makerFeeRate().toPlainString() + " per round trip: use fewer levels or a wider band"));
                return;
            }
        }
    }
}
