package io.gridbot.exchange.binance.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * Turns a stream frame into a typed message. Combined-stream envelopes ({@code {"stream":…,"data":…}}) are
 * unwrapped; field order does not matter; unknown fields are ignored; a frame that is not valid JSON or lacks
 * what its type needs throws {@link IOException}, for the caller to log and skip.
 */
public final class StreamParser {

    private final ObjectMapper json;

    public StreamParser(ObjectMapper json) {
        this.json = json;
    }

    public UserDataMessage user(String frame) throws IOException {
        JsonNode node = unwrap(json.readTree(frame));
        String type = node.path("e").asText("");
        return switch (type) {
            case "ORDER_TRADE_UPDATE" -> require(json.treeToValue(node, UserDataMessage.OrderTradeUpdate.class).order() != null,
                    json.treeToValue(node, UserDataMessage.OrderTradeUpdate.class));
            case "ACCOUNT_UPDATE" -> require(node.has("a"), json.treeToValue(node, UserDataMessage.AccountUpdate.class));
            case "ALGO_UPDATE" -> require(node.has("o"), json.treeToValue(node, UserDataMessage.AlgoUpdate.class));
            case "listenKeyExpired" -> json.treeToValue(node, UserDataMessage.ListenKeyExpired.class);
            default -> new UserDataMessage.Other(type);
        };
    }

    public MarketMessage market(String frame) throws IOException {
        JsonNode node = unwrap(json.readTree(frame));
        String type = node.path("e").asText("");
        return switch (type) {
            case "bookTicker" -> require(node.has("s"), json.treeToValue(node, MarketMessage.BookTicker.class));
            case "depthUpdate" -> require(node.has("s"), json.treeToValue(node, MarketMessage.DepthUpdate.class));
            case "markPriceUpdate" -> require(node.has("s"), json.treeToValue(node, MarketMessage.MarkPriceUpdate.class));
            case "aggTrade" -> require(node.has("p"), json.treeToValue(node, MarketMessage.AggTrade.class));
            default -> new MarketMessage.Other(type.isEmpty() && node.has("id") ? "reply" : type);
        };
    }

    private static JsonNode unwrap(JsonNode node) throws IOException {
        if (node == null || !node.isObject()) {
            throw new IOException("a stream frame must be a JSON object");
        }
        JsonNode data = node.get("data");
        return node.has("stream") && data != null && data.isObject() ? data : node;
    }

    private static <T> T require(boolean ok, T value) throws IOException {
        if (!ok) {
            throw new IOException("stream event without its body");
        }
        return value;
    }
}
