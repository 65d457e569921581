package io.gridbot.exchange.binance.data;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Arrays;

/**
 * The fields of one captured stream message that a replay uses, read with Jackson's streaming parser and kept
 * as text: objects and arrays (a depth update's levels, a snapshot's thousand of them) are skipped unread, and
 * the holder is reused line after line. The combined-stream envelope is looked through: the fields of
 * {@code data} count as the message's own.
 */
final class CaptureMessage {

    static final int TYPE = 0;
    static final int SYMBOL = 1;
    static final int TRADE_TIME = 2;
    static final int EVENT_TIME = 3;
    static final int PRICE = 4;
    static final int QTY = 5;
    static final int BUYER_IS_MAKER = 6;
    static final int BID = 7;
    static final int BID_QTY = 8;
    static final int ASK = 9;
    static final int ASK_QTY = 10;
    static final int TRADE_KIND = 11;

    private final String[] fields = new String[12];

    /** A field's text, {@code null} when the message has none. */
    String get(int field) {
        return fields[field];
    }

    /** Reads the message the parser stands at the start of, forgetting the previous one. */
    void read(JsonParser p) throws IOException {
        Arrays.fill(fields, null);
        readObject(p, true);
    }

    private void readObject(JsonParser p, boolean top) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (top && value == JsonToken.START_OBJECT && name.equals("data")) {
                readObject(p, false);
            } else if (value.isStructStart()) {
                p.skipChildren();
            } else if (value != JsonToken.VALUE_NULL) {
                int field = field(name);
                if (field >= 0) {
                    fields[field] = p.getText();
                }
            }
        }
    }

    private static int field(String name) {
        return switch (name) {
            case "e" -> TYPE;
            case "s" -> SYMBOL;
            case "T" -> TRADE_TIME;
            case "E" -> EVENT_TIME;
            case "p" -> PRICE;
            case "q" -> QTY;
            case "m" -> BUYER_IS_MAKER;
            case "b" -> BID;
            case "B" -> BID_QTY;
            case "a" -> ASK;
            case "A" -> ASK_QTY;
            case "X" -> TRADE_KIND;
            default -> -1;
        };
    }
}
