package io.gridbot.exchange.bybit.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridbot.exchange.ExchangeException;
import io.gridbot.exchange.wire.UnknownVenueValueException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads Bybit's {@code result} (an object, or its {@code list}) into wire records, and converts those into SPI values.
 * An item that cannot be read fails the request; one that names a status, side or type the adapter does not know
 * also raises a doubt, on which the adapter has the grid resynchronise. (A minimal copy of the other adapters'
 * reader; the shared one is to replace it.)
 */
public final class WireReader {

    private static final Logger LOG = LoggerFactory.getLogger(WireReader.class);

    private final ObjectMapper json;
    private final Consumer<String> doubt;

    /** @param doubt told why the venue's state is in doubt (it resynchronises) */
    public WireReader(ObjectMapper json, Consumer<String> doubt) {
        this.json = json;
        this.doubt = doubt;
    }

    public <T> T read(JsonNode node, Class<T> type) throws ExchangeException {
        if (node == null || !node.isObject()) {
            throw BybitErrors.unreadable(type);
        }
        try {
            return json.treeToValue(node, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            LOG.warn("a malformed {} from the venue: {}", type.getSimpleName(), e.getMessage());
            throw BybitErrors.unreadable(type);
        }
    }

    /** The items of {@code result.list}. */
    public <T> List<T> list(JsonNode result, Class<T> type) throws ExchangeException {
        JsonNode list = result == null ? null : result.get("list");
        if (list == null || !list.isArray()) {
            throw BybitErrors.unreadable(type);
        }
        List<T> out = new ArrayList<>(list.size());
        for (JsonNode item : list) {
            out.add(read(item, type));
        }
        return out;
    }

    /** Converts a wire record; a value the adapter does not know fails the request and raises a doubt. */
    public <W, T> T convert(W wire, Function<W, T> conversion) throws ExchangeException {
        try {
            return conversion.apply(wire);
        } catch (UnknownVenueValueException e) {
            LOG.error("{}; resynchronising with the venue", e.getMessage());
            doubt.accept(e.getMessage());
            throw BybitErrors.unknownValue(e);
        }
    }
}
