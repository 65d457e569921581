package io.gridbot.runner.config;

import io.gridbot.persistence.config.ConfigColumns;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * A decimal field as written, checked against the column that will keep it before any arithmetic touches it:
 * {@code 1.0e+999999999} must never be expanded, and a step of 19 decimals must not become 0 in the database.
 */
final class DecimalInput {

    /** Longer text cannot be a number any column keeps; it is refused before it is parsed. */
    private static final int MAX_TEXT = 100;
    private static final Pattern SYNTAX = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d{1,10})?");

    /** The value, or why there is none. */
    sealed interface Read {
        /** A value the column keeps exactly. */
        record Value(BigDecimal value) implements Read {
        }

        /** Why the input is refused. */
        record Refused(String reason) implements Read {
        }
    }

    private DecimalInput() {
    }

    /** A value written as text (quoted, or a word where a number belongs). */
    static Read text(String raw, ConfigColumns.Decimal column) {
        String text = raw.trim();
        if (text.length() > MAX_TEXT || !SYNTAX.matcher(text).matches()) {
            return new Read.Refused("must be a decimal number, was '" + shortened(text) + "'");
        }
        BigDecimal value;
        try {
            value = new BigDecimal(text);
        } catch (NumberFormatException e) { // an exponent beyond what any decimal holds
            return new Read.Refused("is beyond any number the database can keep, was '" + text + "'");
        }
        return number(value, column);
    }

    /** A value written as a number, exactly as written. */
    static Read number(BigDecimal value, ConfigColumns.Decimal column) {
        var misfit = column.misfit(value);
        if (misfit.isPresent()) {
            return new Read.Refused(misfit.get() + ", was '" + shortened(value.toString()) + "'");
        }
        // Now bounded, it may be written out: 1.5E+3 is kept as 1500, and 0.010 keeps its scale as written.
        if (value.scale() < 0) {
            return new Read.Value(value.setScale(0));
        }
        return new Read.Value(value.scale() > column.scale() ? value.stripTrailingZeros() : value);
    }

    private static String shortened(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }
}
