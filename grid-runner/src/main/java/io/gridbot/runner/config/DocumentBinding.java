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

    /** The reader of each kind of field the document has. */
    private static final class FieldReaders extends SimpleDeserializers {
        FieldReaders() {
            addDeserializer(String.class, new Text(null));
            addDeserializer(BigDecimal.class, new Decimal(null, null));
            addDeserializer(Integer.class, new WholeNumber<>(Integer.class, null));
            addDeserializer(Long.class, new WholeNumber<>(Long.class, null));
            addDeserializer(Boolean.class, new Flag(null));
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"}) // the enum's own type is known only here, as a Class<?>
        public JsonDeserializer<?> findEnumDeserializer(Class<?> type, DeserializationConfig config,
                BeanDescription beanDesc) {
            return new Choice(type, null);
        }
    }

    /** One field's reader: a value it cannot read is recorded against the field, and read as absent. */
    private abstract static class FieldReader<T> extends StdDeserializer<T> implements ContextualDeserializer {
        final String field;

        FieldReader(Class<?> type, String field) {
            super(type);
            this.field = field;
        }

        abstract FieldReader<T> forField(String name);

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
            return property == null ? this : forField(property.getName());
        }

        T refuse(JsonParser p, DeserializationContext ctxt, String reason) throws IOException {
            p.skipChildren();
            found(ctxt).refused().add(new ConfigViolation(field, reason));
            return null;
        }

        /** The value as text, as a file states it, or {@code null} for a list or a mapping. */
        static String scalar(JsonParser p) throws IOException {
            return p.currentToken().isScalarValue() ? p.getText() : null;
        }
    }

    private static final class Text extends FieldReader<String> {
        Text(String field) {
            super(String.class, field);
        }

        @Override
        FieldReader<String> forField(String name) {
            return new Text(name);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = scalar(p);
            return text != null ? text : refuse(p, ctxt, "must be a single value");
        }
    }

    private static final class Decimal extends FieldReader<BigDecimal> {
        private final ConfigColumns.Decimal column;

        Decimal(String field, ConfigColumns.Decimal column) {
            super(BigDecimal.class, field);
            this.column = column;
        }

        @Override
        FieldReader<BigDecimal> forField(String name) {
            return new Decimal(name, ConfigColumns.Decimal.of(name)
                    .orElseThrow(() -> new IllegalArgumentException("not a decimal field: " + name)));
        }

        @Override
        public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            DecimalInput.Read read;
            if (p.currentToken().isNumeric()) {
                read = DecimalInput.number(p.getDecimalValue(), column);
            } else if (p.currentToken().isScalarValue()) {
                read = DecimalInput.text(p.getText(), column);
            } else {
                return refuse(p, ctxt, "must be a single value");
            }
            return switch (read) {
                case DecimalInput.Read.Value value -> value.value();
                case DecimalInput.Read.Refused refused -> refuse(p, ctxt, refused.reason());
            };
        }
    }

    private static final class WholeNumber<N extends Number> extends FieldReader<N> {
        private static final BigInteger MIN = BigInteger.valueOf(Integer.MIN_VALUE);
        private static final BigInteger MAX = BigInteger.valueOf(Integer.MAX_VALUE);
        private final Class<N> type;

        WholeNumber(Class<N> type, String field) {
            super(type, field);
            this.type = type;
        }

        @Override
        FieldReader<N> forField(String name) {
            return new WholeNumber<>(type, name);
        }

        @Override
        public N deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() == JsonToken.VALUE_NUMBER_INT) {
                BigInteger value = p.getBigIntegerValue();
                if (value.compareTo(MIN) >= 0 && value.compareTo(MAX) <= 0) {
                    return type.cast(type == Long.class ? (Object) value.longValue() : (Object) value.intValue());
                }
            }
            String text = scalar(p);
            return refuse(p, ctxt, "must be a whole number, was '" + (text == null ? "" : text) + "'");
        }
    }

    private static final class Flag extends FieldReader<Boolean> {
        Flag(String field) {
            super(Boolean.class, field);
        }

        @Override
        FieldReader<Boolean> forField(String name) {
            return new Flag(name);
        }

        @Override
        public Boolean deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken().isBoolean()) {
                return p.getBooleanValue();
            }
            return refuse(p, ctxt, "must be true or false");
        }
    }

    private static final class Choice<E extends Enum<E>> extends FieldReader<E> {
        private final Class<E> type;

        Choice(Class<E> type, String field) {
            super(type, field);
            this.type = type;
        }

        @Override
        FieldReader<E> forField(String name) {
            return new Choice<>(type, name);
        }

        @Override
        public E deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String raw = scalar(p);
            if (raw == null) {
                return refuse(p, ctxt, "must be a single value");
            }
            try {
                return Enum.valueOf(type, raw.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                return refuse(p, ctxt, "must be one of " + Arrays.stream(type.getEnumConstants())
                        .map(c -> c.name().toLowerCase(Locale.ROOT)).toList() + ", was '" + raw + "'");
            }
        }
    }
}
