package io.gridbot.persistence.column;

import java.math.BigDecimal;

/** Decimals read back from DECIMAL(38,18) columns: the value as stored, without the column's padding. */
public final class StoredDecimal {

    private StoredDecimal() {
    }

    /** {@code 0.010000000000000000} becomes {@code 0.01}; {@code null} stays {@code null}. */
    public static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
