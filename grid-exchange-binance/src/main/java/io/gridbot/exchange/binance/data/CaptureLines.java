package io.gridbot.exchange.binance.data;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.gridbot.core.order.Side;
import io.gridbot.exchange.replay.MarketTrade;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.function.Consumer;

/**
 * A raw capture of Binance USDⓈ-M futures WebSocket streams: one JSON message per line, bare or in the
 * combined-stream envelope {@code {"stream":…,"data":…}}, optionally after the recorder's receive time and a
 * space (ignored: the event's own time is used). {@code trade} and {@code aggTrade} events become trades with
 * their aggressor ({@code m}, buyer is maker, means the seller took liquidity); {@code bookTicker} events become
 * trades at the mid price without volume; everything else (depth updates, a REST snapshot, subscription
 * replies) carries no trade and is skipped, as are trades the venue marks as not from the book ({@code X}
 * other than {@code MARKET}). Only one symbol is played: the one named, or, when none is, the only one the
 * capture holds. A capture of both trade and aggTrade streams plays the one met first, since both carry the
 * same trades.
 *
 * <p>The streams of a capture are each in time order but interleave as they were received, so an event may
 * carry an earlier time than the one before it; events are played in the order received, each at the latest
 * time seen so far, as a live grid would have met them. An event whose time goes back within its own stream
 * is an error.
 */
final class CaptureLines implements LineFormat {

    private static final JsonFactory JSON = new JsonFactory();
    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    private final CaptureMessage message = new CaptureMessage();
    private final boolean symbolNamed;
    private String symbol;
    private String tradeStream;
    private long lastTrade = Long.MIN_VALUE;
    private long lastQuote = Long.MIN_VALUE;
    private long played = Long.MIN_VALUE;

    /** @param symbol the symbol to play, {@code null} for the only one in the capture */
    CaptureLines(String symbol) {
        this.symbol = symbol;
        this.symbolNamed = symbol != null;
    }

    @Override
    public boolean read(String line, long number, Consumer<MarketTrade> out) {
        parse(line);
        String type = message.get(CaptureMessage.TYPE);
        boolean trade = "trade".equals(type) || "aggTrade".equals(type);
        if (!trade && !"bookTicker".equals(type) || !ofTheSymbol(type)) {
            return false;
        }
        if (trade) {
            if (tradeStream == null) {
                tradeStream = type;
            }
            String kind = message.get(CaptureMessage.TRADE_KIND);
            if (!type.equals(tradeStream) || kind != null && !kind.equals("MARKET")) {
                return false;
            }
            long time = inOrder(time(type), lastTrade, type);
            BigDecimal price = price(type, CaptureMessage.PRICE, "p (price)");
            BigDecimal qty = quantity(type, CaptureMessage.QTY, "q (quantity)");
            Side aggressor = aggressor(type);
            lastTrade = time;
            out.accept(new MarketTrade(play(time), price, qty, aggressor));
        } else {
            long time = inOrder(time(type), lastQuote, type);
            BigDecimal bid = price(type, CaptureMessage.BID, "b (best bid)");
            quantity(type, CaptureMessage.BID_QTY, "B (best bid quantity)");
            BigDecimal ask = price(type, CaptureMessage.ASK, "a (best ask)");
            quantity(type, CaptureMessage.ASK_QTY, "A (best ask quantity)");
            lastQuote = time;
            out.accept(new MarketTrade(play(time), bid.add(ask).divide(TWO), null));
        }
        return true;
    }

    @Override
    public String unit() {
        return "line";
    }

    @Override
    public String nothingToPlay() {
        return "no trade or bookTicker messages" + (symbolNamed ? " for " + symbol : "");
    }

    private void parse(String line) {
        int start = messageStart(line);
        if (start < 0) {
            throw new BadLine("'" + BadLine.excerpt(line) + "' is not a JSON message (optionally after a receive time)");
        }
        try (JsonParser p = JSON.createParser(line.substring(start))) {
            p.nextToken();
            message.read(p);
            if (p.nextToken() != null) {
                throw new BadLine("text after the JSON message");
            }
        } catch (JsonProcessingException e) {
            // the parser's own words, which quote little of the line: room for a whole sentence
            String why = e.getOriginalMessage();
            throw new BadLine("not JSON: " + BadLine.excerpt(why.lines().findFirst().orElse(why), 120));
        } catch (IOException e) {
            throw new BadLine("not JSON: " + e.getMessage());
        }
    }

    /** Where the JSON object starts, after the receive time if there is one; -1 when the line is something else. */
    private static int messageStart(String line) {
        int i = 0;
        while (i < line.length() && Character.isDigit(line.charAt(i))) {
            i++;
        }
        if (i > 0) {
            int digits = i;
            while (i < line.length() && line.charAt(i) == ' ') {
                i++;
            }
            if (i == digits) {
                return -1;
            }
        }
        return i < line.length() && line.charAt(i) == '{' ? i : -1;
    }

    private boolean ofTheSymbol(String type) {
        String s = message.get(CaptureMessage.SYMBOL);
        if (s == null) {
            throw new BadLine(type + " without s (symbol)");
        }
        if (symbol == null) {
            symbol = s;
        }
        if (!symbolNamed && !s.equals(symbol)) {
            throw new BadLine("a second symbol, " + s + " after " + symbol + ": name the symbol to play");
        }
        return s.equals(symbol);
    }

    private static long inOrder(long time, long last, String type) {
        if (time < last) {
            throw new BadLine(type + " time " + time + " is before the previous " + type + "'s " + last);
        }
        return time;
    }

    private long play(long time) {
        played = Math.max(played, time);
        return played;
    }

    private long time(String type) {
        String text = message.get(CaptureMessage.TRADE_TIME);
        if (text == null) {
            text = message.get(CaptureMessage.EVENT_TIME);
        }
        if (text == null) {
            throw new BadLine(type + " without T or E (time)");
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new BadLine(type + " time '" + BadLine.excerpt(text) + "' is not epoch milliseconds");
        }
    }

    private BigDecimal decimal(String type, int field, String name) {
        String text = message.get(field);
        if (text == null) {
            throw new BadLine(type + " without " + name);
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new BadLine(type + " " + name + " '" + BadLine.excerpt(text) + "' is not a number");
        }
    }

    private BigDecimal price(String type, int field, String name) {
        BigDecimal value = decimal(type, field, name);
        if (value.signum() <= 0) {
            throw new BadLine(type + " " + name + " " + message.get(field) + " is not above zero");
        }
        return value;
    }

    private BigDecimal quantity(String type, int field, String name) {
        BigDecimal value = decimal(type, field, name);
        if (value.signum() < 0) {
            throw new BadLine(type + " " + name + " " + message.get(field) + " is negative");
        }
        return value;
    }

    private Side aggressor(String type) {
        String buyerIsMaker = message.get(CaptureMessage.BUYER_IS_MAKER);
        if ("true".equals(buyerIsMaker)) {
            return Side.SELL;
        }
        if ("false".equals(buyerIsMaker)) {
            return Side.BUY;
        }
        throw new BadLine(type + " m (buyer is maker) " + (buyerIsMaker == null ? "is missing"
                : "'" + BadLine.excerpt(buyerIsMaker) + "' is neither true nor false"));
    }
}
