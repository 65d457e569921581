package io.gridbot.core.spacing;

import java.math.BigDecimal;
import java.math.MathContext;

/** Exact-enough decimal roots for geometric spacing, without going through floating point. */
final class Roots {

    private Roots() {
    }

    /** The positive {@code n}-th root of a positive value, to {@link Spacing#MATH} precision. */
    static BigDecimal nthRoot(BigDecimal value, int n) {
        if (n == 1) {
            return value;
        }
        MathContext mc = Spacing.MATH;
        BigDecimal bigN = BigDecimal.valueOf(n);
        BigDecimal nMinusOne = BigDecimal.valueOf(n - 1L);
        // Newton's iteration x' = ((n-1) x + v / x^(n-1)) / n, started at 1 + (v - 1) / n, which is close
        // for the ratios a grid uses and converges quadratically.
        BigDecimal x = BigDecimal.ONE.add(value.subtract(BigDecimal.ONE).divide(bigN, mc));
        BigDecimal tolerance = BigDecimal.ONE.movePointLeft(mc.getPrecision() - 2);
        for (int i = 0; i < 200; i++) {
            BigDecimal next = nMinusOne.multiply(x).add(value.divide(x.pow(n - 1, mc), mc)).divide(bigN, mc);
            if (next.subtract(x).abs().compareTo(tolerance) <= 0) {
                return next;
            }
            x = next;
        }
        return x;
    }
}
