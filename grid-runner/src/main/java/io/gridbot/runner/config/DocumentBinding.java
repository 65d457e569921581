package io.gridbot.runner.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleDeserializers;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridbot.core.config.ConfigViolation;
import io.gridbot.persistence.config.ConfigColumns;
import io.gridbot.persistence.config.GridDocument;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * One grid's fields bound by Jackson to a {@link GridDocument}, never failing on the first bad value: each value
 * that cannot be read is recorded against its field with the reason and read as absent, each key that is no
 * field of the document is recorded, so one run lists every problem. What each field accepts follows from its
 * type in the document: a decimal as a number or as text, checked against its column before it is expanded
 * ({@link DecimalInput}); a whole number only as an integer within {@code int} range (text is refused, as a
 * file has always refused it); true or false only as a boolean; an enum by name in any case, {@code -} for
 * {@code _}; text as any single value.
 */
final class DocumentBinding {

    /**
     * What was bound.
     *
     * @param document the fields, refused ones absent
     * @param unknown  the keys that are no grid field, in the order written
     * @param problems every problem of a field: required ones missing and an unknown spacing first, then each
     *                 refused value, in the document's field order; values of fields the document does not use
     *                 ({@link GridDocument#uses}) are not checked
     */
    record Bound(GridDocument document, List<String> unknown, List<ConfigViolation> problems) {
    }

    /** The per-read record of problems the readers below add to. */
    private record Found(List<ConfigViolation> refused, List<String> unknown) {
    }

    private static final ObjectReader READER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS) // money is never a double, even in passing
            .addModule(fieldReaders())
            .addHandler(new UnknownFields())
            .build()
            .readerFor(GridDocument.class);

    private DocumentBinding() {
    }

    private static SimpleModule fieldReaders() {
        SimpleModule module = new SimpleModule("grid-document");
        module.setDeserializers(new FieldReaders());
        return module;
    }

    static Bound bind(ObjectNode grid) {
        Found found = new Found(new ArrayList<>(), new ArrayList<>());
        GridDocument document;
        try {
            document = READER.withAttribute(Found.class, found).readValue(grid);
        } catch (IOException e) { // every reader records instead of throwing, so this is a bug, not bad input
            throw new UncheckedIOException(e);
        }
        List<String> order = List.copyOf(GridDocument.FIELDS.keySet());
        List<ConfigViolation> refused = found.refused().stream().filter(v -> document.uses(v.field()))
                .sorted(Comparator.comparingInt(v -> order.indexOf(v.field()))).toList();
        List<ConfigViolation> problems = new ArrayList<>();
        // A value given but refused is that field's problem, not a missing field.
        document.gaps().stream().filter(g -> refused.stream().noneMatch(r -> r.field().equals(g.field())))
                .forEach(problems::add);
        problems.addAll(refused);
        return new Bound(document, List.copyOf(found.unknown()), List.copyOf(problems));
    }

    private static Found found(DeserializationContext ctxt) {
        return (Found) ctxt.getAttribute(Found.class);
    }

    /** Records each key that is no field of the document, and skips its value. */
    private static final class UnknownFields extends DeserializationProblemHandler {
        @Override
        public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p, JsonDeserializer<?> deserializer,
                Object beanOrClass, String propertyName) throws IOException {
            found(ctxt).unknown().add(propertyName);
            p.skipChildren();
            return true;
        }
    }

    /** Why a value is refused, as a reader's answer instead of the value. */
    private record Refusal(String reason) {
    }

    /** How one kind of field reads its value: the value, or a {@link Refusal}. */
    @FunctionalInterface
    private interface Kind {
        Object read(JsonParser p, String field) throws IOException;
    }

    /** The reader of each kind of field the document has. */
    private static final class FieldReaders extends SimpleDeserializers {
        FieldReaders() {
            add(String.class, (p, field) -> orRefusal(scalar(p), "must be a single value"));
            add(BigDecimal.class, DocumentBinding::decimal);
            add(Integer.class, (p, field) -> wholeNumber(p, BigInteger::intValue));
            add(Long.class, (p, field) -> wholeNumber(p, BigInteger::longValue));
            add(Boolean.class, (p, field) -> p.currentToken().isBoolean() ? p.getBooleanValue()
                    : new Refusal("must be true or false"));
        }

        @SuppressWarnings("unchecked") // a FieldReader answers the type it is registered for, or null
        private <T> void add(Class<T> type, Kind kind) {
            addDeserializer(type, (JsonDeserializer<T>) new FieldReader(type, kind, null));
        }

        @Override
        public JsonDeserializer<?> findEnumDeserializer(Class<?> type, DeserializationConfig config,
                BeanDescription beanDesc) {
            return new FieldReader(type, (p, field) -> choice(p, type), null);
        }
    }

    /** One field's reader: a value it refuses is recorded against the field, and read as absent. */
    private static final class FieldReader extends StdDeserializer<Object> implements ContextualDeserializer {
        private final transient Kind kind;
        private final String field;

        FieldReader(Class<?> type, Kind kind, String field) {
            super(type);
            this.kind = kind;
            this.field = field;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
            return property == null ? this : new FieldReader(handledType(), kind, property.getName());
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            Object value = kind.read(p, field);
            if (value instanceof Refusal refusal) {
                p.skipChildren();
                found(ctxt).refused().add(new ConfigViolation(field, refusal.reason()));
                return null;
            }
            return value;
        }
    }

    /** The value as text, as a file states it, or {@code null} for a list or a mapping. */
    private static String scalar(JsonParser p) throws IOException {
        return p.currentToken().isScalarValue() ? p.getText() : null;
    }

    private static Object orRefusal(Object value, String reason) {
        return value != null ? value : new Refusal(reason);
    }

    private static Object decimal(JsonParser p, String field) throws IOException {
        ConfigColumns.Decimal column = ConfigColumns.Decimal.of(field)
                .orElseThrow(() -> new IllegalArgumentException("not a decimal field: " + field));
        DecimalInput.Read read;
        if (p.currentToken().isNumeric()) {
            read = DecimalInput.number(p.getDecimalValue(), column);
        } else if (p.currentToken().isScalarValue()) {
            read = DecimalInput.text(p.getText(), column);
        } else {
            return new Refusal("must be a single value");
        }
        return switch (read) {
            case DecimalInput.Read.Value value -> value.value();
            case DecimalInput.Read.Refused refused -> new Refusal(refused.reason());
        };
    }

    /** Within {@code int} range even for a {@code long} field, as a file has always been read. */
    private static Object wholeNumber(JsonParser p, Function<BigInteger, Number> as) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NUMBER_INT) {
            BigInteger value = p.getBigIntegerValue();
            if (value.bitLength() < Integer.SIZE) {
                return as.apply(value);
            }
        }
        String text = scalar(p);
        return new Refusal("must be a whole number, was '" + (text == null ? "" : text) + "'");
    }

    private static Object choice(JsonParser p, Class<?> type) throws IOException {
        String raw = scalar(p);
        if (raw == null) {
            return new Refusal("must be a single value");
        }
        String name = raw.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(type.getEnumConstants()).filter(c -> ((Enum<?>) c).name().equals(name))
                .<Object>map(c -> c).findFirst().orElseGet(() -> new Refusal("must be one of " + Arrays.stream(type.getEnumConstants())
                        .map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT)).toList() + ", was '" + raw + "'"));
    }
}
