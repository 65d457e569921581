package io.gridbot.runner.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridbot.persistence.config.ConfigColumns;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/** Typed access to one grid's fields in a file, reporting each type error as a problem of its field. */
record GridFields(ObjectNode node, String label, List<GridFile.Problem> problems) {

    void require(String... names) {
        for (String name : names) {
            if (!node.hasNonNull(name)) {
                problems.add(new GridFile.Problem(label, name, "is required"));
            }
        }
    }

    void ifPresent(String name, Consumer<JsonNode> action) {
        if (node.hasNonNull(name)) {
            action.accept(node.get(name));
        }
    }

    String text(String name, String fallback) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isValueNode()) {
            problems.add(new GridFile.Problem(label, name, "must be a single value"));
            return fallback;
        }
        return v.asText();
    }

    /** A decimal, refused unless its column keeps it exactly (see {@link DecimalInput}). */
    BigDecimal decimal(String name, BigDecimal fallback) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isValueNode()) {
            problems.add(new GridFile.Problem(label, name, "must be a single value"));
            return fallback;
        }
        ConfigColumns.Decimal column = ConfigColumns.Decimal.of(name)
                .orElseThrow(() -> new IllegalArgumentException("not a decimal field: " + name));
        return switch (DecimalInput.read(v, column)) {
            case DecimalInput.Read.Value value -> value.value();
            case DecimalInput.Read.Refused refused -> {
                problems.add(new GridFile.Problem(label, name, refused.reason()));
                yield fallback;
            }
        };
    }

    int integer(String name, int fallback) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (v.canConvertToInt() && v.isIntegralNumber()) {
            return v.intValue();
        }
        problems.add(new GridFile.Problem(label, name, "must be a whole number, was '" + v.asText() + "'"));
        return fallback;
    }

    boolean bool(String name) {
        JsonNode v = node.get(name);
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        problems.add(new GridFile.Problem(label, name, "must be true or false"));
        return false;
    }

    <E extends Enum<E>> E enumValue(String name, Class<E> type, E fallback) {
        String raw = text(name, null);
        if (raw == null) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, raw.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            problems.add(new GridFile.Problem(label, name, "must be one of " + java.util.Arrays.stream(type.getEnumConstants())
                    .map(c -> c.name().toLowerCase(Locale.ROOT)).toList() + ", was '" + raw + "'"));
            return fallback;
        }
    }
}
