package io.gridbot.exchange.okx.rest;

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
 * Reads the items of OKX's {@code data} into wire records, and converts those into SPI values. An item that cannot
 * be read fails the request; one that names an order state, side or type the adapter does not know also raises a
 * doubt, on which the adapter has the grid resynchronise, since its picture of the orders may be wrong.
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
            throw OkxErrors.unreadable(type);
        }
        try {
            return json.treeToValue(node, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            LOG.warn("a malformed {} from the venue: {}", type.getSimpleName(), e.getMessage());
            throw OkxErrors.unreadable(type);
        }
    }

    public <T> List<T> readList(JsonNode array, Class<T> type) throws ExchangeException {
        List<T> out = new ArrayList<>(array.size());
        for (JsonNode item : array) {
            out.add(read(item, type));
        }
        return out;
    }

    /** The only item of an answer that must have exactly one (an order, the balance, the account's settings). */
    public <T> T single(JsonNode array, Class<T> type) throws ExchangeException {
        if (array.size() != 1) {
            throw OkxErrors.unreadable(type);
        }
        return read(array.get(0), type);
    }

    /** Converts a wire record; a value the adapter does not know fails the request and raises a doubt. */
    public <W, T> T convert(W wire, Function<W, T> conversion) throws ExchangeException {
        try {
            return conversion.apply(wire);
        } catch (UnknownVenueValueException e) {
            LOG.error("{}; resynchronising with the venue", e.getMessage());
            doubt.accept(e.getMessage());
            throw OkxErrors.unknownValue(e);
        }
    }
}
